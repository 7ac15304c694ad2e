// `scflows clear-tasks [--plan]`: remove every scflows entry of this public dir (its crontab block); all
// other crontab lines stay as they are.
import { type CrontabPort, systemCrontab } from '../crontab/system-crontab.js';
import { updateTasks } from '../crontab/task-store.js';
import type { CommandContext } from './context.js';

export interface ClearTasksOptions {
  plan: boolean;
}

/** Run clear-tasks; resolves to the exit code. */
export async function clearTasks(
  options: ClearTasksOptions,
  ctx: CommandContext,
  deps: { crontab: CrontabPort } = { crontab: systemCrontab() },
): Promise<number> {
  const outcome = await updateTasks(ctx.config, deps.crontab, options, (entries) => ({
    entries: [],
    result: entries.length,
  }));
  for (const line of outcome.plan ?? []) ctx.stdout(line);
  if (!options.plan) ctx.stdout(`removed ${outcome.result} task${outcome.result === 1 ? '' : 's'}`);
  return 0;
}

// `scflows remove-task NAME`: remove one scflows entry from the tabfile and the crontab block.

import { type CrontabPort, systemCrontab } from '../crontab/system-crontab.js';
import { updateTasks } from '../crontab/task-store.js';
import { UsageError } from '../errors.js';
import type { CommandContext } from './context.js';

export interface RemoveTaskOptions {
  name: string;
}

/** Run remove-task; an unknown name is a UsageError and changes nothing. */
export async function removeTask(
  options: RemoveTaskOptions,
  ctx: CommandContext,
  deps: { crontab: CrontabPort } = { crontab: systemCrontab() },
): Promise<number> {
  await updateTasks(ctx.config, deps.crontab, { plan: false }, (entries) => {
    const remaining = entries.filter((entry) => entry.name !== options.name);
    if (remaining.length === entries.length) {
      throw new UsageError(
        `unknown task "${options.name}" (list-tasks shows the task names)`,
        'E_UNKNOWN_TASK',
      );
    }
    return { entries: remaining, result: undefined };
  });
  ctx.stdout(`removed task ${options.name}`);
  return 0;
}

// `scflows list-tasks [--json]`: every scflows entry with its schedule, a description, the next run (local
// time, as cron), whether it is enabled (the identical line is in the installed crontab block), the
// command and its log file.
import { readBlock } from '../crontab/block.js';
import { parseCommand } from '../crontab/command.js';
import { compareEntries } from '../crontab/entry.js';
import { taskPaths } from '../crontab/paths.js';
import { type CrontabPort, systemCrontab } from '../crontab/system-crontab.js';
import { renderEntryLine } from '../crontab/tabfile.js';
import { readTabfile } from '../crontab/task-store.js';
import { parseCronExpression } from '../schedule/cron-expression.js';
import { describeSchedule } from '../schedule/describe.js';
import { formatTable } from '../util/table.js';
import type { CommandContext } from './context.js';

export interface ListTasksOptions {
  json: boolean;
}

export interface TaskInfo {
  name: string;
  source: string;
  schedule: string;
  description: string;
  nextRun: string;
  enabled: boolean;
  command: string;
  log: string | null;
}

/** Run list-tasks; resolves to the exit code. */
export async function listTasks(
  options: ListTasksOptions,
  ctx: CommandContext,
  deps: { crontab: CrontabPort } = { crontab: systemCrontab() },
): Promise<number> {
  const entries = (await readTabfile(taskPaths(ctx.config.publicDir).tabfile)).sort(compareEntries);
  const installed = new Set(
    entries.length === 0 ? [] : readBlock(await deps.crontab.read(), ctx.config.publicDir),
  );
  // cron-parser is only loaded when there is something to compute (cold start).
  const { nextRun } = entries.length === 0 ? { nextRun: undefined } : await import('../schedule/next-run.js');
  const now = ctx.now();
  const tasks: TaskInfo[] = entries.map((entry) => {
    const schedule = parseCronExpression(entry.schedule);
    return {
      name: entry.name,
      source: entry.source,
      schedule: entry.schedule,
      description: describeSchedule(schedule),
      nextRun: nextRun ? nextRun(schedule, now).toISOString() : '',
      enabled: installed.has(renderEntryLine(entry)),
      command: entry.command,
      log: parseCommand(entry.command)?.logFile ?? null,
    };
  });
  if (options.json) {
    ctx.stdout(JSON.stringify(tasks, null, 2));
    return 0;
  }
  if (tasks.length === 0) {
    ctx.stdout(`no scflows tasks in ${ctx.config.publicDir}`);
    return 0;
  }
  const rows = tasks.map((t) => [
    t.name,
    t.source,
    t.schedule,
    localTime(new Date(t.nextRun)),
    t.enabled ? 'yes' : 'NO',
    t.description,
    t.log ?? '-',
  ]);
  for (const line of formatTable(
    ['NAME', 'SOURCE', 'SCHEDULE', 'NEXT RUN', 'ENABLED', 'WHEN', 'LOG'],
    rows,
  )) {
    ctx.stdout(line);
  }
  ctx.stdout('');
  for (const t of tasks) ctx.stdout(`${t.name}: ${t.command}`);
  return 0;
}

/** "2026-11-27 15:17 +01:00" in the local time zone. */
function localTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())} ${zone}`;
}

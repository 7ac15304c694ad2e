// `scflows auto-schedule`: install the scheduler entry (`schedule-devices`) that runs schedule-devices
// every N days (or on --schedule); an existing one is kept unless --overwrite.
import { SCHEDULER_TASK } from '../crontab/entry.js';
import { updateTasks } from '../crontab/task-store.js';
import { parseCronExpression } from '../schedule/cron-expression.js';
import { placeSchedule, schedulerEntry } from '../schedule/entries.js';
import type { CommandContext } from './context.js';
import { type ScheduleDeps, scheduleDeps, scheduleDevices } from './schedule-devices.js';

/** The flags auto-schedule and manual-schedule share. */
export interface EntryFlags {
  /** A cron expression instead of the interval. */
  schedule: string | undefined;
  dryRun: boolean;
  queue: boolean;
  plan: boolean;
  forceFirstRun: boolean;
  overwrite: boolean;
}

export interface AutoScheduleOptions extends EntryFlags {
  intervalDays: number;
  taskIntervalHours: number;
}

/** Run auto-schedule; resolves to the exit code. */
export async function autoSchedule(
  options: AutoScheduleOptions,
  ctx: CommandContext,
  deps: ScheduleDeps = scheduleDeps(ctx),
): Promise<number> {
  const explicit =
    options.schedule === undefined ? undefined : parseCronExpression(options.schedule).expression;
  const outcome = await updateTasks<{ kept: boolean; schedule: string }>(
    ctx.config,
    deps.crontab,
    { plan: options.plan },
    (entries) => {
      const existing = entries.find((entry) => entry.name === SCHEDULER_TASK);
      if (existing !== undefined && !options.overwrite)
        return { entries, result: { kept: true, schedule: existing.schedule } };
      const others = entries.filter((entry) => entry.name !== SCHEDULER_TASK);
      const schedule = explicit ?? everyDays(placeSchedule(others, 24, SCHEDULER_TASK), options.intervalDays);
      const entry = schedulerEntry(ctx.config, schedule, options.taskIntervalHours, options);
      return { entries: [...others, entry], result: { kept: false, schedule } };
    },
  );
  for (const line of outcome.plan ?? []) ctx.stdout(line);
  const { kept, schedule } = outcome.result;
  if (kept) {
    ctx.stdout(`the scheduler entry already exists ("${schedule}"); kept it (use --overwrite to replace it)`);
  } else if (!options.plan) {
    ctx.stdout(`scheduler entry installed: schedule-devices on "${schedule}"`);
  }
  if (!options.forceFirstRun) return 0;
  if (options.plan) {
    ctx.stdout('plan: schedule-devices is not run now (--force-first-run without --plan runs it)');
    return 0;
  }
  const { taskIntervalHours: intervalHours, dryRun, queue } = options;
  return scheduleDevices({ intervalHours, dryRun, queue, plan: false }, ctx, deps);
}

// Every day: the placed "m h * * *"; every N days: a day-of-month step "m h */N * *" (it restarts each month).
function everyDays(daily: string, days: number): string {
  if (days === 1) return daily;
  const [minute, hour] = daily.split(' ');
  return `${minute} ${hour} */${days} * *`;
}

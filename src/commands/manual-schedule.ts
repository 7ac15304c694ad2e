// `scflows manual-schedule --device ID`: one device's entry regardless of the API (source=manual, which
// schedule-devices never touches); --force-first-run also runs the device now as a child process.
import { deviceTaskName, type TaskEntry } from '../crontab/entry.js';
import { type CrontabPort, systemCrontab } from '../crontab/system-crontab.js';
import { updateTasks } from '../crontab/task-store.js';
import { intervalHoursOf } from '../schedule/balance.js';
import { parseCronExpression } from '../schedule/cron-expression.js';
import { deviceEntry, hasArgs, placeSchedule, runDeviceArgs } from '../schedule/entries.js';
import { runScflows } from '../util/run-scflows.js';
import type { EntryFlags } from './auto-schedule.js';
import type { CommandContext } from './context.js';

export interface ManualScheduleOptions extends EntryFlags {
  device: number;
  intervalHours: number;
}

export interface ManualScheduleDeps {
  crontab: CrontabPort;
}

interface Result {
  state: 'kept' | 'same' | 'written';
  entry: TaskEntry;
}

/** Run manual-schedule; resolves to the exit code (of the first run, when forced and it failed). */
export async function manualSchedule(
  options: ManualScheduleOptions,
  ctx: CommandContext,
  deps: ManualScheduleDeps = { crontab: systemCrontab() },
): Promise<number> {
  const explicit =
    options.schedule === undefined ? undefined : parseCronExpression(options.schedule).expression;
  const name = deviceTaskName(options.device);
  const args = runDeviceArgs(options.device, options);
  const outcome = await updateTasks<Result>(ctx.config, deps.crontab, { plan: options.plan }, (entries) => {
    const existing = entries.find((entry) => entry.name === name);
    const others = entries.filter((entry) => entry.name !== name);
    const sameTiming =
      existing !== undefined &&
      (explicit !== undefined
        ? existing.schedule === explicit
        : intervalHoursOf(existing.schedule) === options.intervalHours);
    if (existing !== undefined && existing.source === 'manual' && sameTiming && hasArgs(existing, args)) {
      const entry = deviceEntry(ctx.config, options.device, 'manual', existing.schedule, options);
      return { entries: [...others, entry], result: { state: 'same', entry } };
    }
    if (existing !== undefined && !options.overwrite)
      return { entries, result: { state: 'kept', entry: existing } };
    const schedule =
      explicit ??
      (sameTiming && existing ? existing.schedule : placeSchedule(others, options.intervalHours, name));
    const entry = deviceEntry(ctx.config, options.device, 'manual', schedule, options);
    return { entries: [...others, entry], result: { state: 'written', entry } };
  });
  for (const line of outcome.plan ?? []) ctx.stdout(line);
  const { state, entry } = outcome.result;
  if (state === 'kept') {
    ctx.stdout(
      `device ${options.device} already has an entry (source=${entry.source}, "${entry.schedule}"); kept it (use --overwrite to replace it)`,
    );
  } else if (!options.plan) {
    const verb = state === 'same' ? 'already scheduled' : 'scheduled';
    ctx.stdout(`device ${options.device}: ${verb} (source=manual, "${entry.schedule}")`);
  }
  if (!options.forceFirstRun) return 0;
  if (options.plan) {
    ctx.stdout(`plan: device ${options.device} is not run now (--force-first-run without --plan runs it)`);
    return 0;
  }
  const run = await runScflows(ctx.config, args);
  for (const line of run.stdout.split('\n').filter(Boolean)) ctx.stdout(line);
  for (const line of run.stderr.split('\n').filter(Boolean)) ctx.stderr(line);
  if (run.exitCode !== 0)
    ctx.stderr(`first run of device ${options.device} exited with code ${run.exitCode}`);
  return run.exitCode;
}

// The entries scflows creates: a device's `run-device <id>` and the scheduler's `schedule-devices`, with
// the flags their commands carry, and where a new one goes in the day (load balancing over the others).
import {
  type CommandConfig,
  deviceLogFile,
  parseCommand,
  renderCommand,
  schedulerLogFile,
} from '../crontab/command.js';
import { deviceTaskName, SCHEDULER_TASK, type TaskEntry, type TaskSource } from '../crontab/entry.js';
import { addLoad, type DayLoad, emptyLoad, everyHoursExpression, placeEvery } from './balance.js';
import { parseCronExpression } from './cron-expression.js';

export interface RunFlags {
  readonly dryRun: boolean;
  readonly queue: boolean;
}

function flagArgs(flags: RunFlags): string[] {
  return [...(flags.dryRun ? ['--dry-run'] : []), ...(flags.queue ? ['--queue'] : [])];
}

/** The scflows arguments of a device entry. */
export function runDeviceArgs(id: number, flags: RunFlags): string[] {
  return ['run-device', String(id), ...flagArgs(flags)];
}

/** The scflows arguments of the scheduler entry. */
export function scheduleDevicesArgs(intervalHours: number, flags: RunFlags): string[] {
  return ['schedule-devices', '--interval-hours', String(intervalHours), ...flagArgs(flags)];
}

/** A device entry running `scflows run-device <id>` on `schedule`. */
export function deviceEntry(
  config: CommandConfig,
  id: number,
  source: TaskSource,
  schedule: string,
  flags: RunFlags,
): TaskEntry {
  const command = renderCommand(config, runDeviceArgs(id, flags), deviceLogFile(config.publicDir, id));
  return { name: deviceTaskName(id), source, schedule, command };
}

/** The scheduler entry running `scflows schedule-devices --interval-hours H` on `schedule`. */
export function schedulerEntry(
  config: CommandConfig,
  schedule: string,
  intervalHours: number,
  flags: RunFlags,
): TaskEntry {
  const command = renderCommand(
    config,
    scheduleDevicesArgs(intervalHours, flags),
    schedulerLogFile(config.publicDir),
  );
  return { name: SCHEDULER_TASK, source: 'scheduler', schedule, command };
}

/** Whether an entry's command runs exactly these scflows arguments. */
export function hasArgs(entry: TaskEntry, args: readonly string[]): boolean {
  const parsed = parseCommand(entry.command)?.args;
  return parsed !== undefined && parsed.length === args.length && parsed.every((arg, i) => arg === args[i]);
}

/** The load map of a set of entries. */
export function loadOf(entries: Iterable<TaskEntry>): DayLoad {
  const load = emptyLoad();
  for (const entry of entries) addLoad(load, parseCronExpression(entry.schedule));
  return load;
}

/** The least loaded "every `hours` hours" schedule for `key`, given the other entries. */
export function placeSchedule(others: Iterable<TaskEntry>, hours: number, key: string): string {
  return everyHoursExpression(placeEvery(loadOf(others), hours, key), hours);
}

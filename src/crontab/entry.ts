// One scflows crontab entry and its task name. Names: `run-device:<id>` (one per device) and
// `schedule-devices` (the scheduler). The source says who owns an entry: `api` (schedule-devices keeps it
// in line with the API), `manual` (manual-schedule; schedule-devices never touches it), `scheduler`.

export type TaskSource = 'api' | 'manual' | 'scheduler';

export const TASK_SOURCES: readonly TaskSource[] = ['api', 'manual', 'scheduler'];

export interface TaskEntry {
  /** `run-device:<id>` or `schedule-devices`. */
  readonly name: string;
  readonly source: TaskSource;
  /** The cron expression as written (5 fields or an @keyword). */
  readonly schedule: string;
  /** The shell command cron runs (without the marker comment, `%` not yet escaped). */
  readonly command: string;
}

export const SCHEDULER_TASK = 'schedule-devices';

/** The task name of a device's entry. */
export function deviceTaskName(id: number): string {
  return `run-device:${id}`;
}

/** The device id of a `run-device:<id>` task name, or undefined. */
export function deviceIdOfTask(name: string): number | undefined {
  const match = /^run-device:([1-9]\d*)$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

/** Whether `name` is a well-formed task name. */
export function isTaskName(name: string): boolean {
  return name === SCHEDULER_TASK || deviceIdOfTask(name) !== undefined;
}

/** Sort order of entries in the tabfile and the block: the scheduler first, then devices by id. */
export function compareEntries(a: TaskEntry, b: TaskEntry): number {
  const ia = deviceIdOfTask(a.name) ?? -1;
  const ib = deviceIdOfTask(b.name) ?? -1;
  return ia !== ib ? ia - ib : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

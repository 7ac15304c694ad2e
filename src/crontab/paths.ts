// Where the scheduling files of a public dir live, and the per-user crontab lock shared by all public dirs.
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TaskPaths {
  readonly tasksDir: string;
  readonly tabfile: string;
  readonly backup: string;
  /** Serialises writers of this public dir's tabfile. */
  readonly lock: string;
}

/** The task files under `publicDir`/tasks. */
export function taskPaths(publicDir: string): TaskPaths {
  const tasksDir = path.join(publicDir, 'tasks');
  return {
    tasksDir,
    tabfile: path.join(tasksDir, 'tabfile.tab'),
    backup: path.join(tasksDir, 'crontab.backup'),
    lock: path.join(tasksDir, '.tabfile.lock'),
  };
}

/** The lock around the crontab read-modify-write: one per user, because public dirs share one crontab. */
export function crontabLockFile(): string {
  return path.join(tmpdir(), `scflows-crontab-${process.getuid?.() ?? 'user'}.lock`);
}

/** How long writers wait for the tabfile and crontab locks, and when a held lock counts as abandoned. */
export const LOCK_WAIT_MS = 30_000;
export const LOCK_STALE_MS = 10 * 60_000;

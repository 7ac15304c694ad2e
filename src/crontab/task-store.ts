// Reading and updating scflows' tasks: the tabfile is the record, the crontab block mirrors it. An update
// runs under the public dir's tabfile lock and, around the crontab read-modify-write, the per-user crontab
// lock. Nothing is written before the crontab was read and the new block was built; --plan only reads.
// Order of writes: log dirs, crontab backup, crontab, tabfile.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CrontabError, LocalFileError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { acquireLock } from '../util/lockfile.js';
import { replaceBlock } from './block.js';
import { type CommandConfig, parseCommand } from './command.js';
import { formatPlan } from './diff.js';
import { compareEntries, type TaskEntry } from './entry.js';
import { crontabLockFile, LOCK_STALE_MS, LOCK_WAIT_MS, taskPaths } from './paths.js';
import type { CrontabPort } from './system-crontab.js';
import { MAX_LINE, parseTabfile, renderEntryLine, renderTabfile } from './tabfile.js';

export interface Mutation<T> {
  entries: readonly TaskEntry[];
  result: T;
}

export interface UpdateOutcome<T> {
  result: T;
  /** Whether the crontab changed (or, with plan, would change). */
  changed: boolean;
  /** With plan: the diff lines to print. */
  plan: string[] | undefined;
}

/** The entries of a tabfile ([] when it does not exist yet); a corrupt tabfile throws E_TABFILE_CORRUPT. */
export async function readTabfile(file: string): Promise<TaskEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    throw new LocalFileError(`cannot read tabfile "${file}" (${code ?? 'error'})`, 'E_TABFILE_READ', {
      cause: error,
    });
  }
  return parseTabfile(text, file);
}

/** The crontab block lines of `entries`; refuses a line cron would truncate. */
export function blockLines(entries: readonly TaskEntry[]): string[] {
  return [...entries].sort(compareEntries).map((entry) => {
    const line = renderEntryLine(entry);
    if (line.length > MAX_LINE) {
      throw new CrontabError(
        `the cron entry of ${entry.name} would be ${line.length} characters (cron allows ${MAX_LINE}); use shorter paths`,
        'E_ENTRY_TOO_LONG',
      );
    }
    return line;
  });
}

/** Read the tasks, let `mutate` compute the new ones, then write tabfile and crontab (or only plan). */
export async function updateTasks<T>(
  config: CommandConfig,
  crontab: CrontabPort,
  options: { plan: boolean },
  mutate: (entries: TaskEntry[]) => Mutation<T> | Promise<Mutation<T>>,
): Promise<UpdateOutcome<T>> {
  const paths = taskPaths(config.publicDir);
  const releaseTabfile = options.plan
    ? undefined
    : await acquireLock(paths.lock, { waitMs: LOCK_WAIT_MS, staleMs: LOCK_STALE_MS });
  try {
    const before = await readTabfile(paths.tabfile);
    const { entries, result } = await mutate(before);
    const lines = blockLines(entries);
    if (options.plan) {
      const installed = await crontab.read();
      const planned = replaceBlock(installed, config.publicDir, lines);
      return { result, changed: planned !== installed, plan: formatPlan(installed, planned) };
    }
    const releaseCrontab = await acquireLock(crontabLockFile(), {
      waitMs: LOCK_WAIT_MS,
      staleMs: LOCK_STALE_MS,
    });
    try {
      const installed = await crontab.read();
      const planned = replaceBlock(installed, config.publicDir, lines);
      await createLogDirs(entries, before);
      if (planned !== installed) {
        await writeFileAtomic(paths.backup, installed);
        await crontab.write(planned);
      }
      // The tabfile last: if cron refused the crontab, the record still matches what is installed.
      const tabText = renderTabfile(entries, config.publicDir);
      if (tabText !== renderTabfile(before, config.publicDir)) await writeFileAtomic(paths.tabfile, tabText);
      return { result, changed: planned !== installed, plan: undefined };
    } finally {
      await releaseCrontab();
    }
  } finally {
    await releaseTabfile?.();
  }
}

/** Create the log directory of every entry that is new or changed. */
async function createLogDirs(entries: readonly TaskEntry[], before: readonly TaskEntry[]): Promise<void> {
  const old = new Set(before.map(renderEntryLine));
  const dirs = new Set<string>();
  for (const entry of entries) {
    if (old.has(renderEntryLine(entry))) continue;
    const parsed = parseCommand(entry.command);
    if (parsed) dirs.add(path.dirname(parsed.logFile));
  }
  for (const dir of dirs) {
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new LocalFileError(`cannot create log directory "${dir}" (${code})`, 'E_LOG_DIR', {
        cause: error,
      });
    }
  }
}

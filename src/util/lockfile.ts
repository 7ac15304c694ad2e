// Cross-process lock files. The lock is created atomically with its content (temp file + link(2), which
// fails if the lock exists) and holds {pid, procStart, host, acquiredAt}. A lock is stale when its holder
// is gone, when the pid was reused (another process start time) or when it is older than staleMs; a stale
// lock is removed by one stealer at a time (an O_EXCL `<file>.steal` guard), then taken the normal way.
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LocalFileError, LockedError } from '../errors.js';
import { isProcessAlive, processStartTime } from './process-info.js';

export interface LockOptions {
  /** How long to wait for a busy lock; 0 = fail at once. */
  waitMs: number;
  /** A lock older than this is stale even if its holder still runs. */
  staleMs: number;
  /** Poll interval while waiting (default 50 ms). */
  pollMs?: number;
}

export interface LockHolder {
  pid: number;
  procStart: string | null;
  host: string;
  acquiredAt: string;
}

export type ReleaseLock = () => Promise<void>;

/** Take the lock `file`, waiting up to waitMs; resolves to its release function. */
export async function acquireLock(file: string, options: LockOptions): Promise<ReleaseLock> {
  const pollMs = options.pollMs ?? 50;
  const deadline = Date.now() + options.waitMs;
  await mkdir(path.dirname(file), { recursive: true }).catch((error: unknown) => {
    throw fileError(file, error);
  });
  for (;;) {
    const mine = await tryCreate(file);
    if (mine !== undefined) return () => releaseLock(file, mine);
    const current = await readHolder(file);
    if (current === undefined) continue; // released between our attempt and the read: try again
    if (isStale(current, options.staleMs)) {
      if (!(await stealStale(file, current.text))) await sleep(pollMs);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = current.holder
        ? `pid ${current.holder.pid} on ${current.holder.host}`
        : 'an unknown process';
      throw new LockedError(`lock "${file}" is held by ${who} (since ${current.holder?.acquiredAt ?? '?'})`);
    }
    await sleep(pollMs);
  }
}

/** Create the lock file with our holder record; undefined when it already exists. */
async function tryCreate(file: string): Promise<string | undefined> {
  const holder: LockHolder = {
    pid: process.pid,
    procStart: processStartTime(process.pid),
    host: hostname(),
    acquiredAt: new Date().toISOString(),
  };
  const text = `${JSON.stringify(holder)}\n`;
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await link(temp, file);
    return text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw fileError(file, error);
  } finally {
    await rm(temp, { force: true });
  }
}

interface Observed {
  text: string;
  holder: LockHolder | undefined;
  mtimeMs: number;
}

async function readHolder(file: string): Promise<Observed | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    return { text, holder: parseHolder(text), mtimeMs: info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fileError(file, error);
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return undefined;
    return {
      pid: value.pid,
      procStart: typeof value.procStart === 'string' ? value.procStart : null,
      host: value.host,
      acquiredAt: typeof value.acquiredAt === 'string' ? value.acquiredAt : '',
    };
  } catch {
    return undefined; // an unreadable record is judged by its age below
  }
}

/** Whether the observed lock may be taken over. */
function isStale(observed: Observed, staleMs: number): boolean {
  const { holder } = observed;
  const acquired = holder ? Date.parse(holder.acquiredAt) : Number.NaN;
  const since = Number.isNaN(acquired) ? observed.mtimeMs : acquired;
  if (Date.now() - since > staleMs) return true;
  if (holder === undefined || holder.host !== hostname()) return false;
  if (!isProcessAlive(holder.pid)) return true;
  const start = processStartTime(holder.pid);
  return holder.procStart !== null && start !== null && start !== holder.procStart;
}

/** Remove a stale lock, provided it still holds what we judged stale; false if another stealer is at work. */
async function stealStale(file: string, staleText: string): Promise<boolean> {
  const guard = `${file}.steal`;
  const guardText = await tryCreate(guard);
  if (guardText === undefined) {
    // Another stealer is at work; its guard is only stale if that process died mid-steal.
    const other = await readHolder(guard);
    if (other !== undefined && isStale(other, 10_000)) await rm(guard, { force: true });
    return false;
  }
  try {
    const now = await readHolder(file);
    if (now !== undefined && now.text === staleText) await rm(file, { force: true });
  } finally {
    await rm(guard, { force: true });
  }
  return true;
}

/** Release our lock (only if the file still holds our record). */
async function releaseLock(file: string, mine: string): Promise<void> {
  const current = await readHolder(file);
  if (current !== undefined && current.text === mine) await rm(file, { force: true });
}

function fileError(file: string, error: unknown): LocalFileError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return new LocalFileError(`cannot use lock file "${file}" (${code})`, 'E_LOCK_FILE', { cause: error });
}

// The run history: one SQLite row per run-device process (better-sqlite3, WAL, busy timeout), written by
// many cron processes at once. Opening applies retention; starting a run and listing mark runs whose
// process died without finishing as KILLED. Every SQLite or file failure becomes a LocalFileError
// naming the database file.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError, describeError, LocalFileError } from '../../errors.js';
import { isProcessAlive, processStartTime } from '../../util/process-info.js';
import { migrate } from './schema.js';

/** The state of a run that has started and not finished. */
export const RUNNING = 'RUNNING';
const KILLED = 'KILLED';
const KILLED_REASON = 'process ended without finishing';
const BUSY_TIMEOUT_MS = 5000;
const DAY_MS = 86_400_000;

export interface RunStart {
  device: number;
  pid: number;
  dryRun: boolean;
}

export interface RunResult {
  state: string;
  reason: string | null;
  windowFrom: string | null;
  windowTo: string | null;
  windows: number;
  rows: number;
  /** Readings posted per sensor id. */
  posted: Record<string, number>;
  exitCode: number;
  message: string | null;
}

export interface RunRecord extends Omit<RunResult, 'exitCode'> {
  id: number;
  device: number;
  pid: number;
  dryRun: boolean;
  /** ISO timestamps; `endedAt` is null while RUNNING and for KILLED runs. */
  startedAt: string;
  endedAt: string | null;
  /** Null until the run finished (RUNNING, KILLED). */
  exitCode: number | null;
  durationMs: number | null;
}

export interface RunStore {
  /** Record a RUNNING run; returns its id. */
  start(input: RunStart): number;
  /** Record how run `id` ended. */
  finish(id: number, result: RunResult): void;
  /** Runs, newest first. */
  list(filter: { device?: number; limit: number }): RunRecord[];
  close(): void;
}

export interface RunStoreOptions {
  retentionDays: number;
  now: () => Date;
}

const SELECT = `SELECT id, device, pid, dry_run AS dryRun, started_at AS startedAt, ended_at AS endedAt, state,
  reason, window_from AS windowFrom, window_to AS windowTo, windows, row_count AS rows, posted,
  exit_code AS exitCode, message FROM runs`;

type Running = { id: number; device: number; pid: number; pidStarted: string | null };
type Row = Omit<RunRecord, 'dryRun' | 'posted' | 'durationMs'> & { dryRun: number; posted: string };

/** Where the run database of a public dir lives. */
export function runStoreFile(publicDir: string): string {
  return path.join(publicDir, 'runs.sqlite');
}

/** Open (creating if needed) the run database at `file` and delete runs older than the retention. */
export function openRunStore(file: string, options: RunStoreOptions): RunStore {
  const guard = <T>(what: string, fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof AppError) throw error;
      const code = (error as { code?: unknown }).code;
      const detail = `${describeError(error)}${typeof code === 'string' ? ` (${code})` : ''}`;
      throw new LocalFileError(`run database ${file}: ${what} failed: ${detail}`, 'E_RUN_STORE', {
        cause: error,
      });
    }
  };

  const db = guard('open', () => retryWhileBusy(() => openDatabase(file, options)));

  // A run's process is gone when its pid is dead or now belongs to a process started at another time.
  const markKilled = (device: number | undefined) => {
    const running = db
      .prepare('SELECT id, device, pid, pid_started AS pidStarted FROM runs WHERE state = ?')
      .all(RUNNING) as Running[];
    const update = db.prepare('UPDATE runs SET state = ?, reason = ? WHERE id = ? AND state = ?');
    for (const run of running) {
      if (device !== undefined && run.device !== device) continue;
      if (isGone(run)) update.run(KILLED, KILLED_REASON, run.id, RUNNING);
    }
  };

  return {
    start: (input) =>
      guard('recording a run start', () => {
        markKilled(input.device);
        const info = db
          .prepare(
            'INSERT INTO runs (device, pid, pid_started, dry_run, started_at, state) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(
            input.device,
            input.pid,
            processStartTime(input.pid),
            input.dryRun ? 1 : 0,
            options.now().toISOString(),
            RUNNING,
          );
        return Number(info.lastInsertRowid);
      }),
    finish: (id, result) =>
      guard(`recording the end of run ${id}`, () => {
        const info = db
          .prepare(
            `UPDATE runs SET ended_at = ?, state = ?, reason = ?, window_from = ?, window_to = ?, windows = ?,
               row_count = ?, posted = ?, exit_code = ?, message = ? WHERE id = ?`,
          )
          .run(
            options.now().toISOString(),
            result.state,
            result.reason,
            result.windowFrom,
            result.windowTo,
            result.windows,
            result.rows,
            JSON.stringify(result.posted),
            result.exitCode,
            result.message,
            id,
          );
        if (info.changes === 0) {
          throw new LocalFileError(`run database ${file} has no run ${id} to finish`, 'E_RUN_STORE');
        }
      }),
    list: (filter) =>
      guard('listing runs', () => {
        markKilled(undefined);
        const where = filter.device === undefined ? '' : ' WHERE device = ?';
        const params = filter.device === undefined ? [filter.limit] : [filter.device, filter.limit];
        const rows = db
          .prepare(`${SELECT}${where} ORDER BY started_at DESC, id DESC LIMIT ?`)
          .all(...params) as Row[];
        return rows.map(toRecord);
      }),
    close: () => guard('close', () => db.close()),
  };
}

function toRecord(row: Row): RunRecord {
  const durationMs = row.endedAt === null ? null : Date.parse(row.endedAt) - Date.parse(row.startedAt);
  return {
    ...row,
    dryRun: row.dryRun === 1,
    posted: JSON.parse(row.posted) as Record<string, number>,
    durationMs,
  };
}

// A run's process is gone when its pid is dead or now belongs to a process started at another time.
function isGone(run: Running): boolean {
  return (
    !isProcessAlive(run.pid) || (run.pidStarted !== null && processStartTime(run.pid) !== run.pidStarted)
  );
}

/** Open the database, switch it to WAL, migrate it and apply the retention. */
function openDatabase(file: string, options: RunStoreOptions): Database.Database {
  mkdirSync(path.dirname(file), { recursive: true });
  const handle = new Database(file, { timeout: BUSY_TIMEOUT_MS });

  try {
    handle.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    handle.pragma('journal_mode = WAL');
    handle.pragma('synchronous = NORMAL');
    migrate(handle, file);
    const cutoff = new Date(options.now().getTime() - options.retentionDays * DAY_MS).toISOString();
    handle.prepare('DELETE FROM runs WHERE state <> ? AND started_at < ?').run(RUNNING, cutoff);
    return handle;
  } catch (error) {
    handle.close();
    throw error;
  }
}

/**
 * Run `fn` again while SQLite answers SQLITE_BUSY, up to BUSY_TIMEOUT_MS. Several cron processes opening a
 * new database at the same moment race to switch it to WAL, and that switch fails at once with "database is
 * locked" instead of waiting for the busy timeout. Every step of openDatabase can be repeated.
 */
function retryWhileBusy<T>(fn: () => T): T {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return fn();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const busy = typeof code === 'string' && code.startsWith('SQLITE_BUSY');
      if (!busy || Date.now() >= deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.min(10 * attempt, 100));
    }
  }
}

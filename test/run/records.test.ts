import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { LocalFileError } from '../../src/errors.js';
import { openRunStore, type RunResult } from '../../src/run/records/store.js';

const DAY = 86_400_000;
let dir: string;
let n = 0;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scflows-runs-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A fresh database file and a clock the test moves. */
function setup(start = '2026-11-27T13:15:00.000Z') {
  const file = path.join(dir, `runs-${++n}.sqlite`);
  let time = new Date(start);
  return {
    file,
    now: () => time,
    set: (iso: string) => {
      time = new Date(iso);
    },
  };
}

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  assert.equal(child.status, 0);
  return child.pid;
}

const succeeded: RunResult = {
  state: 'SUCCEEDED',
  reason: null,
  windowFrom: '2026-11-26T00:00:00.000Z',
  windowTo: '2026-11-27T00:00:00.000Z',
  windows: 2,
  rows: 298,
  posted: { '112': 298, '113': 297 },
  exitCode: 0,
  message: null,
};

describe('openRunStore', () => {
  test('records a run from start to finish with its result and duration', () => {
    const clock = setup();
    const store = openRunStore(clock.file, { retentionDays: 90, now: clock.now });
    const id = store.start({ device: 90101, pid: process.pid, dryRun: false });
    clock.set('2026-11-27T13:15:04.250Z');
    store.finish(id, succeeded);
    assert.deepEqual(store.list({ limit: 10 }), [
      {
        id,
        device: 90101,
        pid: process.pid,
        dryRun: false,
        startedAt: '2026-11-27T13:15:00.000Z',
        endedAt: '2026-11-27T13:15:04.250Z',
        state: 'SUCCEEDED',
        reason: null,
        windowFrom: '2026-11-26T00:00:00.000Z',
        windowTo: '2026-11-27T00:00:00.000Z',
        windows: 2,
        rows: 298,
        posted: { '112': 298, '113': 297 },
        exitCode: 0,
        message: null,
        durationMs: 4250,
      },
    ]);
    store.close();
  });

  test('lists a started run as RUNNING without end, exit code or duration', () => {
    const clock = setup();
    const store = openRunStore(clock.file, { retentionDays: 90, now: clock.now });
    const id = store.start({ device: 7, pid: process.pid, dryRun: true });
    const [run] = store.list({ limit: 10 });
    assert.deepEqual(run, {
      id,
      device: 7,
      pid: process.pid,
      dryRun: true,
      startedAt: '2026-11-27T13:15:00.000Z',
      endedAt: null,
      state: 'RUNNING',
      reason: null,
      windowFrom: null,
      windowTo: null,
      windows: 0,
      rows: 0,
      posted: {},
      exitCode: null,
      message: null,
      durationMs: null,
    });
    store.close();
  });

  test('keeps the records when the database is opened again', () => {
    const clock = setup();
    const first = openRunStore(clock.file, { retentionDays: 90, now: clock.now });
    first.finish(first.start({ device: 1, pid: process.pid, dryRun: false }), succeeded);
    first.close();
    const second = openRunStore(clock.file, { retentionDays: 90, now: clock.now });
    assert.deepEqual(
      second.list({ limit: 10 }).map((r) => [r.device, r.state]),
      [[1, 'SUCCEEDED']],
    );
    second.close();
  });

  test('lists runs newest first, filtered by device and cut at the limit', () => {
    const clock = setup();
    const store = openRunStore(clock.file, { retentionDays: 90, now: clock.now });
    const starts = [
      [1, '2026-11-27T10:00:00.000Z'],
      [2, '2026-11-27T10:05:00.000Z'],
      [1, '2026-11-27T10:10:00.000Z'],
      [1, '2026-11-27T10:15:00.000Z'],
      [2, '2026-11-27T10:20:00.000Z'],
    ] as const;
    for (const [device, at] of starts) {
      clock.set(at);
      store.finish(store.start({ device, pid: process.pid, dryRun: false }), succeeded);
    }
    const view = (filter: { device?: number; limit: number }) =>
      store.list(filter).map((r) => `${r.device}@${r.startedAt.slice(11, 16)}`);
    assert.deepEqual(view({ limit: 50 }), ['2@10:20', '1@10:15', '1@10:10', '2@10:05', '1@10:00']);
    assert.deepEqual(view({ device: 1, limit: 50 }), ['1@10:15', '1@10:10', '1@10:00']);
    assert.deepEqual(view({ device: 1, limit: 2 }), ['1@10:15', '1@10:10']);
    assert.deepEqual(view({ limit: 1 }), ['2@10:20']);
    assert.deepEqual(view({ device: 3, limit: 50 }), []);
    store.close();
  });

  test('deletes finished runs older than the retention when opened, keeping newer and running ones', () => {
    const clock = setup('2026-01-01T00:00:00.000Z');
    const store = openRunStore(clock.file, { retentionDays: 30, now: clock.now });
    store.finish(store.start({ device: 1, pid: process.pid, dryRun: false }), succeeded);
    store.start({ device: 2, pid: process.pid, dryRun: false });
    clock.set('2026-01-20T00:00:00.000Z');
    store.finish(store.start({ device: 3, pid: process.pid, dryRun: false }), succeeded);
    store.close();

    clock.set('2026-01-31T00:00:00.001Z');
    const reopened = openRunStore(clock.file, { retentionDays: 30, now: clock.now });
    assert.deepEqual(
      reopened.list({ limit: 10 }).map((r) => [r.device, r.state]),
      [
        [3, 'SUCCEEDED'],
        [2, 'RUNNING'],
      ],
    );
    reopened.close();
  });

  test('keeps a finished run that is exactly as old as the retention', () => {
    const clock = setup('2026-01-01T00:00:00.000Z');
    const store = openRunStore(clock.file, { retentionDays: 1, now: clock.now });
    store.finish(store.start({ device: 1, pid: process.pid, dryRun: false }), succeeded);
    store.close();
    clock.set(new Date(Date.parse('2026-01-01T00:00:00.000Z') + DAY).toISOString());
    const reopened = openRunStore(clock.file, { retentionDays: 1, now: clock.now });
    assert.equal(reopened.list({ limit: 10 }).length, 1);
    reopened.close();
  });

  test('marks a run left RUNNING by a dead process as KILLED when the next run of that device starts', () => {
    const clock = setup();
    const store = openRunStore(clock.file, { retentionDays: 90, now: clock.now });
    const dead = deadPid();
    const orphan = store.start({ device: 1, pid: dead, dryRun: false });
    const otherDevice = store.start({ device: 2, pid: dead, dryRun: false });
    const live = store.start({ device: 1, pid: process.pid, dryRun: false });
    store.close();

    const raw = new Database(clock.file, { readonly: true });
    const states = () =>
      Object.fromEntries(
        (
          raw.prepare('SELECT id, state, reason FROM runs').all() as {
            id: number;
            state: string;
            reason: string;
          }[]
        ).map((r) => [r.id, `${r.state}/${r.reason}`]),
      );
    assert.deepEqual(states(), {
      [orphan]: 'KILLED/process ended without finishing',
      [otherDevice]: 'RUNNING/null',
      [live]: 'RUNNING/null',
    });
    raw.close();
  });

  test('marks runs of dead processes as KILLED when listing, leaving runs of live processes RUNNING', () => {
    const clock = setup();
    const store = openRunStore(clock.file, { retentionDays: 90, now: clock.now });
    store.start({ device: 1, pid: deadPid(), dryRun: false });
    store.start({ device: 2, pid: process.pid, dryRun: false });
    assert.deepEqual(
      store.list({ device: 2, limit: 10 }).map((r) => [r.device, r.state, r.reason]),
      [[2, 'RUNNING', null]],
    );
    assert.deepEqual(
      store.list({ limit: 10 }).map((r) => [r.device, r.state, r.reason, r.endedAt, r.exitCode]),
      [
        [2, 'RUNNING', null, null, null],
        [1, 'KILLED', 'process ended without finishing', null, null],
      ],
    );
    store.close();
  });

  test('marks a run as KILLED when its pid now belongs to a process started at another time', () => {
    const clock = setup();
    const store = openRunStore(clock.file, { retentionDays: 90, now: clock.now });
    store.start({ device: 1, pid: process.pid, dryRun: false });
    assert.equal(store.list({ limit: 1 })[0]?.state, 'RUNNING');
    const raw = new Database(clock.file);
    raw.prepare("UPDATE runs SET pid_started = '1'").run();
    raw.close();
    assert.deepEqual(
      store.list({ limit: 1 }).map((r) => [r.state, r.reason]),
      [['KILLED', 'process ended without finishing']],
    );
    store.close();
  });

  test('a run marked KILLED that does finish keeps its real result', () => {
    const clock = setup();
    const store = openRunStore(clock.file, { retentionDays: 90, now: clock.now });
    const id = store.start({ device: 1, pid: deadPid(), dryRun: false });
    assert.equal(store.list({ limit: 1 })[0]?.state, 'KILLED');
    store.finish(id, succeeded);
    assert.equal(store.list({ limit: 1 })[0]?.state, 'SUCCEEDED');
    store.close();
  });

  test('finishing a run that does not exist throws a LocalFileError naming the file', () => {
    const clock = setup();
    const store = openRunStore(clock.file, { retentionDays: 90, now: clock.now });
    assert.throws(
      () => store.finish(4242, succeeded),
      (error) =>
        error instanceof LocalFileError &&
        error.code === 'E_RUN_STORE' &&
        error.message === `run database ${clock.file} has no run 4242 to finish`,
    );
    store.close();
  });

  test('creates the directory and a WAL database at schema version 1', () => {
    const file = path.join(dir, 'nested', 'public', 'runs.sqlite');
    const store = openRunStore(file, { retentionDays: 90, now: () => new Date('2026-11-27T00:00:00Z') });
    store.close();
    const raw = new Database(file, { readonly: true });
    assert.equal(raw.pragma('user_version', { simple: true }), 1);
    assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
    raw.close();
  });

  test('refuses a file that is not a SQLite database with a one-line LocalFileError naming it', async () => {
    const file = path.join(dir, 'corrupt.sqlite');
    await writeFile(file, 'this is not a database; '.repeat(200));
    assert.throws(
      () => openRunStore(file, { retentionDays: 90, now: () => new Date() }),
      (error) =>
        error instanceof LocalFileError &&
        error.code === 'E_RUN_STORE' &&
        error.message === `run database ${file}: open failed: file is not a database (SQLITE_NOTADB)`,
    );
  });

  test('refuses a database path below a regular file with a LocalFileError naming it', async () => {
    const blocker = path.join(dir, 'blocker');
    await writeFile(blocker, '');
    const file = path.join(blocker, 'runs.sqlite');
    assert.throws(
      () => openRunStore(file, { retentionDays: 90, now: () => new Date() }),
      (error) =>
        error instanceof LocalFileError &&
        error.message.startsWith(`run database ${file}: open failed: `) &&
        !error.message.includes('\n'),
    );
  });

  test('refuses a database written by a newer scflows schema', () => {
    const file = path.join(dir, 'newer.sqlite');
    const raw = new Database(file);
    raw.pragma('user_version = 7');
    raw.close();
    assert.throws(
      () => openRunStore(file, { retentionDays: 90, now: () => new Date() }),
      (error) =>
        error instanceof LocalFileError &&
        error.message === `run database ${file} has schema version 7, newer than this scflows knows (1)`,
    );
  });
});

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { listRuns } from '../../src/commands/runs.js';
import type { Config } from '../../src/config/config.js';
import { LocalFileError } from '../../src/errors.js';
import { openRunStore, type RunRecord } from '../../src/run/records/store.js';

let root: string;
let n = 0;
before(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'scflows-runs-cmd-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

const NOW = new Date('2026-11-27T14:00:00.000Z');

/** A fresh public dir, a context writing into `out`, and a clock for seeding the database. */
function sandbox() {
  const projectDir = path.join(root, `project-${++n}`);
  const publicDir = path.join(projectDir, 'public');
  const config: Config = {
    projectDir,
    apiUrl: 'http://127.0.0.1:9/v0',
    bearer: undefined,
    dataUrl: 'http://127.0.0.1:9/data',
    publicDir,
    envFile: path.join(projectDir, '.env'),
    explicitPaths: { publicDir: true, envFile: false },
    nodePath: process.execPath,
    http: { timeoutMs: 1000, retries: 0, backoffMs: 1, maxRetryAfterMs: 1 },
    search: { perPage: 100 },
    run: {
      loadLimit: 500,
      maxWindows: 100,
      postChunk: 500,
      docCacheMinutes: 60,
      runsRetentionDays: 90,
      lockStaleMinutes: 360,
    },
  };
  const out: string[] = [];
  const err: string[] = [];
  const ctx = {
    config,
    now: () => NOW,
    stdout: (line: string) => out.push(line),
    stderr: (line: string) => err.push(line),
    signal: new AbortController().signal,
  };
  return { publicDir, file: path.join(publicDir, 'runs.sqlite'), ctx, out, err };
}

/** Seed three runs: a success, a dry-run failure and a run whose process died. */
function seed(file: string): void {
  let time = new Date('2026-11-27T13:00:00.000Z');
  const store = openRunStore(file, { retentionDays: 90, now: () => time });
  const first = store.start({ device: 90101, pid: process.pid, dryRun: false });
  time = new Date('2026-11-27T13:02:05.400Z');
  store.finish(first, {
    state: 'SUCCESS',
    reason: null,
    windowFrom: '2026-11-26T00:00:00.000Z',
    windowTo: '2026-11-27T12:00:00.000Z',
    windows: 3,
    rows: 298,
    posted: { '113': 297, '112': 298 },
    exitCode: 0,
    message: null,
  });
  time = new Date('2026-11-27T13:10:00.000Z');
  const second = store.start({ device: 7, pid: process.pid, dryRun: true });
  time = new Date('2026-11-27T13:10:00.850Z');
  store.finish(second, {
    state: 'FAILED',
    reason: 'PROCESSING_FAILED',
    windowFrom: null,
    windowTo: null,
    windows: 0,
    rows: 0,
    posted: {},
    exitCode: 13,
    message: 'no metric could be computed',
  });
  time = new Date('2026-11-27T13:20:00.000Z');
  const dead = spawnSync(process.execPath, ['-e', '']).pid;
  store.start({ device: 90101, pid: dead, dryRun: false });
  store.close();
}

describe('listRuns', () => {
  test('says no runs are recorded and creates no database when there is none', async () => {
    const { ctx, out, err, publicDir } = sandbox();
    assert.equal(await listRuns({ device: undefined, limit: 50, json: false }, ctx), 0);
    assert.deepEqual(out, ['no runs recorded yet']);
    assert.deepEqual(err, []);
    assert.equal(existsSync(publicDir), false);
  });

  test('prints an empty JSON array when there is no database', async () => {
    const { ctx, out, file } = sandbox();
    assert.equal(await listRuns({ device: 5, limit: 50, json: true }, ctx), 0);
    assert.deepEqual(out, ['[]']);
    assert.equal(existsSync(file), false);
  });

  test('prints a table newest first: start, device, state and reason, window, rows, posted, duration, exit', async () => {
    const { ctx, out, file } = sandbox();
    seed(file);
    assert.equal(await listRuns({ device: undefined, limit: 50, json: false }, ctx), 0);
    assert.deepEqual(out, [
      'STARTED (UTC)        DEVICE  STATE                                     WINDOW (UTC)                                ROWS  POSTED           DURATION  EXIT',
      '2026-11-27 13:20:00   90101  KILLED (process ended without finishing)  -                                              0  -                       -     -',
      '2026-11-27 13:10:00       7  FAILED (PROCESSING_FAILED) [dry run]      -                                              0  -                   850ms    13',
      '2026-11-27 13:00:00   90101  SUCCESS                                   2026-11-26 00:00:00 .. 2026-11-27 12:00:00   298  112:298 113:297     2m05s     0',
    ]);
  });

  test('says no runs are recorded for a device that has none', async () => {
    const { ctx, out, file } = sandbox();
    seed(file);
    await listRuns({ device: 12, limit: 50, json: false }, ctx);
    assert.deepEqual(out, ['no runs recorded yet for device 12']);
  });

  test('prints the records as JSON, filtered by device and cut at the limit', async () => {
    const { ctx, out, file } = sandbox();
    seed(file);
    assert.equal(await listRuns({ device: 90101, limit: 1, json: true }, ctx), 0);
    assert.equal(out.length, 1);
    const runs = JSON.parse(out[0] ?? '') as RunRecord[];
    assert.deepEqual(
      runs.map((r) => [r.device, r.state, r.reason, r.startedAt]),
      [[90101, 'KILLED', 'process ended without finishing', '2026-11-27T13:20:00.000Z']],
    );

    out.length = 0;
    await listRuns({ device: 90101, limit: 50, json: true }, ctx);
    const all = JSON.parse(out[0] ?? '') as RunRecord[];
    assert.deepEqual(
      all.map((r) => [r.state, r.posted, r.durationMs, r.exitCode]),
      [
        ['KILLED', {}, null, null],
        ['SUCCESS', { '112': 298, '113': 297 }, 125_400, 0],
      ],
    );
  });

  test('rejects with a LocalFileError when the database is corrupt', async () => {
    const { ctx, out, file, publicDir } = sandbox();
    await mkdir(publicDir, { recursive: true });
    await writeFile(file, 'not a database at all. '.repeat(100));
    await assert.rejects(listRuns({ device: undefined, limit: 50, json: false }, ctx), (error) => {
      return error instanceof LocalFileError && error.message.startsWith(`run database ${file}: open failed`);
    });
    assert.deepEqual(out, []);
  });
});

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { openRunStore } from '../../src/run/records/store.js';

const storeUrl = pathToFileURL(path.resolve(import.meta.dirname, '../../src/run/records/store.ts')).href;

// One cron process per device: once told to go (a line on stdin, so that all writers overlap), it opens
// the store, records a run and closes the store, `runs` times.
const WRITER = `
const [storeUrl, file, device, runs] = process.argv.slice(1);
const { openRunStore } = await import(storeUrl);
process.stdout.write('ready\\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
process.stdin.destroy();
for (let i = 0; i < Number(runs); i++) {
  const store = openRunStore(file, { retentionDays: 90, now: () => new Date() });
  const id = store.start({ device: Number(device), pid: process.pid, dryRun: false });
  store.finish(id, { state: 'SUCCEEDED', reason: null, windowFrom: null, windowTo: null, windows: 1,
    rows: i, posted: { '112': i }, exitCode: 0, message: null });
  store.close();
}`;

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scflows-runs-concurrent-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('runs recorded by four processes writing to a new database at once are all kept', async () => {
  const file = path.join(dir, 'runs.sqlite');
  const processes = 4;
  const runs = 50;
  const writers = Array.from({ length: processes }, (_, p) =>
    spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        WRITER,
        storeUrl,
        file,
        String(1000 + p),
        String(runs),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    ),
  );
  const exits = writers.map((child) => once(child, 'exit'));
  await Promise.all(writers.map((child) => once(child.stdout, 'data')));
  for (const child of writers) child.stdin.end('go\n');
  assert.deepEqual(
    (await Promise.all(exits)).map(([code]) => code),
    writers.map(() => 0),
  );
  const store = openRunStore(file, { retentionDays: 90, now: () => new Date() });
  const all = store.list({ limit: 10_000 });
  store.close();
  assert.equal(all.length, processes * runs);
  for (let p = 0; p < processes; p++) {
    const mine = all.filter((r) => r.device === 1000 + p);
    assert.deepEqual(
      mine.map((r) => r.rows).sort((a, b) => a - b),
      Array.from({ length: runs }, (_, i) => i),
    );
    assert.ok(mine.every((r) => r.state === 'SUCCEEDED' && r.exitCode === 0 && r.posted['112'] === r.rows));
  }
});

// Each process opens the same brand-new database at the same instant (a busy wait until an agreed time),
// several times over: the race cron processes of a fresh install run into when they switch it to WAL.
const OPENER = `
const [storeUrl, dir, device, ...starts] = process.argv.slice(1);
const { openRunStore } = await import(storeUrl);
for (const [k, start] of starts.entries()) {
  while (Date.now() < Number(start)) {}
  const store = openRunStore(dir + '/runs-' + k + '.sqlite', { retentionDays: 90, now: () => new Date() });
  store.finish(store.start({ device: Number(device), pid: process.pid, dryRun: false }), { state: 'SUCCEEDED',
    reason: null, windowFrom: null, windowTo: null, windows: 1, rows: 0, posted: {}, exitCode: 0, message: null });
  store.close();
}`;

test('eight processes opening a new database at the same instant all get in (no immediate "locked")', async () => {
  const processes = 8;
  const databases = 5;
  const first = Date.now() + 4000; // after every process has started
  const starts = Array.from({ length: databases }, (_, k) => String(first + k * 400));
  const openers = Array.from({ length: processes }, (_, p) =>
    spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', OPENER, storeUrl, dir, String(2000 + p), ...starts],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    ),
  );
  const stderr = openers.map(() => '');
  for (const [p, child] of openers.entries()) {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr[p] += chunk.toString();
    });
  }
  const codes = (await Promise.all(openers.map((child) => once(child, 'exit')))).map(([code]) => code);
  assert.deepEqual(
    codes,
    openers.map(() => 0),
    stderr.join('\n'),
  );
  for (let k = 0; k < databases; k++) {
    const store = openRunStore(path.join(dir, `runs-${k}.sqlite`), {
      retentionDays: 90,
      now: () => new Date(),
    });
    assert.equal(store.list({ limit: 100 }).length, processes);
    store.close();
  }
});

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LockedError } from '../../src/errors.js';
import { acquireLock } from '../../src/util/lockfile.js';
import { processStartTime } from '../../src/util/process-info.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'scflows-lock-'));
const worker = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'lock-worker.ts');
const holder = (pid: number, procStart: string | null, acquiredAt = new Date().toISOString()) =>
  JSON.stringify({ pid, procStart, host: hostname(), acquiredAt });

describe('lock files', () => {
  test('a lock is taken, holds {pid, procStart, host, acquiredAt}, and is removed on release', async () => {
    const file = path.join(tmp(), 'sub', 'a.lock');
    const release = await acquireLock(file, { waitMs: 0, staleMs: 60_000 });
    const content = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(content.pid, process.pid);
    assert.equal(content.procStart, processStartTime(process.pid));
    assert.equal(content.host, hostname());
    assert.ok(!Number.isNaN(Date.parse(content.acquiredAt)));
    await release();
    assert.equal(existsSync(file), false);
  });

  test('a busy lock with waitMs 0 fails at once with LockedError naming the file and the holder pid', async () => {
    const file = path.join(tmp(), 'b.lock');
    const release = await acquireLock(file, { waitMs: 0, staleMs: 60_000 });
    await assert.rejects(acquireLock(file, { waitMs: 0, staleMs: 60_000 }), (error: unknown) => {
      assert.ok(error instanceof LockedError);
      assert.equal(error.exitCode, 7);
      assert.ok(error.message.includes(file));
      assert.ok(error.message.includes(`pid ${process.pid}`));
      return true;
    });
    await release();
  });

  test('a waiter gets the lock once the holder releases it', async () => {
    const file = path.join(tmp(), 'c.lock');
    const release = await acquireLock(file, { waitMs: 0, staleMs: 60_000 });
    const order: string[] = [];
    const waiting = acquireLock(file, { waitMs: 30_000, staleMs: 60_000, pollMs: 5 }).then((r) => {
      order.push('second');
      return r;
    });
    order.push('first releases');
    await release();
    await (await waiting)();
    assert.deepEqual(order, ['first releases', 'second']);
  });

  test('a lock whose holder process is gone is stale and taken over', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid ?? 0;
    const file = path.join(tmp(), 'd.lock');
    writeFileSync(file, holder(dead, '1'));
    const release = await acquireLock(file, { waitMs: 0, staleMs: 60_000 });
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).pid, process.pid);
    await release();
  });

  test('a lock whose pid was reused (another process start time) is stale', async () => {
    const file = path.join(tmp(), 'e.lock');
    writeFileSync(file, holder(process.pid, 'not-our-start-time'));
    const release = await acquireLock(file, { waitMs: 0, staleMs: 60_000 });
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).procStart, processStartTime(process.pid));
    await release();
  });

  test('a lock older than staleMs is stale even if its holder lives', async () => {
    const file = path.join(tmp(), 'f.lock');
    writeFileSync(file, holder(process.pid, processStartTime(process.pid), '2000-01-01T00:00:00Z'));
    const release = await acquireLock(file, { waitMs: 0, staleMs: 60_000 });
    await release();
  });

  test('a live, recent lock of this process is not stale', async () => {
    const file = path.join(tmp(), 'g.lock');
    writeFileSync(file, holder(process.pid, processStartTime(process.pid)));
    await assert.rejects(acquireLock(file, { waitMs: 0, staleMs: 60_000 }), LockedError);
  });

  test('release does not remove a lock that another process has taken over meanwhile', async () => {
    const file = path.join(tmp(), 'h.lock');
    const release = await acquireLock(file, { waitMs: 0, staleMs: 60_000 });
    const other = holder(process.pid, 'someone-else');
    writeFileSync(file, other);
    await release();
    assert.equal(readFileSync(file, 'utf8'), other);
  });

  test('20 concurrent acquirers in one process never hold the lock together', async () => {
    const file = path.join(tmp(), 'i.lock');
    let inside = 0;
    let maxInside = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        const release = await acquireLock(file, { waitMs: 60_000, staleMs: 60_000, pollMs: 2 });
        inside += 1;
        maxInside = Math.max(maxInside, inside);
        await new Promise((r) => setImmediate(r));
        inside -= 1;
        await release();
      }),
    );
    assert.equal(maxInside, 1);
  });

  test('6 processes × 10 locked increments of a shared counter lose no update', async () => {
    const dir = tmp();
    const counter = path.join(dir, 'counter');
    writeFileSync(counter, '0');
    const runs = Array.from(
      { length: 6 },
      () =>
        new Promise<number | null>((resolve) => {
          const child = spawn(
            process.execPath,
            ['--import', 'tsx', worker, path.join(dir, 'x.lock'), counter, '10'],
            {
              stdio: 'inherit',
            },
          );
          child.on('close', resolve);
        }),
    );
    assert.deepEqual(await Promise.all(runs), [0, 0, 0, 0, 0, 0]);
    assert.equal(readFileSync(counter, 'utf8'), '60');
  });
});

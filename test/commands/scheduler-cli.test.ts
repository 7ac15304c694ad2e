// The scheduling commands through the BUILT CLI (bin/scflows, run `npm run build` first) against the
// stand-in API and the REAL user crontab: foreign lines stay byte-identical, concurrent writers lose
// nothing, --plan writes nothing, bad input fails with one line and changes nothing, and the token never
// reaches crontab, tabfile, logs or stderr. Every test removes its own block.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readBlock } from '../../src/crontab/block.js';
import { taskPaths } from '../../src/crontab/paths.js';
import { parseTabfile, renderEntryLine } from '../../src/crontab/tabfile.js';
import { type DevApi, startDevApi } from '../../src/devapi/index.js';
import { crontab, editCrontab, removeBlock, withoutScflowsBlocks } from '../helpers/real-crontab.js';
import { makeSandbox, runCli, type Sandbox } from '../helpers/run-cli.js';
import { schedulerDevice } from '../helpers/scheduler-devices.js';
import { upstreamDataDir } from '../helpers/shared.js';
import { startStatusServer, unreachableUrl } from '../helpers/status-server.js';

let api: DevApi;
const sandboxes: Sandbox[] = [];

before(async () => {
  api = await startDevApi({ devices: 0, upstreamDataDir });
  for (let id = 70001; id <= 70030; id += 1) api.store.putDevice(schedulerDevice(id));
});
after(async () => {
  for (const sandbox of sandboxes) await removeBlock(sandbox.publicDir);
  await api.close();
});

function sandbox(vars: Record<string, string> = {}): Sandbox {
  const box = makeSandbox({
    SC_API_URL: api.apiUrl,
    SC_DATA_URL: api.dataUrl,
    SC_BEARER: api.adminToken,
    SCFLOWS_HTTP_ATTEMPTS: '1',
    ...vars,
  });
  sandboxes.push(box);
  return box;
}

const tabEntries = (box: Sandbox) => {
  const file = taskPaths(box.publicDir).tabfile;
  return existsSync(file) ? parseTabfile(readFileSync(file, 'utf8'), file) : [];
};
const installedBlock = async (box: Sandbox) => readBlock(await crontab.read(), box.publicDir);

function assertNoToken(...texts: string[]) {
  for (const text of texts) assert.ok(!text.includes(api.adminToken), 'the bearer token leaked');
}

/** Every file under a directory with its content (to prove nothing changed). */
function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, name.name);
      if (name.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

describe('scheduler CLI with the real crontab', () => {
  test('foreign crontab lines survive install, update, remove-task and clear-tasks byte-identical', async () => {
    const box = sandbox();
    const tag = `scflows-test-${process.pid}-${Date.now()}`;
    const foreign = `# ${tag} a comment   \nMAILTO=""\n30 2 * * * /bin/echo 50\\% done # ${tag}\n\n`;
    await editCrontab((text) => `${text}${foreign}`);
    try {
      const expected = withoutScflowsBlocks(await crontab.read());
      const check = async () => {
        const now = await crontab.read();
        assert.equal(withoutScflowsBlocks(now), expected);
        assert.ok(now.includes(foreign));
      };
      const install = await runCli(['schedule-devices'], box.env);
      assert.equal(install.code, 0, install.stderr);
      assert.equal((await installedBlock(box)).length, 30);
      await check();

      api.store.putDevice(schedulerDevice(70031));
      const update = await runCli(['schedule-devices', '--interval-hours', '6'], box.env);
      assert.equal(update.code, 0, update.stderr);
      assert.equal((await installedBlock(box)).length, 31);
      await check();
      assert.ok(readFileSync(taskPaths(box.publicDir).backup, 'utf8').includes(foreign));

      const removed = await runCli(['remove-task', 'run-device:70031'], box.env);
      assert.equal(removed.code, 0, removed.stderr);
      assert.equal((await installedBlock(box)).length, 30);
      await check();

      const cleared = await runCli(['clear-tasks'], box.env);
      assert.equal(cleared.code, 0, cleared.stderr);
      assert.deepEqual(await installedBlock(box), []);
      assert.ok(!(await crontab.read()).includes(`# BEGIN scflows ${box.publicDir}`));
      await check();
      assertNoToken(install.stderr, update.stderr, install.stdout, await crontab.read());
    } finally {
      api.store.deleteDevice(70031);
      await editCrontab((text) => text.replace(foreign, ''));
    }
  });

  test('the installed block equals the tabfile entries, which carry no secret', async () => {
    const box = sandbox();
    const run = await runCli(['schedule-devices', '--dry-run', '--queue'], box.env);
    assert.equal(run.code, 0, run.stderr);
    const entries = tabEntries(box);
    assert.deepEqual(await installedBlock(box), entries.map(renderEntryLine));
    assert.ok(entries.every((e) => / run-device \d+ --dry-run --queue >> /.test(e.command)));
    assertNoToken(readFileSync(taskPaths(box.publicDir).tabfile, 'utf8'), await crontab.read(), run.stderr);
    assert.ok(entries.every((e) => !e.command.includes('SC_BEARER') && !e.command.includes(api.apiUrl)));
  });

  test('8 concurrent schedule-devices lose no entry and agree with a single run', async () => {
    const box = sandbox();
    const runs = await Promise.all(Array.from({ length: 8 }, () => runCli(['schedule-devices'], box.env)));
    for (const run of runs) assert.equal(run.code, 0, run.stderr);
    const entries = tabEntries(box);
    assert.equal(entries.length, 30);
    assert.deepEqual(await installedBlock(box), entries.map(renderEntryLine));
    const single = sandbox();
    assert.equal((await runCli(['schedule-devices'], single.env)).code, 0);
    assert.deepEqual(
      tabEntries(single).map((e) => e.schedule),
      entries.map((e) => e.schedule),
    );
    assert.equal(existsSync(taskPaths(box.publicDir).lock), false);
  });

  test('8 concurrent manual-schedule of different devices lose no entry', async () => {
    const box = sandbox();
    const ids = Array.from({ length: 8 }, (_, i) => 81_000 + i);
    const runs = await Promise.all(
      ids.map((id) => runCli(['manual-schedule', '--device', String(id)], box.env)),
    );
    for (const run of runs) assert.equal(run.code, 0, run.stderr);
    const entries = tabEntries(box);
    assert.deepEqual(
      entries.map((e) => e.name),
      ids.map((id) => `run-device:${id}`),
    );
    assert.deepEqual(await installedBlock(box), entries.map(renderEntryLine));
  });

  test('--plan writes nothing: tabfile, crontab and backup stay as they were', async () => {
    const box = sandbox();
    assert.equal(
      (await runCli(['manual-schedule', '--device', '9', '--schedule', '0 3 * * *'], box.env)).code,
      0,
    );
    const files = snapshot(box.publicDir);
    const block = await installedBlock(box);
    for (const args of [
      ['schedule-devices', '--plan'],
      ['manual-schedule', '--device', '10', '--plan'],
      ['auto-schedule', '--plan', '--force-first-run'],
      ['clear-tasks', '--plan'],
    ]) {
      const run = await runCli(args, box.env);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(run.stdout.startsWith('--- crontab (installed)\n+++ crontab (planned)\n'), run.stdout);
      assert.deepEqual(snapshot(box.publicDir), files);
      assert.deepEqual(await installedBlock(box), block);
    }
  });

  test('manual-schedule --force-first-run also runs run-device now and returns its exit code', async () => {
    const box = sandbox();
    const direct = await runCli(['run-device', '70001', '--dry-run'], box.env);
    const run = await runCli(
      ['manual-schedule', '--device', '70002', '--dry-run', '--force-first-run'],
      box.env,
    );
    assert.equal(run.code, direct.code, run.stderr);
    assert.match(run.stdout, /^device 70002: scheduled \(source=manual, "\d+ \d+ \* \* \*"\)$/m);
    assert.deepEqual(
      tabEntries(box).map((e) => e.name),
      ['run-device:70002'],
    );
    assertNoToken(run.stdout, run.stderr);
  });

  test('list-tasks of the built CLI shows the installed entries as enabled', async () => {
    const box = sandbox();
    assert.equal((await runCli(['auto-schedule', '--schedule', '@daily'], box.env)).code, 0);
    const run = await runCli(['list-tasks', '--json'], box.env);
    assert.equal(run.code, 0, run.stderr);
    const [task] = JSON.parse(run.stdout);
    assert.equal(task.name, 'schedule-devices');
    assert.equal(task.enabled, true);
    assert.equal(task.description, 'at 00:00');
  });
});

describe('bad input: a documented exit code, one line on stderr, nothing changed', () => {
  async function assertRefused(box: Sandbox, args: string[], code: number, message: RegExp) {
    const files = snapshot(box.publicDir);
    const block = await installedBlock(box);
    const run = await runCli(args, box.env);
    assert.equal(run.code, code, `${args.join(' ')}: ${run.stderr}`);
    assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
    assert.match(run.stderr, message);
    assertNoToken(run.stderr, run.stdout);
    assert.deepEqual(snapshot(box.publicDir), files);
    assert.deepEqual(await installedBlock(box), block);
  }

  test('bad arguments exit 2', async () => {
    const box = sandbox();
    assert.equal(
      (await runCli(['manual-schedule', '--device', '5', '--schedule', '0 3 * * *'], box.env)).code,
      0,
    );
    await assertRefused(
      box,
      ['manual-schedule', '--device', 'abc'],
      2,
      /device id must be a positive integer, got "abc"/,
    );
    await assertRefused(box, ['manual-schedule', '--device=-5'], 2, /device id must be a positive integer/);
    await assertRefused(
      box,
      ['manual-schedule', '--device', '5', '--schedule', '0 0 L * *', '--overwrite'],
      2,
      /invalid cron expression "0 0 L \* \*": day-of-month field "L"/,
    );
    await assertRefused(
      box,
      ['manual-schedule', '--device', '6', '--schedule', '*/10 * * * * *'],
      2,
      /expected 5 fields/,
    );
    await assertRefused(
      box,
      ['manual-schedule', '--device', '6', '--schedule', '@reboot'],
      2,
      /@reboot is not supported/,
    );
    await assertRefused(
      box,
      ['schedule-devices', '--interval-hours', '0'],
      2,
      /--interval-hours must be an integer from 1 to 24, got "0"/,
    );
    await assertRefused(box, ['schedule-devices', '--interval-hours', '2.5'], 2, /--interval-hours/);
    await assertRefused(box, ['auto-schedule', '--interval-days', '-1'], 2, /--interval-days/);
    await assertRefused(box, ['remove-task', 'run-device:404'], 2, /unknown task "run-device:404"/);
  });

  test('without SC_BEARER schedule-devices exits 3 naming it (private devices would lose their entries)', async () => {
    const box = sandbox({ SC_BEARER: '' });
    await assertRefused(box, ['schedule-devices'], 3, /SC_BEARER is required to search every device/);
  });

  test('an unreachable API exits 4 (ApiError)', async () => {
    const box = sandbox({ SC_API_URL: `${await unreachableUrl()}/v0` });
    await assertRefused(box, ['schedule-devices'], 4, /failed: ECONNREFUSED/);
  });

  for (const status of [401, 403, 500]) {
    test(`an HTTP ${status} search exits 4 (ApiError)`, async () => {
      const server = await startStatusServer(status);
      try {
        const box = sandbox({ SC_API_URL: `${server.url}/v0` });
        await assertRefused(box, ['schedule-devices'], 4, new RegExp(`answered HTTP ${status}`));
      } finally {
        await server.close();
      }
    });
  }

  test('an unwritable public dir exits 6 (LocalFileError)', async () => {
    const box = sandbox();
    writeFileSync(path.join(box.dir, 'plain-file'), '');
    const env = { ...box.env, SCFLOWS_PUBLIC_DIR: path.join(box.dir, 'plain-file', 'public') };
    const run = await runCli(['manual-schedule', '--device', '5'], env);
    assert.equal(run.code, 6, run.stderr);
    assert.equal(run.stderr.trimEnd().split('\n').length, 1);
    assert.match(run.stderr, /ENOTDIR/);
  });

  test('a corrupt tabfile exits 6, is reported with file and line, and is not overwritten', async () => {
    const box = sandbox();
    const file = taskPaths(box.publicDir).tabfile;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '# scflows tasks\n0 * * * * /bin/true\n');
    await assertRefused(box, ['schedule-devices'], 6, new RegExp(`tabfile "${file}" is corrupt at line 2`));
    await assertRefused(box, ['list-tasks'], 6, /is corrupt at line 2/);
    await assertRefused(box, ['clear-tasks'], 6, /is corrupt at line 2/);
  });
});

// The real cron daemon runs what manual-schedule installs: an entry every minute fires and its log file
// appears (cron starts jobs at second ~1 of each minute, so within about 61 s). The daemon is started
// with `service cron start` if none runs, and stopped again (by its pid) if this test started it.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { type DevApi, startDevApi } from '../../src/devapi/index.js';
import { removeBlock } from '../helpers/real-crontab.js';
import { makeSandbox, runCli, type Sandbox } from '../helpers/run-cli.js';
import { schedulerDevice } from '../helpers/scheduler-devices.js';
import { upstreamDataDir } from '../helpers/shared.js';

let api: DevApi;
let box: Sandbox;
let startedCron = false;

/** Whether a cron daemon runs (a stopped one may linger as a zombie when PID 1 does not reap). */
function cronRunning(): boolean {
  const pids = spawnSync('pgrep', ['-x', 'cron'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  return pids.some((pid) => {
    const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
    return stat !== '' && stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  });
}

before(async () => {
  if (!cronRunning()) {
    execFileSync('service', ['cron', 'start'], { stdio: 'ignore' });
    startedCron = true;
  }
  api = await startDevApi({ devices: 0, upstreamDataDir });
  api.store.putDevice(schedulerDevice(72001));
  box = makeSandbox({ SC_API_URL: api.apiUrl, SC_DATA_URL: api.dataUrl, SC_BEARER: api.adminToken });
});

after(async () => {
  await removeBlock(box.publicDir);
  await api.close();
  if (startedCron) {
    const pid = Number(readFileSync('/var/run/crond.pid', 'utf8').trim());
    if (Number.isInteger(pid) && pid > 1) process.kill(pid, 'SIGTERM');
    // cron leaves its pid file behind; remove it so that the next `service cron start` starts cleanly.
    rmSync('/var/run/crond.pid', { force: true });
  }
});

test('an entry installed with manual-schedule --schedule "* * * * *" is run by cron and writes its log', async () => {
  const run = await runCli(
    ['manual-schedule', '--device', '72001', '--schedule', '* * * * *', '--dry-run'],
    box.env,
  );
  assert.equal(run.code, 0, run.stderr);
  const log = path.join(box.publicDir, 'tasks', '72001', '72001.log');
  // Wait for cron: a deadline for giving up, not a timing assertion.
  const deadline = Date.now() + 75_000;
  while (!existsSync(log) && Date.now() < deadline) await sleep(500);
  assert.ok(existsSync(log), `cron did not run the entry: ${log} is missing`);
  await removeBlock(box.publicDir);
  assert.ok(!readFileSync(log, 'utf8').includes(api.adminToken));
});

// Real cron: `manual-schedule --device <id> --schedule '* * * * *'` against the stand-in; within about
// 70 s the cron daemon runs the device, the stand-in receives the posts, and the log and run record appear.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { type DevApi, startDevApi } from '../../src/devapi/index.js';
import { putSyntheticDevice } from '../helpers/devices.js';
import { makeSandbox, runCli, type Sandbox } from '../helpers/run-cli.js';
import { upstreamDataDir } from '../helpers/shared.js';

let api: DevApi;
let sandbox: Sandbox;
const START = Date.parse('2025-03-12T00:00:00Z') / 1000;

before(async () => {
  api = await startDevApi({ devices: 0, seed: 1, upstreamDataDir });
  sandbox = makeSandbox({ SC_API_URL: api.apiUrl, SC_DATA_URL: api.dataUrl, SC_BEARER: api.adminToken });
  putSyntheticDevice(api, 85001, 'SCAS220060', START, 300);
});
after(async () => {
  await runCli(['clear-tasks'], sandbox.env);
  await api.close();
});

test('cron runs a manually scheduled device: posts arrive, the log and the run record appear', {
  timeout: 150_000,
}, async () => {
  const states = execFileSync('ps', ['-C', 'cron', '-o', 'stat=']).toString().split('\n');
  assert.ok(
    states.some((s) => /^[^Z\s]/.test(s)),
    'a live cron daemon must be running',
  );
  const scheduled = await runCli(
    ['manual-schedule', '--device', '85001', '--schedule', '* * * * *'],
    sandbox.env,
  );
  assert.equal(scheduled.code, 0, scheduled.stderr);
  const crontab = execFileSync('crontab', ['-l']).toString();
  assert.match(crontab, /scflows:run-device:85001/);
  assert.ok(!crontab.includes(api.adminToken), 'the token is not in the crontab');

  const log = path.join(sandbox.publicDir, 'tasks', '85001', '85001.log');
  const deadline = Date.now() + 130_000;
  while (Date.now() < deadline && api.store.postedValues(85001, 153).size < 300) {
    await new Promise((r) => setTimeout(r, 1000));
  }
  assert.equal(api.store.postedValues(85001, 153).size, 300, 'NO2 values posted by the cron-started run');
  for (let i = 0; i < 50 && !/run finished/.test(existsSync(log) ? readFileSync(log, 'utf8') : ''); i++) {
    await new Promise((r) => setTimeout(r, 200));
  }
  const text = readFileSync(log, 'utf8');
  assert.match(text, /info run finished \{"device":85001,"state":"SUCCESS"/);
  assert.ok(!text.includes(api.adminToken));
  const runs = JSON.parse((await runCli(['runs', '--device', '85001', '--json'], sandbox.env)).stdout);
  assert.ok(runs.some((r: { state: string }) => r.state === 'SUCCESS'));
});

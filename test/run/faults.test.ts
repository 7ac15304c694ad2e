// Fault injection (5xx, 429, latency, dropped connections at 30 % of requests): after enough re-runs, what
// the stand-in holds equals what a fault-free run leaves, exactly: no missing and no extra values.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type DevApi, startDevApi } from '../../src/devapi/index.js';
import { putSyntheticDevice } from '../helpers/devices.js';
import { makeSandbox, runCli } from '../helpers/run-cli.js';
import { upstreamDataDir } from '../helpers/shared.js';

const START = Date.parse('2025-02-01T00:00:00Z') / 1000;
const MINUTES = 3000;
let clean: DevApi;
let faulty: DevApi;

before(async () => {
  clean = await startDevApi({ devices: 0, seed: 1, upstreamDataDir });
  faulty = await startDevApi({ devices: 0, seed: 1, upstreamDataDir });
  putSyntheticDevice(clean, 84001, 'SCAS220060', START, MINUTES);
  putSyntheticDevice(faulty, 84001, 'SCAS220060', START, MINUTES);
});
after(async () => {
  await clean.close();
  await faulty.close();
});

function snapshot(api: DevApi): Map<string, number> {
  const out = new Map<string, number>();
  for (const [sensor, values] of api.store.posted(84001))
    for (const [t, v] of values) out.set(`${sensor}@${t}`, v);
  return out;
}

test('with 30 % of requests failing, re-runs converge to exactly the fault-free result', async () => {
  const env = (api: DevApi) =>
    makeSandbox({
      SC_API_URL: api.apiUrl,
      SC_DATA_URL: api.dataUrl,
      SC_BEARER: api.adminToken,
      SCFLOWS_HTTP_BACKOFF_MS: '5',
      SCFLOWS_HTTP_TIMEOUT_MS: '2000',
    }).env;
  const reference = await runCli(['run-device', '84001', '--json'], env(clean));
  assert.equal(reference.code, 0, reference.stderr);
  const expected = snapshot(clean);
  assert.equal(expected.size, 2 * MINUTES);

  faulty.store.setFaults({
    rate5xx: 0.1,
    rate429: 0.1,
    retryAfter: true,
    dropRate: 0.1,
    latencyMs: 5,
    seed: 7,
  });
  const faultyEnv = env(faulty);
  const states: string[] = [];
  for (let attempt = 0; attempt < 40; attempt++) {
    const run = await runCli(['run-device', '84001', '--json'], faultyEnv);
    const state = JSON.parse(run.stdout).state as string;
    states.push(state);
    if (state === 'NOTHING_NEW') break;
  }
  assert.equal(states.at(-1), 'NOTHING_NEW', `runs: ${states.join(', ')}`);
  const faults = faulty.store.requestLog.filter((r) => r.fault !== undefined && r.fault !== 'none').length;
  assert.ok(faults >= 10, `only ${faults} faults were injected`);
  assert.ok(states.length > 1 || faults >= 10);
  const actual = snapshot(faulty);
  assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort());
  for (const [key, value] of expected) assert.equal(actual.get(key), value, key);
});

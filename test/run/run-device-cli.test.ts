// run-device through the built CLI against the stand-in: catch-up over many windows, bad input, the lock,
// the run history, a killed run, and secrets kept out of logs.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type DevApi, startDevApi } from '../../src/devapi/index.js';
import { putSyntheticDevice } from '../helpers/devices.js';
import { makeSandbox, runCli, type Sandbox } from '../helpers/run-cli.js';
import { projectDir, upstreamDataDir } from '../helpers/shared.js';

const START = Date.parse('2025-03-01T00:00:00Z') / 1000;
let api: DevApi;
let sandbox: Sandbox;

before(async () => {
  api = await startDevApi({ devices: 0, seed: 1, upstreamDataDir });
  sandbox = makeSandbox({
    SC_API_URL: api.apiUrl,
    SC_DATA_URL: api.dataUrl,
    SC_BEARER: api.adminToken,
    SCFLOWS_HTTP_BACKOFF_MS: '10',
  });
});
after(async () => {
  await api.close();
});

function postedCount(deviceId: number): number {
  let n = 0;
  for (const values of api.store.posted(deviceId).values()) n += values.size;
  return n;
}

describe('run-device catches up', () => {
  test('a device 3 days behind catches up in one run, window after window, with one PATCH per window', async () => {
    putSyntheticDevice(api, 81001, 'SCAS220060', START, 3 * 1440);
    const result = await runCli(['run-device', '81001', '--json'], sandbox.env);
    assert.equal(result.code, 0, result.stderr);
    const out = JSON.parse(result.stdout);
    assert.equal(out.state, 'SUCCESS');
    assert.equal(out.progress.windows, Math.ceil((3 * 1440) / 500));
    assert.equal(out.progress.rows, 3 * 1440);
    const patches = api.store.patchLog.filter((p) => p.deviceId === 81001);
    assert.equal(patches.length, out.progress.windows);
    const last = api.store.getDevice(81001)?.postprocessing?.latest_postprocessing;
    assert.equal(Date.parse(String(last)) / 1000, START + (3 * 1440 - 1) * 60 + 41 + 60);
    // NO2 (153) and O3 (157) for every minute that has both electrodes and a temperature.
    assert.equal(api.store.postedValues(81001, 153).size, 3 * 1440);
    assert.equal(api.store.postedValues(81001, 157).size, 3 * 1440);

    const again = await runCli(['run-device', '81001', '--json'], sandbox.env);
    assert.equal(again.code, 0);
    assert.equal(JSON.parse(again.stdout).state, 'NOTHING_NEW');
  });

  test('SCFLOWS_MAX_WINDOWS caps a run; the next run continues where it stopped', async () => {
    putSyntheticDevice(api, 81002, 'SCAS220060', START, 1500);
    const env = { ...sandbox.env, SCFLOWS_MAX_WINDOWS: '2' };
    const first = JSON.parse((await runCli(['run-device', '81002', '--json'], env)).stdout);
    assert.equal(first.progress.windows, 2);
    assert.equal(first.progress.capped, true);
    const second = JSON.parse((await runCli(['run-device', '81002', '--json'], env)).stdout);
    assert.equal(second.state, 'SUCCESS');
    assert.equal(first.progress.rows + second.progress.rows, 1500);
    assert.equal(api.store.postedValues(81002, 153).size, 1500);
  });

  test('--dry-run processes every window and posts or patches nothing', async () => {
    putSyntheticDevice(api, 81003, 'SCAS220060', START, 700);
    const result = await runCli(['run-device', '81003', '--dry-run', '--json'], sandbox.env);
    assert.equal(result.code, 0, result.stderr);
    const out = JSON.parse(result.stdout);
    assert.equal(out.progress.windows, 2);
    assert.equal(out.progress.posted['153'], 700);
    assert.equal(postedCount(81003), 0);
    assert.equal(api.store.patchLog.filter((p) => p.deviceId === 81003).length, 0);
    const log = readFileSync(path.join(sandbox.publicDir, 'tasks', '81003', '81003.log'), 'utf8');
    assert.match(log, /info dry run: would post .*"sensor":153/);
  });
});

describe('run-device records and logs', () => {
  test('each run is in the run history and the log ends with a summary line; the token appears nowhere', async () => {
    putSyntheticDevice(api, 81004, 'SCAS220060', START, 60);
    assert.equal((await runCli(['run-device', '81004'], sandbox.env)).code, 0);
    const runs = await runCli(['runs', '--device', '81004', '--json'], sandbox.env);
    const records = JSON.parse(runs.stdout);
    assert.equal(records.length, 1);
    assert.equal(records[0].state, 'SUCCESS');
    assert.equal(records[0].rows, 60);
    const log = readFileSync(path.join(sandbox.publicDir, 'tasks', '81004', '81004.log'), 'utf8');
    assert.match(
      log.trim().split('\n').at(-1) ?? '',
      /^\S+Z info run finished \{"device":81004,"state":"SUCCESS"/,
    );
    assert.ok(!log.includes(api.adminToken));
  });

  test('a second run of the same device while one runs exits at once with LOCKED (7)', async () => {
    putSyntheticDevice(api, 81005, 'SCAS220060', START, 2000);
    api.store.setFaults({ latencyMs: 150 });
    try {
      const first = runCli(['run-device', '81005', '--json'], sandbox.env);
      const lockFile = path.join(sandbox.publicDir, 'tasks', '81005', '81005.lock');
      for (let i = 0; i < 200 && !existsSync(lockFile); i++) await new Promise((r) => setTimeout(r, 25));
      const second = await runCli(['run-device', '81005', '--json'], sandbox.env);
      assert.equal(second.code, 7, second.stderr);
      assert.equal(JSON.parse(second.stdout).state, 'LOCKED');
      assert.equal((await first).code, 0);
    } finally {
      api.store.setFaults({ latencyMs: 0 });
    }
  });

  test('a run killed with SIGKILL loses nothing: the next run completes the data, no gaps', async () => {
    putSyntheticDevice(api, 81006, 'SCAS220060', START, 2500);
    api.store.setFaults({ latencyMs: 40 });
    const child = spawn(process.execPath, [path.join(projectDir, 'bin', 'scflows'), 'run-device', '81006'], {
      cwd: projectDir,
      env: sandbox.env,
      stdio: 'ignore',
    });
    for (let i = 0; i < 400 && api.store.patchLog.filter((p) => p.deviceId === 81006).length < 1; i++) {
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    api.store.setFaults({ latencyMs: 0 });
    const result = await runCli(['run-device', '81006', '--json'], sandbox.env);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(api.store.postedValues(81006, 153).size, 2500);
    const runs = JSON.parse((await runCli(['runs', '--device', '81006', '--json'], sandbox.env)).stdout);
    assert.deepEqual(
      runs.map((r: { state: string }) => r.state),
      ['SUCCESS', 'KILLED'],
    );
  });
});

describe('run-device refuses bad input with a state, an exit code and nothing posted', () => {
  const cases: [string, () => number, number, RegExp][] = [
    ['a device the API does not know (404)', () => 99999, 10, /DEVICE_NOT_VALID.*not found/],
    [
      'a device without postprocessing',
      () => {
        putSyntheticDevice(api, 82001, 'SCAS220060', START, 10);
        api.store.mutate(82001, (doc) => {
          doc.postprocessing = null;
        });
        return 82001;
      },
      11,
      /NOT_VALID_FOR_PROCESSING.*no postprocessing/,
    ],
    [
      'malformed hardware JSON',
      () => {
        putSyntheticDevice(api, 82002, 'BADHW1', START, 10);
        api.store.setDataDocument('hardware/BADHW1.json', '{"versions": [');
        return 82002;
      },
      11,
      /NOT_VALID_FOR_PROCESSING.*BADHW1.*not valid JSON/,
    ],
    [
      'malformed hardware JSON on a device that names its own blueprint',
      () => {
        putSyntheticDevice(api, 82008, 'BADHW2', START, 10);
        api.store.mutate(82008, (doc) => {
          if (doc.postprocessing) doc.postprocessing.blueprint_url = `${api.dataUrl}/blueprints/sc_air.json`;
        });
        api.store.setDataDocument('hardware/BADHW2.json', '{"versions": [');
        return 82008;
      },
      11,
      /NOT_VALID_FOR_PROCESSING.*BADHW2.*not valid JSON/,
    ],
    [
      'a hardware serial with an unknown sensor code (Q9)',
      () => {
        putSyntheticDevice(api, 82003, 'SCAS220117', START, 10);
        return 82003;
      },
      11,
      /NOT_VALID_FOR_PROCESSING.*nan/i,
    ],
    [
      'malformed blueprint JSON',
      () => {
        putSyntheticDevice(api, 82004, 'BADBP1', START, 10);
        api.store.setDataDocument(
          'hardware/BADBP1.json',
          JSON.stringify({ blueprint_url: `${api.dataUrl}/blueprints/broken.json`, versions: [] }),
        );
        api.store.setDataDocument('blueprints/broken.json', '{"metrics": [}');
        return 82004;
      },
      10,
      /DEVICE_NOT_VALID.*broken\.json.*not valid JSON/,
    ],
    [
      'an unknown function name in the blueprint',
      () => {
        putSyntheticDevice(api, 82005, 'BADBP2', START, 10);
        api.store.setDataDocument(
          'hardware/BADBP2.json',
          JSON.stringify({ blueprint_url: `${api.dataUrl}/blueprints/unknown-fn.json`, versions: [] }),
        );
        api.store.setDataDocument(
          'blueprints/unknown-fn.json',
          JSON.stringify({ metrics: [{ name: 'X', id: 153, function: 'no_such_function', kwargs: {} }] }),
        );
        return 82005;
      },
      10,
      /DEVICE_NOT_VALID.*no_such_function/,
    ],
    [
      'a dependency cycle in the blueprint',
      () => {
        putSyntheticDevice(api, 82006, 'BADBP3', START, 10);
        api.store.setDataDocument(
          'hardware/BADBP3.json',
          JSON.stringify({ blueprint_url: `${api.dataUrl}/blueprints/cycle.json`, versions: [] }),
        );
        api.store.setDataDocument(
          'blueprints/cycle.json',
          JSON.stringify({
            metrics: [
              {
                name: 'A',
                id: null,
                function: 'channel_names',
                kwargs: { channel: 'ADC_48_0' },
                depends_on: ['B'],
              },
              {
                name: 'B',
                id: 153,
                function: 'channel_names',
                kwargs: { channel: 'ADC_48_1' },
                depends_on: ['A'],
              },
            ],
          }),
        );
        return 82006;
      },
      10,
      /DEVICE_NOT_VALID.*cycle/i,
    ],
    [
      'malformed calibrations JSON',
      () => {
        putSyntheticDevice(api, 82007, 'SCAS220060', START, 10);
        return 82007;
      },
      10,
      /DEVICE_NOT_VALID.*calibrations.*not valid JSON/,
    ],
  ];
  for (const [title, setup, code, message] of cases) {
    test(title, async () => {
      const id = setup();
      const isCalibrations = title.startsWith('malformed calibrations');
      if (isCalibrations) api.store.setDataDocument('calibrations/calibrations.json', '{"202521262": ');
      const env = isCalibrations
        ? { ...sandbox.env, SCFLOWS_PUBLIC_DIR: `${sandbox.publicDir}-cal` }
        : sandbox.env;
      try {
        const result = await runCli(['run-device', String(id), '--json'], env);
        assert.equal(result.code, code, result.stdout + result.stderr);
        const out = JSON.parse(result.stdout);
        assert.match(`${out.state}/${out.reason} ${out.message}`, message);
        assert.equal(postedCount(id), 0);
        assert.equal(api.store.patchLog.filter((p) => p.deviceId === id).length, 0);
      } finally {
        if (isCalibrations) api.store.clearDataDocument('calibrations/calibrations.json');
      }
    });
  }

  test('without SC_BEARER a posting run is a configuration error (3) naming it; a dry run works', async () => {
    putSyntheticDevice(api, 82010, 'SCAS220060', START, 30);
    const noToken = makeSandbox({ SC_API_URL: api.apiUrl, SC_DATA_URL: api.dataUrl });
    const before = api.store.requestLog.length;
    const refused = await runCli(['run-device', '82010'], noToken.env);
    assert.equal(refused.code, 3);
    assert.match(
      refused.stderr,
      /^scflows: configuration: SC_BEARER is required to post readings \(or use --dry-run\)/,
    );
    assert.equal(api.store.requestLog.length, before, 'no request was made');
    const dry = await runCli(['run-device', '82010', '--dry-run', '--json'], noToken.env);
    assert.equal(dry.code, 0, dry.stderr);
    assert.equal(JSON.parse(dry.stdout).progress.posted['153'], 30);
    assert.equal(postedCount(82010), 0);
  });

  test('a non-numeric device id is a usage error (2) with a one-line message', async () => {
    const result = await runCli(['run-device', 'abc'], sandbox.env);
    assert.equal(result.code, 2);
    assert.equal(result.stderr.trim().split('\n').length, 1);
    assert.match(result.stderr, /device id must be a positive integer, got "abc"/);
  });

  test('an unreachable API is FAILED/API_UNAVAILABLE (4) and names no token', async () => {
    const env = { ...sandbox.env, SC_API_URL: 'http://127.0.0.1:9/v0', SCFLOWS_HTTP_ATTEMPTS: '1' };
    const result = await runCli(['run-device', '81001', '--json'], env);
    assert.equal(result.code, 4, result.stderr);
    assert.equal(JSON.parse(result.stdout).reason, 'API_UNAVAILABLE');
    assert.ok(!result.stdout.includes(api.adminToken));
  });
});

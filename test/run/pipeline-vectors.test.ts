// The pipeline golden vectors through the built `run-device` against the stand-in API: the POST bodies
// and the PATCH must be the original's (vectors/README.md tolerances).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type DevApi, startDevApi } from '../../src/devapi/index.js';
import { makeSandbox, runCli, type Sandbox } from '../helpers/run-cli.js';
import { upstreamDataDir } from '../helpers/shared.js';
import { close, readCsv, readVectorJson } from '../helpers/vectors.js';

interface PipelineParams {
  device_json: { id: number; data: { sensors: { id: number; name: string }[] } } & Record<string, unknown>;
  requested_channels: string[];
}
interface ExpectedResult {
  posts: {
    url: string;
    body: { data: { recorded_at: string; sensors: { id: number; value: number }[] }[] };
  }[];
  patches: { url: string; body: { postprocessing_attributes: Record<string, unknown> } }[];
  latest_postprocessing_after: string;
}

/** Put the vector's device and its input.csv readings (empty = no reading, `null` = null value) into the stand-in. */
function serveVector(
  api: DevApi,
  vector: string,
  options: { id?: number; dropSensor?: number } = {},
): PipelineParams['device_json'] {
  const params = readVectorJson<PipelineParams>(vector, 'params.json');
  const device = structuredClone(params.device_json);
  if (options.id !== undefined) {
    device.id = options.id;
    (device.postprocessing as { device_id: number }).device_id = options.id;
  }
  if (options.dropSensor !== undefined) {
    device.data.sensors = device.data.sensors.filter((s) => s.id !== options.dropSensor);
  }
  api.store.putDevice(device as never);
  const csv = readCsv(vector, 'input.csv');
  for (const sensor of device.data.sensors) {
    const col = csv.header.indexOf(sensor.name);
    if (col < 0) continue;
    const points: [string, number | null][] = [];
    for (const row of csv.rows) {
      const cell = row[col] ?? '';
      if (cell === '') continue;
      points.push([row[0] as string, cell === 'null' ? null : Number(cell)]);
    }
    api.store.setReadings(device.id, sensor.id, points);
  }
  return device;
}

function postedPairs(expected: ExpectedResult): Map<string, number> {
  const pairs = new Map<string, number>();
  for (const post of expected.posts) {
    for (const entry of post.body.data) {
      for (const s of entry.sensors) pairs.set(`${s.id}@${Date.parse(entry.recorded_at) / 1000}`, s.value);
    }
  }
  return pairs;
}

function storedPairs(api: DevApi, deviceId: number): Map<string, number> {
  const pairs = new Map<string, number>();
  for (const [sensor, values] of api.store.posted(deviceId)) {
    for (const [t, v] of values) pairs.set(`${sensor}@${t}`, v);
  }
  return pairs;
}

function assertSamePosts(actual: Map<string, number>, expected: Map<string, number>): void {
  assert.deepEqual(
    [...actual.keys()].sort(),
    [...expected.keys()].sort(),
    'posted (recorded_at, sensor) pairs',
  );
  for (const [key, value] of expected) {
    const got = actual.get(key) as number;
    assert.ok(close(got, value), `${key}: posted ${got}, original ${value}`);
  }
}

describe('run-device on the pipeline golden vectors', () => {
  let api: DevApi;
  let sandbox: Sandbox;
  const plus = 'pipeline__scas220060__dprocess_plus_scd30';
  const expected = readVectorJson<ExpectedResult>(plus, 'expected_result.json');

  before(async () => {
    api = await startDevApi({ devices: 0, seed: 1, upstreamDataDir });
    sandbox = makeSandbox({ SC_API_URL: api.apiUrl, SC_DATA_URL: api.dataUrl, SC_BEARER: api.adminToken });
  });
  after(async () => {
    await api.close();
  });

  test('posts exactly the values and sends the PATCH the original sent (dprocess_plus_scd30)', async () => {
    const device = serveVector(api, plus);
    const result = await runCli(['run-device', String(device.id), '--json'], sandbox.env);
    assert.equal(result.code, 0, result.stderr + result.stdout);
    assert.equal(JSON.parse(result.stdout).state, 'SUCCESS');
    assertSamePosts(storedPairs(api, device.id), postedPairs(expected));

    const patches = api.store.patchLog.filter((p) => p.deviceId === device.id);
    assert.equal(patches.length, 1);
    const body = patches[0]?.body as { postprocessing_attributes: Record<string, unknown> };
    const sent = body.postprocessing_attributes;
    const original = expected.patches[0]?.body.postprocessing_attributes as Record<string, unknown>;
    assert.deepEqual(Object.keys(sent), Object.keys(original), 'key order of the PATCH body');
    for (const [key, value] of Object.entries(original)) {
      if (typeof value === 'string' && !Number.isNaN(Date.parse(value)) && /T/.test(value)) {
        assert.equal(Date.parse(String(sent[key])), Date.parse(value), `PATCH ${key} (instant)`);
      } else {
        assert.deepEqual(sent[key], value, `PATCH ${key}`);
      }
    }
  });

  test('requests every channel the original requests, plus the SCD30 CO2 sensor (Q1), from the watermark', () => {
    const params = readVectorJson<PipelineParams>(plus, 'params.json');
    const byName = new Map(params.device_json.data.sensors.map((s) => [s.name, s.id]));
    const expectedIds = params.requested_channels.map((n) => byName.get(n)).filter((id) => id !== undefined);
    const reads = api.store.requestLog.filter(
      (r) => r.method === 'GET' && r.path === `/v0/devices/${params.device_json.id}/readings`,
    );
    const firstWindow = reads.filter(
      (r) => Date.parse(r.query.from ?? '') === Date.parse('2024-05-01T00:00:00Z'),
    );
    assert.deepEqual(firstWindow.map((r) => Number(r.query.sensor_id)).sort(), [...expectedIds].sort());
    for (const r of firstWindow) {
      assert.equal(r.query.limit, '500');
      assert.equal(r.query.rollup, '1m');
      assert.equal(r.query.function, 'avg');
    }
  });

  test('Q1: the flow that ended PROCESSING_FAILED upstream (dprocess) now posts NO2 and O3 like the fixed run', async () => {
    const device = serveVector(api, 'pipeline__scas220060__dprocess', { id: 90001 });
    const upstream = readVectorJson<{ task_state: string[] }>(
      'pipeline__scas220060__dprocess',
      'expected_result.json',
    );
    assert.deepEqual(upstream.task_state, ['ABORTED', 'PROCESSING_FAILED']);
    const result = await runCli(['run-device', String(device.id), '--json'], sandbox.env);
    assert.equal(result.code, 0, result.stderr);
    assertSamePosts(storedPairs(api, device.id), postedPairs(expected));
  });

  test('Q1: a device without the SCD30 sensor still posts NO2 and O3; the CO2 chain is a logged warning', async () => {
    const device = serveVector(api, plus, { id: 90002, dropSensor: 158 });
    const result = await runCli(['run-device', String(device.id), '--json'], sandbox.env);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).state, 'SUCCESS');
    assertSamePosts(storedPairs(api, device.id), postedPairs(expected));
    const log = readFileSync(path.join(sandbox.publicDir, 'tasks', '90002', '90002.log'), 'utf8');
    assert.match(log, /warn metric not computed .*CO2_CLEAN.*ERROR_MISSING_CHANNEL/);
  });
});

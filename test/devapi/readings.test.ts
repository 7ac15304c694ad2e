import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DevApi } from '../../src/devapi/index.js';
import { admin, fixture, getJson, startFixtureApi } from './support.js';

interface Readings {
  device_id: number | string;
  sample_size: number;
  from: string | null;
  to: string | null;
  readings: [string, number | null][];
  [key: string]: unknown;
}

const FIXTURE_FROM = '2025-03-10T09:00:41Z';
const fileOf = (sensor: number) => `readings/90101/sensor_${sensor}.from_2025-03-10T09-00-41Z.limit_500.json`;

describe('GET /v0/devices/:id/readings', () => {
  let api: DevApi;
  const readings = (query: string, id = 90101) =>
    getJson<Readings>(`${api.apiUrl}/devices/${id}/readings?${query}`, { headers: admin(api) });
  before(async () => {
    api = await startFixtureApi();
  });
  after(() => api.close());

  for (const sensor of [55, 135, 136]) {
    it(`answers sensor ${sensor} exactly like the fixture`, async () => {
      const res = await readings(`from=${FIXTURE_FROM}&limit=500&rollup=1m&sensor_id=${sensor}&function=avg`);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, fixture(fileOf(sensor)));
      assert.deepEqual(Object.keys(res.body), Object.keys(fixture<Readings>(fileOf(sensor))));
    });
  }

  const fromForms: [string, string][] = [
    ['ISO with Z', '2025-03-10T09%3A00%3A41Z'],
    ['ISO with +00:00 percent-encoded', '2025-03-10T09:00:41%2B00:00'],
    ['the Python client form (+ decoded to spaces)', '2025-03-10+09:00:41+00:00'],
    ['space and " 00:00" spelled out', '2025-03-10%2009:00:41%2000:00'],
    ['epoch seconds', '1741597241'],
    ['fractional seconds', '2025-03-10T09:00:41.250Z'],
  ];
  for (const [name, from] of fromForms) {
    it(`reads from as the same instant: ${name}`, async () => {
      const res = await readings(`from=${from}&limit=500&rollup=1m&sensor_id=135&function=avg`);
      assert.equal(res.status, 200);
      assert.equal(res.body.from, FIXTURE_FROM);
      assert.equal(res.body.sample_size, 298);
    });
  }

  it('keeps the oldest limit raw points at or after from, newest first', async () => {
    const res = await readings(`from=2025-03-10T09:00:00Z&limit=10&rollup=1m&sensor_id=55`);
    assert.equal(res.body.sample_size, 10);
    assert.equal(res.body.readings.length, 10);
    assert.equal(res.body.readings[0]?.[0], '2025-03-10T09:09:41Z');
    assert.equal(res.body.readings[9]?.[0], '2025-03-10T09:00:41Z');
  });

  it('treats to as inclusive and echoes it', async () => {
    const res = await readings(`from=${FIXTURE_FROM}&to=2025-03-10T09:05:41Z&rollup=1m&sensor_id=55`);
    assert.equal(res.body.to, '2025-03-10T09:05:41Z');
    assert.deepEqual(
      res.body.readings.map(([t]) => t),
      ['09:05', '09:04', '09:03', '09:02', '09:01', '09:00'].map((hm) => `2025-03-10T${hm}:41Z`),
    );
  });

  it('skips missing minutes rather than inventing points', async () => {
    const res = await readings(`from=2025-03-10T11:15:00Z&to=2025-03-10T11:21:00Z&rollup=1m&sensor_id=136`);
    assert.deepEqual(
      res.body.readings.map(([t]) => t.slice(11, 16)),
      ['11:20', '11:19', '11:16', '11:15'],
    );
  });

  it('answers a sensor without component with the 200 "no component" shape', async () => {
    const res = await readings(`from=${FIXTURE_FROM}&rollup=1m&sensor_id=194`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, fixture('readings/90101/sensor_194.no_component.json'));
  });

  it('finds the sensor by sensor_key', async () => {
    const res = await readings(`from=${FIXTURE_FROM}&limit=500&rollup=1m&sensor_key=t`);
    assert.deepEqual(res.body, fixture(fileOf(55)));
  });

  it('requires rollup with the parameter_missing body', async () => {
    const res = await readings('sensor_id=55');
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, fixture('errors/400.parameter_missing.json'));
  });

  it('requires sensor_id or sensor_key', async () => {
    const res = await readings('rollup=1m');
    assert.equal(res.status, 400);
    assert.equal((res.body as { id?: string }).id, 'parameter_missing');
  });

  for (const bad of ['yesterday', '2025-13-10T00:00:00Z', '2025-02-30', '10/03/2025']) {
    it(`rejects from=${bad} with the bad_date body`, async () => {
      const res = await readings(`from=${encodeURIComponent(bad)}&rollup=1m&sensor_id=55`);
      assert.equal(res.status, 400);
      assert.deepEqual(res.body, fixture('errors/400.bad_date.json'));
    });
  }

  it('rejects a bad to with a 400', async () => {
    const res = await readings(`from=${FIXTURE_FROM}&to=soon&rollup=1m&sensor_id=55`);
    assert.equal(res.status, 400);
    assert.equal((res.body as { status?: number }).status, 400);
  });

  it('answers an unknown device with 404', async () => {
    const res = await readings('rollup=1m&sensor_id=55', 99999);
    assert.equal(res.status, 404);
  });

  it('stamps each rollup bucket with its first raw point and aggregates it', async () => {
    api.store.setReadings(90104, 55, [
      ['2025-03-10T10:00:30Z', 1],
      ['2025-03-10T10:20:30Z', 2],
      ['2025-03-10T10:59:59Z', 6],
      [1741604405, 10], // 2025-03-10T11:00:05Z
      ['2025-03-10T11:30:00Z', null],
      ['2025-03-10T12:10:00Z', null],
    ]);
    const query = (fn: string) =>
      `from=2025-03-10T00:00:00Z&to=2025-03-10T13:00:00Z&rollup=1h&sensor_id=55&function=${fn}`;
    const expectations: [string, (number | null)[]][] = [
      ['avg', [null, 10, 3]],
      ['max', [null, 10, 6]],
      ['min', [null, 10, 1]],
      ['sum', [null, 10, 9]],
      ['count', [0, 1, 3]],
      ['first', [null, 10, 1]],
      ['last', [null, 10, 6]],
    ];
    for (const [fn, values] of expectations) {
      const res = await readings(query(fn), 90104);
      assert.deepEqual(
        res.body.readings,
        [
          ['2025-03-10T12:10:00Z', values[0]],
          ['2025-03-10T11:00:05Z', values[1]],
          ['2025-03-10T10:00:30Z', values[2]],
        ],
        fn,
      );
      assert.equal(res.body.sample_size, 6);
    }
  });

  it('rejects an unknown function and a malformed rollup', async () => {
    assert.equal((await readings(`from=${FIXTURE_FROM}&rollup=1m&sensor_id=55&function=median`)).status, 400);
    assert.equal((await readings(`from=${FIXTURE_FROM}&rollup=minute&sensor_id=55`)).status, 400);
  });

  it('defaults to the last six weeks when from is absent', async () => {
    const res = await readings('rollup=1d&sensor_id=55');
    assert.equal(res.body.to, '2025-03-10T14:03:07Z');
    assert.equal(res.body.from, '2025-01-27T14:03:07Z');
    assert.equal(res.body.sample_size, 298);
  });
});

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { DevApi } from '../../src/devapi/index.js';
import { admin, fixture, getJson, sendJson, startFixtureApi, startFleetApi } from './support.js';

const at = (iso: string) => Date.parse(iso) / 1000;
const entry = (recordedAt: string, id: number | string, value: unknown) => ({
  recorded_at: recordedAt,
  sensors: [{ id, value }],
});

describe('POST /v0/devices/:id/readings', () => {
  let api: DevApi;
  const post = (id: number, body: unknown, headers: Record<string, string> = admin(api)) =>
    sendJson(`${api.apiUrl}/devices/${id}/readings`, 'POST', body, headers);
  before(async () => {
    api = await startFixtureApi();
  });
  beforeEach(() => api.store.clearPosted());
  after(() => api.close());

  it('accepts the fixture request and stores every value per second', async () => {
    const body = fixture<{ data: { recorded_at: string; sensors: { value: number }[] }[] }>(
      'post/90101.readings.request.example.json',
    );
    const res = await post(90101, body);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), fixture('post/readings.response.200.json'));
    const stored = api.store.postedValues(90101, 153);
    assert.equal(stored.size, 10);
    assert.equal(stored.get(at('2025-03-10T09:00:41Z')), body.data[0]?.sensors[0]?.value);
  });

  it('refuses a missing or unknown token with 403 and stores nothing', async () => {
    for (const headers of [{}, { Authorization: 'Bearer wrong' }] as Record<string, string>[]) {
      const res = await post(90101, { data: [entry('2025-03-10T09:00:41Z', 153, 1)] }, headers);
      assert.equal(res.status, 403);
      assert.deepEqual(await res.json(), fixture('errors/403.forbidden.json'));
    }
    assert.equal(api.store.posted(90101).size, 0);
  });

  it('answers a body without data with 400 parameter_missing', async () => {
    for (const body of [{}, { data: [] }, { readings: [] }]) {
      const res = await post(90101, body);
      assert.equal(res.status, 400);
      assert.equal(((await res.json()) as { id: string }).id, 'parameter_missing');
    }
  });

  it('answers an empty first recorded_at with the 200 "bad" body and stores nothing', async () => {
    const res = await post(90101, { data: [entry('', 153, 1), entry('2025-03-10T09:00:41Z', 153, 2)] });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), fixture('post/readings.response.200_bad_timestamp.json'));
    assert.equal(api.store.posted(90101).size, 0);
  });

  it('answers an unknown device with 404', async () => {
    assert.equal((await post(99999, { data: [entry('2025-03-10T09:00:41Z', 153, 1)] })).status, 404);
  });

  it('overwrites a re-posted second and counts both writes', async () => {
    await post(90101, {
      data: [entry('2025-03-10T09:00:41Z', 153, 1), entry('2025-03-10T09:01:41Z', 153, 2)],
    });
    await post(90101, { data: [entry('2025-03-10T09:00:41Z', 153, 5)] });
    assert.deepEqual(
      [...api.store.postedValues(90101, 153)],
      [
        [at('2025-03-10T09:00:41Z'), 5],
        [at('2025-03-10T09:01:41Z'), 2],
      ],
    );
    assert.equal(api.store.writeCounts(90101, 153).get(at('2025-03-10T09:00:41Z')), 2);
    assert.equal(api.store.writeCounts(90101, 153).get(at('2025-03-10T09:01:41Z')), 1);
  });

  it('leaves the device bookkeeping alone when the data is older than last_reading_at', async () => {
    const before = api.store.getDevice(90101);
    await post(90101, { data: [entry('2025-03-10T13:00:41Z', 153, 42)] });
    assert.deepEqual(api.store.getDevice(90101), before);
  });

  it('moves last_reading_at and the sensor value when the newest entry is newer', async () => {
    await post(90102, {
      data: [entry('2025-03-10T13:00:41Z', 55, 20), entry('2025-03-10T14:00:00Z', 55, 21)],
    });
    const doc = api.store.getDevice(90102);
    assert.equal(doc?.last_reading_at, '2025-03-10T14:00:00Z');
    assert.equal(doc?.state, 'has_published');
    const sensor = doc?.data.sensors.find((s) => s.id === 55);
    assert.equal(sensor?.value, 21);
    assert.equal(sensor?.last_reading_at, '2025-03-10T14:00:00Z');
  });

  it('adds a posted catalogue sensor as a component and skips unknown ids and future entries', async () => {
    await post(90105, {
      data: [
        entry('2025-03-10T10:00:12Z', 153, 17.5),
        entry('2025-03-10T10:01:12Z', 99999, 1),
        entry('2025-03-12T10:00:12Z', 153, 99),
        entry('2025-03-10T10:02:12Z', '153', '18.25'),
      ],
    });
    const sensors = api.store.getDevice(90105)?.data.sensors ?? [];
    const no2 = sensors.find((s) => s.id === 153);
    assert.equal(no2?.name, 'Alphasense NO2-B43F - NO2');
    assert.deepEqual(
      sensors.map((s) => s.name),
      sensors.map((s) => s.name).sort(),
    );
    assert.deepEqual(
      [...api.store.postedValues(90105, 153)],
      [
        [at('2025-03-10T10:00:12Z'), 17.5],
        [at('2025-03-10T10:02:12Z'), 18.25],
      ],
    );
    assert.equal(api.store.posted(90105).has(99999), false);
  });

  it('serves posted values back through the readings endpoint', async () => {
    await post(90101, {
      data: [entry('2025-03-10T09:00:41Z', 153, 30.5), entry('2025-03-10T09:01:41Z', 153, 31)],
    });
    const res = await getJson<{ readings: unknown[] }>(
      `${api.apiUrl}/devices/90101/readings?from=2025-03-10T09:00:00Z&rollup=1m&sensor_id=153`,
    );
    assert.deepEqual(res.body.readings, [
      ['2025-03-10T09:01:41Z', 31],
      ['2025-03-10T09:00:41Z', 30.5],
    ]);
  });
});

describe('POST readings to a simulated device', () => {
  it('stores processed values without touching the live device timestamps', async () => {
    const api = await startFleetApi();
    try {
      const before = api.store.getDevice(10001);
      const res = await sendJson(
        `${api.apiUrl}/devices/10001/readings`,
        'POST',
        { data: [entry('2026-01-15T08:00:00Z', 153, 12.5)] },
        admin(api),
      );
      assert.equal(res.status, 200);
      const afterPost = api.store.getDevice(10001);
      assert.equal(afterPost?.last_reading_at, before?.last_reading_at);
      assert.ok(afterPost?.data.sensors.some((s) => s.id === 153));
      assert.equal(api.store.postedValues(10001, 153).get(at('2026-01-15T08:00:00Z')), 12.5);
    } finally {
      await api.close();
    }
  });
});

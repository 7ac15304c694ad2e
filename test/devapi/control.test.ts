import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type DevApi, startDevApi } from '../../src/devapi/index.js';
import { admin, fixture, fixturesDir, getJson, sendJson, upstreamDataDir } from './support.js';

describe('/__dev/ control endpoints', () => {
  let api: DevApi;
  const dev = (path: string) => `${api.url}/__dev/${path}`;
  before(async () => {
    api = await startDevApi({ devices: 3, seed: 9, now: new Date('2025-03-10T14:03:07Z'), upstreamDataDir });
  });
  after(() => api.close());

  it('loads the fixture world from a folder given by the caller', async () => {
    const res = await getJson<{ devices: number[] }>(dev('fixture-world'), {
      method: 'POST',
      body: JSON.stringify({ fixturesDir }),
    });
    assert.deepEqual(res.body.devices, [90101, 90102, 90103, 90104, 90105]);
    const doc = await getJson(`${api.apiUrl}/devices/90101`, { headers: admin(api) });
    assert.deepEqual(doc.body, fixture('devices/90101.json'));
  });

  it('puts, reads and deletes a device document', async () => {
    const doc = { ...fixture<Record<string, unknown>>('devices/90104.json'), id: 555, name: 'put over HTTP' };
    assert.equal((await sendJson(dev('devices/555'), 'PUT', doc)).status, 200);
    assert.equal((await getJson<{ name: string }>(`${api.apiUrl}/devices/555`)).body.name, 'put over HTTP');
    assert.equal((await getJson<{ name: string }>(dev('devices/555'))).body.name, 'put over HTTP');
    assert.equal((await sendJson(dev('devices/556'), 'PUT', doc)).status, 400);
    assert.equal((await fetch(dev('devices/555'), { method: 'DELETE' })).status, 200);
    assert.equal((await fetch(`${api.apiUrl}/devices/555`)).status, 404);
  });

  it('sets the raw readings of a sensor', async () => {
    await sendJson(dev('devices/90104/readings/55'), 'PUT', [
      ['2025-03-10T12:00:00Z', 20.5],
      [1741608060, 21],
    ]);
    const res = await getJson<{ readings: unknown[] }>(
      `${api.apiUrl}/devices/90104/readings?from=2025-03-10T00:00:00Z&rollup=1m&sensor_id=55`,
    );
    assert.deepEqual(res.body.readings, [
      ['2025-03-10T12:01:00Z', 21],
      ['2025-03-10T12:00:00Z', 20.5],
    ]);
  });

  it('overrides a data document with raw text and a status', async () => {
    await fetch(dev('data/hardware/SCAS230001.json'), { method: 'PUT', body: 'not json' });
    assert.equal(await (await fetch(`${api.dataUrl}/hardware/SCAS230001.json`)).text(), 'not json');
    await fetch(dev('data/hardware/SCAS230001.json?status=500'), { method: 'PUT', body: 'boom' });
    assert.equal((await fetch(`${api.dataUrl}/hardware/SCAS230001.json`)).status, 500);
    await fetch(dev('data'), { method: 'DELETE' });
    assert.equal((await fetch(`${api.dataUrl}/hardware/SCAS230001.json`)).status, 200);
  });

  it('sets faults, which then apply to the API but not to /__dev/', async () => {
    const res = await getJson<{ rate5xx: number }>(dev('faults'), {
      method: 'PUT',
      body: JSON.stringify({ rate5xx: 1 }),
    });
    assert.equal(res.body.rate5xx, 1);
    assert.ok((await fetch(`${api.apiUrl}/devices/90101`)).status >= 500);
    assert.equal((await fetch(dev('state'))).status, 200);
    assert.equal((await sendJson(dev('faults'), 'PUT', { rate5xx: 2 })).status, 400);
    await sendJson(dev('faults'), 'PUT', {});
    assert.equal((await fetch(`${api.apiUrl}/devices/90101`)).status, 200);
  });

  it('reports posted readings, the PATCH log and the request log', async () => {
    await fetch(dev('logs'), { method: 'DELETE' });
    await sendJson(
      `${api.apiUrl}/devices/90101/readings`,
      'POST',
      { data: [{ recorded_at: '2025-03-10T09:00:41Z', sensors: [{ id: 153, value: 7 }] }] },
      admin(api),
    );
    await sendJson(
      `${api.apiUrl}/devices/90101`,
      'PATCH',
      { postprocessing_attributes: { meta: 'm' } },
      admin(api),
    );
    const posted = await getJson(dev('posted/90101'));
    assert.deepEqual(posted.body, { values: { 153: { 1741597241: 7 } }, counts: { 153: { 1741597241: 1 } } });
    const state = await getJson<{
      requestLog: { method: string; status: number }[];
      patchLog: unknown[];
      now: string;
    }>(dev('state'));
    assert.deepEqual(
      state.body.requestLog.map((r) => [r.method, r.status]),
      [
        ['POST', 200],
        ['PATCH', 200],
      ],
    );
    assert.equal(state.body.patchLog.length, 1);
    assert.equal(state.body.now, '2025-03-10T14:03:07Z');
  });

  it('pins and releases the clock', async () => {
    await sendJson(dev('now'), 'PUT', { now: '2025-03-11T00:00:00Z' });
    const res = await getJson<{ to: string }>(`${api.apiUrl}/devices/90101/readings?rollup=1m&sensor_id=55`);
    assert.equal(res.body.to, '2025-03-11T00:00:00Z');
    await sendJson(dev('now'), 'PUT', { now: null });
    assert.equal((await getJson<{ now: string }>(dev('state'))).body.now, '2025-03-10T14:03:07Z');
  });

  it('answers unknown control paths with 404 and bad JSON with 400', async () => {
    assert.equal((await fetch(dev('nothing'))).status, 404);
    assert.equal((await fetch(dev('faults'), { method: 'PUT', body: '{' })).status, 400);
  });
});

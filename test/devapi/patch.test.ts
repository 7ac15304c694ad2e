import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DevApi } from '../../src/devapi/index.js';
import { admin, fixture, getJson, sendJson, startFixtureApi, startFleetApi } from './support.js';

describe('PATCH /v0/devices/:id/', () => {
  let api: DevApi;
  const patch = (path: string, body: unknown, headers: Record<string, string> = admin(api)) =>
    sendJson(`${api.apiUrl}/devices/${path}`, 'PATCH', body, headers);
  before(async () => {
    api = await startFixtureApi();
  });
  after(() => api.close());

  it('answers the fixture PATCH with the fixture response document', async () => {
    api.store.setNow(new Date('2025-03-10T14:03:12Z'));
    const res = await patch('90101/', fixture('patch/90101.request.json'));
    api.store.setNow(null);
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.deepEqual(JSON.parse(text), fixture('patch/90101.response.200.json'));
    const log = api.store.patchLog.at(-1);
    assert.equal(log?.deviceId, 90101);
    assert.equal(log?.status, 200);
    assert.deepEqual(log?.body, fixture('patch/90101.request.json'));
  });

  it('applies only blueprint_url, hardware_url, latest_postprocessing, meta and forwarding_params', async () => {
    const res = await patch('90103', {
      name: 'renamed',
      postprocessing_attributes: {
        id: 1,
        device_id: 5,
        created_at: '2001-01-01T00:00:00Z',
        updated_at: '2001-01-01T00:00:00Z',
        hardware_url:
          'https://raw.githubusercontent.com/fablabbcn/smartcitizen-data/master/hardware/SCAS230005.json',
        latest_postprocessing: '2025-03-09T10:00:00.900+01:00',
        meta: 'note',
        forwarding_params: 3,
        blueprint_url: null,
      },
    });
    const doc = (await res.json()) as Record<string, unknown>;
    const before = fixture<Record<string, Record<string, unknown>>>('devices/90103.json');
    assert.equal(doc.name, before.name);
    assert.deepEqual(doc.postprocessing, {
      ...before.postprocessing,
      blueprint_url: null,
      hardware_url:
        'https://raw.githubusercontent.com/fablabbcn/smartcitizen-data/master/hardware/SCAS230005.json',
      forwarding_params: 3,
      meta: 'note',
      latest_postprocessing: '2025-03-09T09:00:00Z',
      updated_at: '2025-03-10T14:03:07Z',
    });
    assert.equal(doc.updated_at, '2025-03-10T14:03:07Z');
  });

  it('gives a device without postprocessing a new record', async () => {
    const res = await patch('90104/', {
      postprocessing_attributes: {
        hardware_url: 'SCAS230001',
        latest_postprocessing: '2025-03-10T12:00:00Z',
      },
    });
    const pp = ((await res.json()) as { postprocessing: Record<string, unknown> }).postprocessing;
    assert.equal(pp.device_id, 90104);
    assert.equal(pp.hardware_url, 'SCAS230001');
    assert.equal(pp.latest_postprocessing, '2025-03-10T12:00:00Z');
    assert.deepEqual(
      Object.keys(pp),
      Object.keys(fixture<Record<string, object>>('devices/90101.json').postprocessing ?? {}),
    );
    const search = await getJson<{ id: number }[]>(
      `${api.apiUrl}/devices/?q%5Bpostprocessing_id_not_null%5D=1`,
      {
        headers: admin(api),
      },
    );
    assert.ok(search.body.some((d) => d.id === 90104));
  });

  it('refuses callers without the admin token with 403 and changes nothing', async () => {
    const before = api.store.getDevice(90105);
    for (const headers of [{}, { Authorization: 'Bearer someone' }] as Record<string, string>[]) {
      const res = await patch('90105/', { postprocessing_attributes: { meta: 'x' } }, headers);
      assert.equal(res.status, 403);
    }
    assert.deepEqual(api.store.getDevice(90105), before);
    assert.equal(api.store.patchLog.at(-1)?.status, 403);
  });

  it('answers an unknown device with 404', async () => {
    assert.equal((await patch('99999/', { postprocessing_attributes: {} })).status, 404);
  });
});

describe('PATCH of a simulated device', () => {
  it('moves latest_postprocessing as seen by later GETs and searches', async () => {
    const api = await startFleetApi();
    try {
      const res = await sendJson(
        `${api.apiUrl}/devices/10001/`,
        'PATCH',
        { postprocessing_attributes: { latest_postprocessing: '2026-01-15T11:00:00Z' } },
        admin(api),
      );
      assert.equal(res.status, 200);
      const page = await getJson<{ id: number; postprocessing: { latest_postprocessing: string } }[]>(
        `${api.apiUrl}/devices/?q%5Bid_eq%5D=10001`,
        { headers: admin(api) },
      );
      assert.equal(page.body[0]?.postprocessing.latest_postprocessing, '2026-01-15T11:00:00Z');
      assert.equal(api.store.getDevice(10001)?.postprocessing?.updated_at, '2026-01-15T12:00:00Z');
    } finally {
      await api.close();
    }
  });
});

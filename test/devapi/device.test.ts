import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DevApi } from '../../src/devapi/index.js';
import { admin, fixture, getJson, startFixtureApi, startFleetApi } from './support.js';

type Doc = Record<string, unknown> & { data: { sensors: Record<string, unknown>[] } };

describe('GET /v0/devices/:id', () => {
  let api: DevApi;
  before(async () => {
    api = await startFixtureApi();
  });
  after(() => api.close());

  for (const id of [90101, 90102, 90103, 90104, 90105]) {
    it(`serves fixture device ${id} to the admin token exactly`, async () => {
      const res = await fetch(`${api.apiUrl}/devices/${id}`, { headers: admin(api) });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
      const text = await res.text();
      assert.deepEqual(JSON.parse(text), fixture(`devices/${id}.json`));
      assert.deepEqual(Object.keys(JSON.parse(text)), Object.keys(fixture<Doc>(`devices/${id}.json`)));
    });
  }

  it('filters secrets for anonymous callers', async () => {
    const res = await getJson(`${api.apiUrl}/devices/90101`);
    assert.deepEqual(res.body, fixture('devices/90101.anonymous.json'));
  });

  it('treats an unknown token like no token', async () => {
    const res = await getJson(`${api.apiUrl}/devices/90103`, { headers: { Authorization: 'Bearer nope' } });
    assert.equal(res.status, 403);
  });

  it('refuses a private device to anonymous callers with the forbidden body', async () => {
    const res = await getJson(`${api.apiUrl}/devices/90103`);
    assert.equal(res.status, 403);
    assert.deepEqual(res.body, fixture('errors/403.forbidden.json'));
  });

  it('answers an unknown device with the record_not_found body', async () => {
    const res = await getJson(`${api.apiUrl}/devices/99999`, { headers: admin(api) });
    assert.equal(res.status, 404);
    assert.deepEqual(res.body, fixture('errors/404.device_not_found.json'));
  });

  it('accepts the token as access_token query parameter too', async () => {
    const res = await fetch(`${api.apiUrl}/devices/90103?access_token=${api.adminToken}`);
    assert.equal(res.status, 200);
  });

  it('answers unknown routes with 404', async () => {
    assert.equal((await fetch(`${api.apiUrl}/nothing`)).status, 404);
    assert.equal((await fetch(`${api.url}/v1/devices/90101`)).status, 404);
  });
});

describe('simulated device documents', () => {
  let api: DevApi;
  before(async () => {
    api = await startFleetApi();
  });
  after(() => api.close());

  it('have the key order of the fixture document at every level', async () => {
    const model = fixture<Doc>('devices/90101.json');
    const doc = (await getJson<Doc>(`${api.apiUrl}/devices/10001`, { headers: admin(api) })).body;
    assert.deepEqual(Object.keys(doc), Object.keys(model));
    for (const key of ['postprocessing', 'location', 'data_policy', 'hardware', 'owner', 'notify']) {
      assert.deepEqual(Object.keys(doc[key] as object), Object.keys(model[key] as object), key);
    }
    const status = (doc.hardware as Record<string, object>).last_status_message as object;
    const modelStatus = (model.hardware as Record<string, object>).last_status_message as object;
    assert.deepEqual(Object.keys(status), Object.keys(modelStatus));
    for (const sensor of doc.data.sensors)
      assert.deepEqual(Object.keys(sensor), Object.keys(model.data.sensors[0] ?? {}));
  });

  it('list sensors sorted by name in code-point order', async () => {
    const doc = (await getJson<Doc>(`${api.apiUrl}/devices/10001`, { headers: admin(api) })).body;
    const names = doc.data.sensors.map((s) => String(s.name));
    assert.deepEqual(names, [...names].sort());
    assert.ok(names.length >= 6);
  });

  it('serve the same text as the anonymous filter of the admin view', async () => {
    const adminDoc = (await getJson<Doc>(`${api.apiUrl}/devices/10001`, { headers: admin(api) })).body;
    const anonymous = (await getJson<Doc>(`${api.apiUrl}/devices/10001`)).body;
    assert.equal(anonymous.device_token, '[FILTERED]');
    assert.equal('mac_address' in anonymous, false);
    assert.equal((anonymous.hardware as Record<string, unknown>).last_status_message, '[FILTERED]');
    assert.deepEqual(anonymous.data, adminDoc.data);
    assert.deepEqual(
      Object.keys(anonymous),
      Object.keys(adminDoc).filter((k) => k !== 'mac_address'),
    );
  });

  it('render identically through the document and the search', async () => {
    const one = (await getJson<Doc>(`${api.apiUrl}/devices/10006`, { headers: admin(api) })).body;
    const page = (await getJson<Doc[]>(`${api.apiUrl}/devices/?q%5Bid_eq%5D=10006`, { headers: admin(api) }))
      .body;
    assert.deepEqual(page, [one]);
  });
});

describe('GET /v0/users/:name', () => {
  let api: DevApi;
  before(async () => {
    api = await startFixtureApi();
  });
  after(() => api.close());

  it('serves the fixture users by name and by id', async () => {
    const byName = await getJson(`${api.apiUrl}/users/lab_researcher`);
    assert.deepEqual(byName.body, fixture('users/lab_researcher.anonymous.json'));
    const id = fixture<{ id: number }>('users/flows_admin.anonymous.json').id;
    assert.deepEqual(
      (await getJson(`${api.apiUrl}/users/${id}`)).body,
      fixture('users/flows_admin.anonymous.json'),
    );
  });

  it('answers an unknown user with 404', async () => {
    const res = await getJson<{ id: string }>(`${api.apiUrl}/users/nobody`);
    assert.equal(res.status, 404);
    assert.equal(res.body.id, 'record_not_found');
  });
});

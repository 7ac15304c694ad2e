import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DevApi } from '../../src/devapi/index.js';
import { admin, fixture, getJson, startFixtureApi, startFleetApi } from './support.js';

interface HeadersFixture {
  headers: Record<string, string>;
}
const REAL_BASE = 'https://api.smartcitizen.me';

describe('device search against the fixture world', () => {
  let api: DevApi;
  before(async () => {
    api = await startFixtureApi();
  });
  after(() => api.close());

  it('answers the postprocessing search with the fixture page and headers', async () => {
    const res = await getJson(`${api.apiUrl}/devices/?q%5Bpostprocessing_id_not_null%5D=1`, {
      headers: admin(api),
    });
    const expected = fixture<HeadersFixture>(
      'search/devices.postprocessing_id_not_null.headers.json',
    ).headers;
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, fixture('search/devices.postprocessing_id_not_null.json'));
    assert.equal(res.headers.get('content-type'), expected['Content-Type']);
    assert.equal(res.headers.get('total'), expected.Total);
    assert.equal(res.headers.get('per-page'), expected['Per-Page']);
    assert.equal(res.headers.get('link'), null);
  });

  it('accepts the path without trailing slash and unencoded brackets', async () => {
    const res = await getJson<{ id: number }[]>(`${api.apiUrl}/devices?q[postprocessing_id_not_null]=1`, {
      headers: admin(api),
    });
    assert.deepEqual(
      res.body.map((d) => d.id),
      [90101, 90102, 90103, 90105],
    );
  });

  for (const page of [1, 2]) {
    it(`serves page ${page} of 2 with the fixture Link header`, async () => {
      const query = `q%5Bpostprocessing_id_not_null%5D=1&per_page=2${page === 2 ? '&page=2' : ''}`;
      const res = await getJson(`${api.apiUrl}/devices/?${query}`, { headers: admin(api) });
      const name = `search/devices.postprocessing_id_not_null.per_page_2.page_${page}`;
      const expected = fixture<HeadersFixture>(`${name}.headers.json`).headers;
      assert.deepEqual(res.body, fixture(`${name}.json`));
      assert.equal(res.headers.get('link'), expected.Link?.replaceAll(REAL_BASE, api.url));
      assert.equal(res.headers.get('total'), expected.Total);
      assert.equal(res.headers.get('per-page'), expected['Per-Page']);
    });
  }

  it('answers an empty result with [] and the fixture headers', async () => {
    const res = await getJson(`${api.apiUrl}/devices/?q%5Bid_eq%5D=1`, { headers: admin(api) });
    const expected = fixture<HeadersFixture>('search/devices.empty_result.headers.json').headers;
    assert.deepEqual(res.body, fixture('search/devices.empty_result.json'));
    assert.equal(res.headers.get('total'), expected.Total);
    assert.equal(res.headers.get('per-page'), expected['Per-Page']);
    assert.equal(res.headers.get('link'), null);
  });

  it('rejects an unknown predicate with the ransack 400 body', async () => {
    const res = await getJson(`${api.apiUrl}/devices/?q%5Brole_mask_eq%5D=4`, { headers: admin(api) });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, fixture('errors/400.ransack_invalid_search.json'));
  });

  it('hides private devices and filters secrets for anonymous callers', async () => {
    const res = await getJson<{ id: number; device_token: string }[]>(
      `${api.apiUrl}/devices/?q%5Bpostprocessing_id_not_null%5D=1`,
    );
    assert.deepEqual(
      res.body.map((d) => d.id),
      [90101, 90102, 90105],
    );
    assert.deepEqual(res.body[0], fixture('devices/90101.anonymous.json'));
    assert.equal(res.headers.get('total'), '3');
  });
});

describe('device search over a simulated fleet', () => {
  let api: DevApi;
  before(async () => {
    api = await startFleetApi({ devices: 237 });
  });
  after(() => api.close());

  it('follows next links across many pages, in id order, without gaps or repeats', async () => {
    let url: string | undefined = `${api.apiUrl}/devices/?q%5Bpostprocessing_id_not_null%5D=1&per_page=50`;
    const ids: number[] = [];
    let total = '';
    let pages = 0;
    while (url !== undefined) {
      const res: { headers: Headers; body: { id: number; postprocessing: unknown }[] } = await getJson(url, {
        headers: admin(api),
      });
      pages++;
      total = res.headers.get('total') ?? '';
      assert.ok(res.body.every((d) => d.postprocessing !== null));
      ids.push(...res.body.map((d) => d.id));
      url = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
    }
    assert.equal(ids.length, Number(total));
    assert.equal(pages, Math.ceil(ids.length / 50));
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a - b),
    );
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.length > 150 && ids.length < 237, `${ids.length} devices with postprocessing`);
  });

  it('lists first, prev, last and next in that order on a middle page', async () => {
    const res = await fetch(`${api.apiUrl}/devices/?per_page=50&page=3&q%5Bpostprocessing_id_not_null%5D=1`, {
      headers: admin(api),
    });
    const link = res.headers.get('link') ?? '';
    const last = Math.ceil(Number(res.headers.get('total')) / 50);
    const base = `${api.url}/v0/devices/`;
    const q = 'q%5Bpostprocessing_id_not_null%5D=1';
    assert.equal(
      link,
      [
        `<${base}?page=1&per_page=50&${q}>; rel="first"`,
        `<${base}?page=2&per_page=50&${q}>; rel="prev"`,
        `<${base}?page=${last}&per_page=50&${q}>; rel="last"`,
        `<${base}?page=4&per_page=50&${q}>; rel="next"`,
      ].join(', '),
    );
  });

  it('uses the default page size of 25', async () => {
    const res = await getJson<unknown[]>(`${api.apiUrl}/devices/`, { headers: admin(api) });
    assert.equal(res.body.length, 25);
    assert.equal(res.headers.get('per-page'), '25');
    assert.equal(res.headers.get('total'), '237');
  });
});

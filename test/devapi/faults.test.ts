import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DevApi } from '../../src/devapi/index.js';
import { admin, sendJson, startFixtureApi } from './support.js';

/** Status of a GET, or 0 when the connection was dropped. */
async function statusOf(url: string, init: RequestInit = {}): Promise<number> {
  try {
    const res = await fetch(url, init);
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

async function statuses(api: DevApi, n: number, path = '/devices/90101'): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await statusOf(`${api.apiUrl}${path}`, { headers: admin(api) }));
  return out;
}

const share = (values: number[], test: (v: number) => boolean) => values.filter(test).length / values.length;

describe('fault injection', () => {
  it('answers about the configured share of requests with 500, 502 or 503', async () => {
    const api = await startFixtureApi({ faults: { rate5xx: 0.3, seed: 11 } });
    try {
      const got = await statuses(api, 400);
      const failed = share(got, (s) => s >= 500);
      assert.ok(failed > 0.22 && failed < 0.38, `share of 5xx ${failed}`);
      assert.deepEqual(new Set(got.filter((s) => s >= 500)), new Set([500, 502, 503]));
      assert.ok(got.every((s) => s === 200 || s >= 500));
    } finally {
      await api.close();
    }
  });

  it('produces the same sequence for the same seed and another for a different seed', async () => {
    const run = async (seed: number) => {
      const api = await startFixtureApi({ faults: { rate5xx: 0.2, rate429: 0.2, seed } });
      try {
        return await statuses(api, 60);
      } finally {
        await api.close();
      }
    };
    const a = await run(5);
    assert.deepEqual(await run(5), a);
    assert.notDeepEqual(await run(6), a);
  });

  it('throttles with the text/plain Retry later body and an optional Retry-After header', async () => {
    const api = await startFixtureApi({ faults: { rate429: 1, retryAfter: true } });
    try {
      const res = await fetch(`${api.apiUrl}/devices/90101`);
      assert.equal(res.status, 429);
      assert.equal(res.headers.get('content-type'), 'text/plain');
      assert.equal(res.headers.get('retry-after'), '1');
      assert.equal(await res.text(), 'Retry later\n');
      api.store.setFaults({ rate429: 1 });
      assert.equal((await fetch(`${api.apiUrl}/devices/90101`)).headers.get('retry-after'), null);
    } finally {
      await api.close();
    }
  });

  it('drops about the configured share of connections', async () => {
    const api = await startFixtureApi({ faults: { dropRate: 0.25, seed: 2 } });
    try {
      const got = await statuses(api, 200);
      const dropped = share(got, (s) => s === 0);
      assert.ok(dropped > 0.15 && dropped < 0.35, `share dropped ${dropped}`);
      assert.equal(
        api.store.requestLog.filter((r) => r.status === 0).length,
        got.filter((s) => s === 0).length,
      );
    } finally {
      await api.close();
    }
  });

  it('applies half of the dropped writes before losing the answer', async () => {
    const api = await startFixtureApi({ faults: { dropRate: 1, seed: 4, methods: ['POST'] } });
    try {
      const n = 40;
      for (let i = 0; i < n; i++) {
        const body = { data: [{ recorded_at: 1741597241 + i * 60, sensors: [{ id: 153, value: i }] }] };
        await sendJson(`${api.apiUrl}/devices/90101/readings`, 'POST', body, admin(api)).then(
          () => assert.fail('the connection should have been dropped'),
          () => undefined,
        );
      }
      const applied = api.store.postedValues(90101, 153).size;
      const after = api.store.requestLog.filter((r) => r.fault === 'drop-after').length;
      assert.equal(applied, after);
      assert.ok(applied > 8 && applied < 32, `${applied} of ${n} applied`);
      assert.equal(api.store.requestLog.length, n);
      assert.equal((await fetch(`${api.apiUrl}/devices/90101`, { headers: admin(api) })).status, 200);
    } finally {
      await api.close();
    }
  });

  it('limits faults to matching paths and never touches /__dev/', async () => {
    const api = await startFixtureApi({ faults: { rate5xx: 1, paths: ['/v0/devices/*/readings'] } });
    try {
      assert.equal(await statusOf(`${api.apiUrl}/devices/90101`), 200);
      assert.equal(await statusOf(`${api.dataUrl}/blueprints/sc_air.json`), 200);
      assert.ok((await statusOf(`${api.apiUrl}/devices/90101/readings?rollup=1m&sensor_id=55`)) >= 500);
      api.store.setFaults({ rate5xx: 1 });
      assert.equal(await statusOf(`${api.url}/__dev/state`), 200);
      assert.ok((await statusOf(`${api.dataUrl}/blueprints/sc_air.json`)) >= 500);
    } finally {
      await api.close();
    }
  });

  it('logs injected faults in the request log', async () => {
    const api = await startFixtureApi({ faults: { rate5xx: 1, latencyMs: 5 } });
    try {
      await statusOf(`${api.apiUrl}/devices/90101?x=1`);
      const entry = api.store.requestLog.at(-1);
      assert.equal(entry?.path, '/v0/devices/90101');
      assert.deepEqual(entry?.query, { x: '1' });
      assert.equal(entry?.fault, '5xx');
      assert.equal(entry?.at, '2025-03-10T14:03:07Z');
    } finally {
      await api.close();
    }
  });

  it('rejects impossible settings with a UsageError', async () => {
    const api = await startFixtureApi();
    try {
      assert.throws(() => api.store.setFaults({ rate5xx: 0.7, rate429: 0.5 }), { name: 'UsageError' });
      assert.throws(() => api.store.setFaults({ dropRate: -1 }), { name: 'UsageError' });
    } finally {
      await api.close();
    }
  });

  it('throttles anonymous callers over the limit but never the admin token', async () => {
    const api = await startFixtureApi({ throttle: { limit: 3 } });
    try {
      const anonymous = [];
      for (let i = 0; i < 5; i++) anonymous.push(await statusOf(`${api.apiUrl}/devices/90101`));
      assert.deepEqual(anonymous, [200, 200, 200, 429, 429]);
      assert.equal(await statusOf(`${api.apiUrl}/devices/90101`, { headers: admin(api) }), 200);
    } finally {
      await api.close();
    }
  });
});

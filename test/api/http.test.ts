import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApiClient } from '../../src/api/client.js';
import { createHttpClient } from '../../src/api/http.js';
import { ApiError } from '../../src/errors.js';
import { withServer } from '../helpers/http-server.js';

const TOKEN = 'tok-3f9a2c71e5';
const http = { timeoutMs: 2000, retries: 3, backoffMs: 5, maxRetryAfterMs: 5000 };

test('GET, POST and PATCH are retried on 503 and 429 until they succeed', async () => {
  const server = await withServer((_req, res, i) => {
    if (i % 3 < 2) {
      res.writeHead(i % 3 === 0 ? 503 : 429, { 'content-type': 'text/plain' }).end('Retry later\n');
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"ok"}');
    }
  });
  try {
    const client = createHttpClient({ bearer: TOKEN, http });
    for (const method of ['GET', 'POST', 'PATCH'] as const) {
      const res = await client({
        method,
        url: `${server.url}/v0/x`,
        auth: true,
        json: method === 'GET' ? undefined : {},
      });
      assert.equal(res.status, 200);
    }
    assert.equal(server.requests.length, 9);
    assert.equal(server.requests[0]?.headers.authorization, `Bearer ${TOKEN}`);
  } finally {
    await server.close();
  }
});

test('Retry-After is honoured before the next attempt', async () => {
  const server = await withServer((_req, res, i) => {
    if (i === 0) res.writeHead(429, { 'retry-after': '1' }).end('Retry later\n');
    else res.writeHead(200).end('{}');
  });
  try {
    const client = createHttpClient({ bearer: TOKEN, http });
    const started = Date.now();
    await client({ method: 'GET', url: `${server.url}/v0/x`, auth: true });
    assert.ok(Date.now() - started >= 900, 'waited for Retry-After: 1');
  } finally {
    await server.close();
  }
});

test('a final failure is an ApiError with a code and a one-line message without the token', async () => {
  const server = await withServer((_req, res) => {
    res.writeHead(401, { 'content-type': 'application/json' }).end('{"id":"unauthorized"}');
  });
  try {
    const client = createHttpClient({ bearer: TOKEN, http });
    await assert.rejects(
      client({ method: 'GET', url: `${server.url}/v0/devices/1?access_token=${TOKEN}`, auth: true }),
      (error) => {
        assert.ok(error instanceof ApiError);
        assert.equal(error.code, 'E_API_AUTH');
        assert.equal(error.status, 401);
        assert.ok(!error.message.includes(TOKEN));
        assert.ok(!error.message.includes('\n'));
        return true;
      },
    );
    assert.equal(server.requests.length, 1, '401 is not retried');
  } finally {
    await server.close();
  }
});

test('an unreachable API fails as E_API_UNREACHABLE after the configured attempts', async () => {
  const client = createHttpClient({ bearer: TOKEN, http: { ...http, retries: 1 } });
  await assert.rejects(client({ method: 'GET', url: 'http://127.0.0.1:9/v0/x', auth: true }), (error) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'E_API_UNREACHABLE');
    assert.match(error.message, /^GET http:\/\/127\.0\.0\.1:9\/v0\/x failed: ECONNREFUSED$/);
    return true;
  });
});

test('data documents are fetched without the token', async () => {
  const server = await withServer((_req, res) => res.writeHead(200).end('{"versions":[]}'));
  try {
    const api = createApiClient({
      apiUrl: `${server.url}/v0`,
      bearer: TOKEN,
      http,
      search: { perPage: 100 },
    });
    assert.equal(await api.fetchDocument(`${server.url}/data/hardware/X.json`), '{"versions":[]}');
    assert.equal(server.requests[0]?.headers.authorization, undefined);
  } finally {
    await server.close();
  }
});

test('readings are requested from an ISO-8601 UTC instant, percent-encoded (Q11)', async () => {
  const server = await withServer((_req, res) =>
    res.writeHead(200).end('{"readings":[["2025-03-10T09:00:41Z",0.5]]}'),
  );
  try {
    const api = createApiClient({
      apiUrl: `${server.url}/v0`,
      bearer: TOKEN,
      http,
      search: { perPage: 100 },
    });
    const doc = await api.getReadings(90101, 135, new Date('2025-03-10T09:00:41Z'), 500);
    assert.deepEqual(doc.readings, [['2025-03-10T09:00:41Z', 0.5]]);
    assert.equal(
      server.requests[0]?.url,
      '/v0/devices/90101/readings?from=2025-03-10T09%3A00%3A41Z&limit=500&rollup=1m&sensor_id=135&function=avg',
    );
  } finally {
    await server.close();
  }
});

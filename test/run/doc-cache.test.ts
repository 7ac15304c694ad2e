import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createHttpClient } from '../../src/api/http.js';
import { ApiError } from '../../src/errors.js';
import { createDocumentCache, type DocumentCacheOptions } from '../../src/run/doc-cache.js';

const HOUR = 3_600_000;

/** A data host on 127.0.0.1:0 that counts requests per path; `answer` decides each reply. */
type Answer = { status: number; body: string } | 'reset';
let server: Server;
let base: string;
let requests: Map<string, number>;
let answer: (pathname: string) => Answer;

before(async () => {
  server = createServer((req, res) => {
    const pathname = req.url ?? '/';
    requests.set(pathname, (requests.get(pathname) ?? 0) + 1);
    const reply = answer(pathname);
    if (reply === 'reset') {
      req.socket.destroy();
      return;
    }
    res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.close();
});

let root: string;
let dir: string;
let n = 0;
before(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'scflows-doc-cache-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});
beforeEach(() => {
  requests = new Map();
  answer = (pathname) => ({ status: 200, body: `{"doc":"${pathname}"}` });
  dir = path.join(root, `cache-${++n}`, 'documents');
});

const http = createHttpClient({
  bearer: undefined,
  http: { timeoutMs: 5000, retries: 0, backoffMs: 1, maxRetryAfterMs: 1 },
});
let time = new Date('2026-11-27T13:00:00.000Z');
const clock = {
  now: () => time,
  set: (iso: string) => {
    time = new Date(iso);
  },
};

/** A cache instance (one run) over `dir`, fetching with the real HTTP client; records onStale calls. */
function cache(extra: Partial<DocumentCacheOptions> = {}) {
  const stale: { url: string; error: unknown }[] = [];
  const instance = createDocumentCache({
    dir,
    freshMs: HOUR,
    now: clock.now,
    fetch: async (url) => (await http({ method: 'GET', url, auth: false })).body,
    onStale: (url, error) => stale.push({ url, error }),
    ...extra,
  });
  return { ...instance, stale };
}

const fileOf = (url: string) => path.join(dir, `${createHash('sha256').update(url).digest('hex')}.json`);

describe('createDocumentCache', () => {
  test('fetches a missing document and stores it as {url, fetchedAt, text} under the sha256 of the URL', async () => {
    clock.set('2026-11-27T13:00:00.000Z');
    const url = `${base}/hardware/sck21.json`;
    assert.deepEqual(await cache().get(url), { text: '{"doc":"/hardware/sck21.json"}', source: 'network' });
    assert.equal(requests.get('/hardware/sck21.json'), 1);
    assert.deepEqual(JSON.parse(await readFile(fileOf(url), 'utf8')), {
      url,
      fetchedAt: '2026-11-27T13:00:00.000Z',
      text: '{"doc":"/hardware/sck21.json"}',
    });
  });

  test('serves a fresh copy from the cache without a request', async () => {
    clock.set('2026-11-27T13:00:00.000Z');
    const url = `${base}/names/SCDevice.json`;
    await cache().get(url);
    clock.set('2026-11-27T13:59:59.999Z');
    assert.deepEqual(await cache().get(url), { text: '{"doc":"/names/SCDevice.json"}', source: 'cache' });
    assert.equal(requests.get('/names/SCDevice.json'), 1);
  });

  test('fetches a stale copy again and replaces it', async () => {
    clock.set('2026-11-27T13:00:00.000Z');
    const url = `${base}/calibrations/calibrations.json`;
    await cache().get(url);
    answer = () => ({ status: 200, body: 'v2' });
    clock.set('2026-11-27T14:00:00.000Z');
    assert.deepEqual(await cache().get(url), { text: 'v2', source: 'network' });
    assert.equal(requests.get('/calibrations/calibrations.json'), 2);
    assert.deepEqual(JSON.parse(await readFile(fileOf(url), 'utf8')), {
      url,
      fetchedAt: '2026-11-27T14:00:00.000Z',
      text: 'v2',
    });
  });

  test('one instance fetches a URL once, even when asked for it concurrently and again later', async () => {
    const url = `${base}/blueprints/sck_21.json`;
    const run = cache({ freshMs: 0 });
    const results = await Promise.all(Array.from({ length: 5 }, () => run.get(url)));
    assert.deepEqual(new Set(results.map((r) => r.source)), new Set(['network']));
    await run.get(url);
    assert.equal(requests.get('/blueprints/sck_21.json'), 1);
  });

  test('uses a stale copy and reports it through onStale when the server answers an error', async () => {
    clock.set('2026-11-27T13:00:00.000Z');
    const url = `${base}/hardware/down.json`;
    await cache().get(url);
    const before = await readFile(fileOf(url), 'utf8');
    answer = () => ({ status: 503, body: 'maintenance' });
    clock.set('2026-11-28T13:00:00.000Z');
    const run = cache();
    assert.deepEqual(await run.get(url), { text: '{"doc":"/hardware/down.json"}', source: 'stale-cache' });
    assert.equal(run.stale.length, 1);
    assert.equal(run.stale[0]?.url, url);
    assert.ok(run.stale[0]?.error instanceof ApiError);
    assert.equal(run.stale[0]?.error.code, 'E_API_SERVER');
    assert.equal(await readFile(fileOf(url), 'utf8'), before, 'a failed fetch leaves the copy as it was');
  });

  test('uses a stale copy when the connection fails', async () => {
    clock.set('2026-11-27T13:00:00.000Z');
    const url = `${base}/hardware/reset.json`;
    await cache().get(url);
    answer = () => 'reset';
    clock.set('2026-11-27T15:00:00.000Z');
    const run = cache();
    assert.equal((await run.get(url)).source, 'stale-cache');
    const error = run.stale[0]?.error;
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'E_API_UNREACHABLE');
  });

  test('rethrows a 404 even when a stale copy exists: the document is gone', async () => {
    clock.set('2026-11-27T13:00:00.000Z');
    const url = `${base}/hardware/removed.json`;
    await cache().get(url);
    answer = () => ({ status: 404, body: 'not found' });
    clock.set('2026-11-28T13:00:00.000Z');
    const run = cache();
    await assert.rejects(
      run.get(url),
      (error) => error instanceof ApiError && error.code === 'E_API_NOT_FOUND',
    );
    assert.deepEqual(run.stale, []);
  });

  test('rethrows the fetch error and stores nothing when there is no copy', async () => {
    answer = () => ({ status: 500, body: 'boom' });
    const url = `${base}/hardware/new.json`;
    const run = cache();
    await assert.rejects(run.get(url), (error) => error instanceof ApiError && error.code === 'E_API_SERVER');
    assert.deepEqual(run.stale, []);
    await assert.rejects(readdir(dir), { code: 'ENOENT' });
  });

  test('counts a copy dated after now as stale (the clock went back)', async () => {
    clock.set('2026-11-27T13:00:00.000Z');
    const url = `${base}/hardware/future.json`;
    await cache().get(url);
    clock.set('2026-11-27T12:59:59.000Z');
    assert.equal((await cache().get(url)).source, 'network');
    assert.equal(requests.get('/hardware/future.json'), 2);
  });

  test('replaces a damaged cache file or one holding another URL', async () => {
    const damaged = `${base}/hardware/damaged.json`;
    const foreign = `${base}/hardware/foreign.json`;
    await mkdir(dir, { recursive: true });
    await writeFile(fileOf(damaged), '{"url":');
    await writeFile(
      fileOf(foreign),
      JSON.stringify({ url: 'http://elsewhere/x', fetchedAt: time.toISOString(), text: 'x' }),
    );
    const run = cache();
    assert.deepEqual(await run.get(damaged), { text: '{"doc":"/hardware/damaged.json"}', source: 'network' });
    assert.deepEqual(await run.get(foreign), { text: '{"doc":"/hardware/foreign.json"}', source: 'network' });
    assert.equal(JSON.parse(await readFile(fileOf(damaged), 'utf8')).url, damaged);
    assert.equal(JSON.parse(await readFile(fileOf(foreign), 'utf8')).url, foreign);
  });

  test('instances writing the same directory at once leave only whole copies and no temp files', async () => {
    const urls = Array.from({ length: 20 }, (_, i) => `${base}/doc/${i}.json`);
    const writers = Array.from({ length: 8 }, () => cache({ freshMs: 0 }));
    await Promise.all(writers.flatMap((writer) => urls.map((url) => writer.get(url))));
    assert.equal(requests.size, 20);
    const names = await readdir(dir);
    assert.equal(names.length, 20);
    assert.ok(
      names.every((name) => /^[0-9a-f]{64}\.json$/.test(name)),
      names.join(' '),
    );
    const readers = cache();
    for (const [i, url] of urls.entries()) {
      assert.deepEqual(await readers.get(url), { text: `{"doc":"/doc/${i}.json"}`, source: 'cache' });
    }
  });
});

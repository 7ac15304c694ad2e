import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import { type DevApiCommandOptions, runDevApi } from '../../src/commands/dev-api.js';
import { LocalFileError, UsageError } from '../../src/errors.js';
import { upstreamDataDir } from './support.js';

const options = (extra: Partial<DevApiCommandOptions> = {}): DevApiCommandOptions => ({
  port: 0,
  host: '127.0.0.1',
  devices: 5,
  seed: 1,
  upstreamDataDir,
  adminToken: 'cmd-token',
  fault5xxRate: 0,
  fault429Rate: 0,
  faultDropRate: 0,
  latencyMs: 0,
  faultSeed: 1,
  now: new Date('2026-01-15T12:00:00Z'),
  ...extra,
});

describe('scflows dev-api', () => {
  it('prints its URLs and env lines, serves until the signal aborts, then closes', async () => {
    const lines: string[] = [];
    const abort = new AbortController();
    let printed: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => {
      printed = resolve;
    });
    const running = runDevApi(options(), {
      stdout: (line) => {
        lines.push(line);
        if (lines.length === 4) printed();
      },
      signal: abort.signal,
    });
    await ready;
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+) /.exec(lines[0] ?? '')?.[1] ?? '';
    assert.equal(lines[0], `dev-api listening on ${url} (api ${url}/v0, data ${url}/data)`);
    assert.deepEqual(lines.slice(1), [
      `SC_API_URL=${url}/v0`,
      `SC_DATA_URL=${url}/data`,
      'SC_BEARER=cmd-token',
    ]);
    const res = await fetch(`${url}/v0/devices/10001`, { headers: { Authorization: 'Bearer cmd-token' } });
    assert.equal(res.status, 200);
    abort.abort();
    await running;
    await assert.rejects(fetch(`${url}/v0/devices/10001`));
  });

  it('refuses a missing upstream-data folder with a LocalFileError', async () => {
    const missing = path.join(upstreamDataDir, 'no-such-folder');
    await assert.rejects(
      runDevApi(options({ upstreamDataDir: missing }), {
        stdout: () => undefined,
        signal: new AbortController().signal,
      }),
      (error: unknown) =>
        error instanceof LocalFileError && error.message === `upstream-data folder not found: ${missing}`,
    );
  });

  it('refuses a port in use with a one-line UsageError', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await assert.rejects(
        runDevApi(options({ port }), { stdout: () => undefined, signal: new AbortController().signal }),
        (error: unknown) =>
          error instanceof UsageError && error.message === `port ${port} on 127.0.0.1 is already in use`,
      );
    } finally {
      blocker.close();
    }
  });

  it('refuses fault rates that add up to more than 1', async () => {
    await assert.rejects(
      runDevApi(options({ fault5xxRate: 0.6, fault429Rate: 0.6 }), {
        stdout: () => undefined,
        signal: new AbortController().signal,
      }),
      UsageError,
    );
  });
});

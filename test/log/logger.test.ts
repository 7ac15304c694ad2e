import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ConfigError, LocalFileError } from '../../src/errors.js';
import { createLogger } from '../../src/log/logger.js';

const run = promisify(execFile);
const fixture = fileURLToPath(new URL('./fixtures/log-lines.ts', import.meta.url));
const at = new Date('2026-11-27T13:15:58.123Z');
const now = () => at;

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scflows-log-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function lines(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  assert.ok(text.endsWith('\n'), 'the file ends with a newline');
  return text.slice(0, -1).split('\n');
}

function logLines(json: unknown) {
  return run(process.execPath, ['--import', 'tsx', fixture, JSON.stringify(json)], {
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe('createLogger', () => {
  test('writes one line per event: ISO time, level, constant message and JSON metadata', async () => {
    const file = path.join(dir, 'format.log');
    const logger = createLogger({ file, now });
    logger.info('device processed', { device: 90101, rows: 298 });
    logger.warn('document from stale cache', { url: 'https://example.org/a.json' });
    await logger.close();
    assert.deepEqual(await lines(file), [
      '2026-11-27T13:15:58.123Z info device processed {"device":90101,"rows":298}',
      '2026-11-27T13:15:58.123Z warn document from stale cache {"url":"https://example.org/a.json"}',
    ]);
  });

  test('writes an empty JSON object for an event without metadata', async () => {
    const file = path.join(dir, 'no-meta.log');
    const logger = createLogger({ file, now });
    logger.error('run failed');
    await logger.close();
    assert.deepEqual(await lines(file), ['2026-11-27T13:15:58.123Z error run failed {}']);
  });

  test('drops debug events at the default level and everything below the configured level', async () => {
    const byDefault = path.join(dir, 'default-level.log');
    const logger = createLogger({ file: byDefault, now });
    logger.debug('hidden');
    logger.info('shown');
    await logger.close();
    assert.deepEqual(await lines(byDefault), ['2026-11-27T13:15:58.123Z info shown {}']);

    const warnOnly = path.join(dir, 'warn-level.log');
    const quiet = createLogger({ file: warnOnly, level: 'warn', now });
    quiet.debug('a');
    quiet.info('b');
    quiet.warn('c');
    quiet.error('d');
    await quiet.close();
    assert.deepEqual(await lines(warnOnly), [
      '2026-11-27T13:15:58.123Z warn c {}',
      '2026-11-27T13:15:58.123Z error d {}',
    ]);
  });

  test('writes debug events when the level is debug', async () => {
    const file = path.join(dir, 'debug-level.log');
    const logger = createLogger({ file, level: 'debug', now });
    logger.debug('window loaded', { sensor: 112 });
    await logger.close();
    assert.deepEqual(await lines(file), ['2026-11-27T13:15:58.123Z debug window loaded {"sensor":112}']);
  });

  test('removes the secret from the message and from every string in nested metadata', async () => {
    const file = path.join(dir, 'redact.log');
    const secret = 'tok3n-s3cret-value';
    const logger = createLogger({ file, secret, now });
    logger.error(`request with ${secret} failed`, {
      header: `Bearer ${secret}`,
      nested: {
        list: ['plain', `x${secret}y`],
        url: `https://api.example.org/v0/devices?access_token=${secret}`,
      },
      error: new Error(`GET https://user:${secret}@example.org failed`),
    });
    await logger.close();
    const [line] = await lines(file);
    assert.ok(line !== undefined);
    assert.ok(!line.includes(secret), line);
    assert.equal(
      line,
      '2026-11-27T13:15:58.123Z error request with [REDACTED] failed ' +
        '{"header":"Bearer [REDACTED]","nested":{"list":["plain","x[REDACTED]y"],' +
        '"url":"https://api.example.org/v0/devices?access_token=[REDACTED]"},' +
        '"error":{"name":"Error","message":"GET https://[REDACTED]@example.org failed"}}',
    );
  });

  test('writes errors, dates, bigints and circular references in metadata as JSON', async () => {
    const file = path.join(dir, 'values.log');
    const logger = createLogger({ file, now });
    const cycle: Record<string, unknown> = { name: 'loop' };
    cycle.self = cycle;
    const error = Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    logger.warn('odd values', { error, at, big: 12n, cycle, none: null });
    await logger.close();
    assert.deepEqual(await lines(file), [
      '2026-11-27T13:15:58.123Z warn odd values {"error":{"name":"Error","code":"ENOSPC","message":"disk full"},' +
        '"at":"2026-11-27T13:15:58.123Z","big":"12","cycle":{"name":"loop","self":"[Circular]"},"none":null}',
    ]);
  });

  test('keeps a message with newlines on one line', async () => {
    const file = path.join(dir, 'newlines.log');
    const logger = createLogger({ file, now });
    logger.info('first\nsecond\r\nthird', { text: 'a\nb' });
    await logger.close();
    assert.deepEqual(await lines(file), [
      '2026-11-27T13:15:58.123Z info first second third {"text":"a\\nb"}',
    ]);
  });

  test('creates the directory of the log file and appends to an existing file', async () => {
    const file = path.join(dir, 'deep', 'er', 'scflows.log');
    const first = createLogger({ file, now });
    first.info('one');
    await first.close();
    const second = createLogger({ file, now });
    second.info('two');
    await second.close();
    assert.deepEqual(await lines(file), [
      '2026-11-27T13:15:58.123Z info one {}',
      '2026-11-27T13:15:58.123Z info two {}',
    ]);
  });

  test('close resolves once every line logged before it is in the file', async () => {
    const file = path.join(dir, 'flush.log');
    const logger = createLogger({ file, now });
    for (let i = 0; i < 5000; i++) logger.info('line', { i });
    await logger.close();
    const written = await lines(file);
    assert.equal(written.length, 5000);
    assert.equal(written[4999], '2026-11-27T13:15:58.123Z info line {"i":4999}');
  });

  test('a logged line is in the file before the call returns, so a process exiting without close keeps it', async () => {
    const file = path.join(dir, 'immediate.log');
    const logger = createLogger({ file, now });
    logger.info('run started', { device: 1 });
    assert.equal(await readFile(file, 'utf8'), '2026-11-27T13:15:58.123Z info run started {"device":1}\n');
    await logger.close();
  });

  test('close can be called twice and resolves both times', async () => {
    const logger = createLogger({ file: path.join(dir, 'twice.log'), now });
    await logger.close();
    await logger.close();
  });

  test('throws when a line is logged after close', async () => {
    const logger = createLogger({ file: path.join(dir, 'after-close.log'), now });
    await logger.close();
    assert.throws(() => logger.info('late'), { code: 'E_LOG_CLOSED' });
  });

  test('rejects an unknown level with a ConfigError', () => {
    assert.throws(
      () => createLogger({ level: 'verbose' }),
      (error) =>
        error instanceof ConfigError &&
        error.message === 'log level must be one of error, warn, info, debug, got "verbose"',
    );
  });

  test('throws a LocalFileError naming the file when the log file cannot be opened', async () => {
    const blocker = path.join(dir, 'not-a-dir');
    await writeFile(blocker, '');
    const file = path.join(blocker, 'scflows.log');
    assert.throws(
      () => createLogger({ file }),
      (error) =>
        error instanceof LocalFileError &&
        error.code === 'E_LOG_FILE' &&
        error.message.startsWith(`log file ${file} cannot be opened: `) &&
        !error.message.includes('\n'),
    );
  });

  test('writes every line to stderr when console is stderr', async () => {
    const file = path.join(dir, 'console.log');
    const { stdout, stderr } = await logLines({
      options: { file, console: 'stderr', secret: 'stderr-secret' },
      tag: 'stderr-secret',
      count: 3,
      pad: 5,
    });
    assert.equal(stdout, '');
    assert.equal(stderr, await readFile(file, 'utf8'));
    assert.equal(stderr.split('\n').length, 4);
    assert.match(stderr, /^\S+Z info line written \{"tag":"\[REDACTED\]","i":0,"pad":"xxxxx"\}\n/);
  });

  test('a logger with neither file nor console drops lines without writing anything', async () => {
    const { stdout, stderr } = await logLines({ options: {}, tag: 'none', count: 10, pad: 5 });
    assert.equal(stdout, '');
    assert.equal(stderr, '');
  });

  test('lines of concurrent processes appending to one file never interleave', async () => {
    const file = path.join(dir, 'shared', 'concurrent.log');
    const processes = 4;
    const count = 3000;
    await Promise.all(
      Array.from({ length: processes }, (_, p) =>
        logLines({ options: { file }, tag: `p${p}`, count, pad: 6000 }),
      ),
    );
    const written = await lines(file);
    assert.equal(written.length, processes * count);
    const next = new Map<string, number>();
    for (const line of written) {
      const match = line.match(/^(\S+) info line written (\{.*\})$/);
      assert.ok(match, `malformed line: ${line.slice(0, 120)}`);
      assert.ok(!Number.isNaN(Date.parse(match[1] ?? '')));
      const meta = JSON.parse(match[2] ?? '') as { tag: string; i: number; pad: string };
      assert.equal(meta.i, next.get(meta.tag) ?? 0, `lines of ${meta.tag} are in order`);
      assert.equal(meta.pad.length, meta.i % 3 === 0 ? 6000 : 10);
      next.set(meta.tag, meta.i + 1);
    }
    assert.deepEqual(
      [...next.entries()].sort(),
      Array.from({ length: processes }, (_, p) => [`p${p}`, count]),
    );
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DEFAULT_API_URL, DEFAULT_DATA_URL, loadConfig } from '../../src/config/config.js';
import { ConfigError } from '../../src/errors.js';

const projectDir = mkdtempSync(path.join(tmpdir(), 'scflows-config-'));
const base = { projectDir, execPath: '/usr/bin/node' };

test('defaults apply when nothing is set', () => {
  const config = loadConfig({ ...base, env: {} });
  assert.equal(config.apiUrl, DEFAULT_API_URL);
  assert.equal(config.dataUrl, DEFAULT_DATA_URL);
  assert.equal(config.bearer, undefined);
  assert.equal(config.publicDir, path.join(projectDir, 'public'));
  assert.equal(config.run.loadLimit, 500);
  assert.deepEqual(config.explicitPaths, { publicDir: false, envFile: false });
  assert.ok(Object.isFrozen(config));
});

test('a trailing slash on SC_API_URL and SC_DATA_URL is removed', () => {
  const config = loadConfig({
    ...base,
    env: { SC_API_URL: 'http://127.0.0.1:1/v0/', SC_DATA_URL: 'http://x/data/' },
  });
  assert.equal(config.apiUrl, 'http://127.0.0.1:1/v0');
  assert.equal(config.dataUrl, 'http://x/data');
});

test('every problem is reported at once, values quoted, the token never', () => {
  assert.throws(
    () =>
      loadConfig({
        ...base,
        env: {
          SC_API_URL: 'foo',
          SCFLOWS_LOAD_LIMIT: 'x',
          SCFLOWS_MAX_WINDOWS: '0',
          SC_BEARER: 'sekret-token',
        },
      }),
    (error) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.problems.length, 3);
      assert.match(error.message, /"SC_API_URL" should be a valid URL, got "foo"/);
      assert.match(error.message, /"SCFLOWS_LOAD_LIMIT" should be a valid integer, got "x"/);
      assert.match(error.message, /"SCFLOWS_MAX_WINDOWS" should be an integer from 1 to 100000, got "0"/);
      assert.ok(!error.message.includes('sekret-token'));
      return true;
    },
  );
});

test('the env file is loaded under the environment, which wins', () => {
  const file = path.join(projectDir, 'custom.env');
  writeFileSync(file, 'SC_API_URL=http://from-file/v0\nSC_BEARER=file-token\nSCFLOWS_LOAD_LIMIT=42\n');
  const config = loadConfig({ ...base, env: { SCFLOWS_ENV_FILE: file, SCFLOWS_LOAD_LIMIT: '7' } });
  assert.equal(config.apiUrl, 'http://from-file/v0');
  assert.equal(config.bearer, 'file-token');
  assert.equal(config.run.loadLimit, 7);
  assert.equal(config.envFile, file);
  assert.deepEqual(config.explicitPaths, { publicDir: false, envFile: true });
});

test('an explicitly named env file that does not exist is a configuration error', () => {
  assert.throws(
    () => loadConfig({ ...base, env: { SCFLOWS_ENV_FILE: path.join(projectDir, 'missing.env') } }),
    /SCFLOWS_ENV_FILE ".*missing\.env" cannot be read \(ENOENT\)/,
  );
});

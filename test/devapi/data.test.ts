import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DevApi } from '../../src/devapi/index.js';
import { fixturesDir, startFixtureApi, upstreamDataDir } from './support.js';

describe('data documents under /data', () => {
  let api: DevApi;
  before(async () => {
    api = await startFixtureApi();
  });
  after(() => api.close());

  for (const doc of [
    'hardware/SCAS230001.json',
    'blueprints/sc_air.json',
    'calibrations/calibrations.json',
    'names/SCDevice.json',
  ]) {
    it(`serves ${doc} byte for byte from the upstream-data folder`, async () => {
      const res = await fetch(`${api.dataUrl}/${doc}`);
      assert.equal(res.status, 200);
      assert.equal(await res.text(), readFileSync(path.join(upstreamDataDir, doc), 'utf8'));
    });
  }

  it('serves the same hardware files as the fixture copies', async () => {
    const res = await fetch(`${api.dataUrl}/hardware/SCAS220116.json`);
    assert.deepEqual(
      JSON.parse(await res.text()),
      JSON.parse(readFileSync(path.join(fixturesDir, 'external/hardware/SCAS220116.json'), 'utf8')),
    );
  });

  it('answers an unknown document with a 404 text body', async () => {
    const res = await fetch(`${api.dataUrl}/hardware/SCAS210001.json.json`);
    assert.equal(res.status, 404);
    assert.equal(await res.text(), '404: Not Found');
  });

  it('never serves files outside the folder', async () => {
    for (const p of [
      '/data/../package.json',
      '/data/%2e%2e/package.json',
      '/data/hardware/..%2F..%2FREADME.md',
    ]) {
      const res = await fetch(`${api.url}${p}`);
      assert.equal(res.status, 404, p);
    }
  });

  it('serves a test override, malformed text included, and forgets it on request', async () => {
    api.store.setDataDocument('hardware/SCAS230001.json', '{"versions": [');
    let res = await fetch(`${api.dataUrl}/hardware/SCAS230001.json`);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '{"versions": [');
    api.store.clearDataDocument('hardware/SCAS230001.json');
    res = await fetch(`${api.dataUrl}/hardware/SCAS230001.json`);
    assert.equal(JSON.parse(await res.text()).description, '1SEN55-1ELEC-ISB');
  });

  it('makes a document fail with a chosen status', async () => {
    api.store.failDataDocument('/blueprints/sc_air.json', 503);
    assert.equal((await fetch(`${api.dataUrl}/blueprints/sc_air.json`)).status, 503);
    api.store.failDataDocument('names/SCDevice.json');
    assert.equal((await fetch(`${api.dataUrl}/names/SCDevice.json`)).status, 404);
    api.store.clearDataDocument();
    assert.equal((await fetch(`${api.dataUrl}/blueprints/sc_air.json`)).status, 200);
  });
});

// The §6.3 postprocessing check (src/api/hardware-check.ts): document validation and memoised fetching.
// (Its HTTP side runs against the stand-in in test/commands/schedule-devices.test.ts.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { createPostprocessingChecker, hardwareDocumentProblem } from '../../src/api/hardware-check.js';
import type { Postprocessing } from '../../src/api/types.js';
import { ApiError } from '../../src/errors.js';
import { upstreamDataDir } from '../helpers/shared.js';

const pp = (hardware_url: string | null): Postprocessing => ({
  id: 1,
  blueprint_url: null,
  hardware_url,
  device_id: 1,
  forwarding_params: null,
  meta: null,
  latest_postprocessing: null,
  created_at: null,
  updated_at: null,
});

describe('hardware documents', () => {
  test('every upstream hardware file is valid', () => {
    const dir = path.join(upstreamDataDir, 'hardware');
    for (const name of ['SCAS230001.json', 'SCAS220116.json', 'SCAS230005.json']) {
      assert.equal(hardwareDocumentProblem(readFileSync(path.join(dir, name), 'utf8')), undefined, name);
    }
  });

  const problems: [string, string][] = [
    ['nope', 'is not JSON'],
    ['[]', 'is not a JSON object'],
    ['null', 'is not a JSON object'],
    ['{"blueprint_url": 1}', '"blueprint_url" is not a string or null'],
    ['{"description": true}', '"description" is not a string or null'],
    ['{"forwarding": {}}', '"forwarding" is not a string or null'],
    ['{"versions": {}}', '"versions" is not a list or null'],
    ['{"versions": [1]}', '"versions" holds something other than objects'],
  ];
  for (const [text, problem] of problems) {
    test(`${text} ${problem}`, () => assert.equal(hardwareDocumentProblem(text), problem));
  }

  test('nulls, missing keys and unknown keys are fine', () => {
    assert.equal(hardwareDocumentProblem('{"blueprint_url": null, "versions": null, "x": 1}'), undefined);
    assert.equal(hardwareDocumentProblem('{}'), undefined);
  });
});

describe('the postprocessing checker', () => {
  test('a null record, a null or empty hardware_url are invalid without any fetch', async () => {
    const check = createPostprocessingChecker(async () => assert.fail('no fetch'), 'http://data');
    assert.deepEqual(await check(null), { valid: false, reason: 'no postprocessing record' });
    assert.deepEqual(await check(pp(null)), { valid: false, reason: 'postprocessing has no hardware_url' });
    assert.deepEqual(await check(pp('  ')), { valid: false, reason: 'postprocessing has no hardware_url' });
  });

  test('a bare name and the default-base URL of the same document are fetched once from SC_DATA_URL', async () => {
    const fetched: string[] = [];
    const check = createPostprocessingChecker(async (url) => {
      fetched.push(url);
      return '{}';
    }, 'http://data');
    const results = await Promise.all([
      check(pp('SCAS230001')),
      check(
        pp('https://raw.githubusercontent.com/fablabbcn/smartcitizen-data/master/hardware/SCAS230001.json'),
      ),
      check(pp('SCAS230001')),
    ]);
    assert.deepEqual(fetched, ['http://data/hardware/SCAS230001.json']);
    assert.ok(results.every((r) => r.valid));
  });

  test('an ApiError while fetching is an invalid result with the reason; other errors are not swallowed', async () => {
    const failing = createPostprocessingChecker(async (url) => {
      throw new ApiError('E_API_NOT_FOUND', `GET ${url} answered HTTP 404`, 404);
    }, 'http://data');
    assert.deepEqual(await failing(pp('X')), {
      valid: false,
      reason: 'hardware document GET http://data/hardware/X.json answered HTTP 404',
    });
    const buggy = createPostprocessingChecker(async () => {
      throw new TypeError('bug');
    }, 'http://data');
    await assert.rejects(buggy(pp('X')), TypeError);
  });

  test('at most `concurrency` documents are fetched at once', async () => {
    let active = 0;
    let peak = 0;
    const check = createPostprocessingChecker(
      async () => {
        active += 1;
        peak = Math.max(peak, active);
        await new Promise((r) => setImmediate(r));
        active -= 1;
        return '{}';
      },
      'http://data',
      8,
    );
    await Promise.all(Array.from({ length: 50 }, (_, i) => check(pp(`HW${i}`))));
    assert.equal(peak, 8);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Postprocessing } from '../../src/api/types.js';
import { decideDevice } from '../../src/schedule/decide.js';

const pp = (latest: string | null): Postprocessing => ({
  id: 1,
  blueprint_url: null,
  hardware_url: 'SCAS230001',
  device_id: 1,
  forwarding_params: null,
  meta: null,
  latest_postprocessing: latest,
  created_at: null,
  updated_at: null,
});
const valid = { valid: true } as const;

describe('what the scheduler does with a device (spec §3.4)', () => {
  test('invalid postprocessing leaves the entry untouched, whatever the readings say', () => {
    const decision = decideDevice(
      { last_reading_at: null, postprocessing: null },
      { valid: false, reason: 'no postprocessing record' },
    );
    assert.deepEqual(decision, { kind: 'invalid', reason: 'no postprocessing record' });
  });

  test('no last_reading_at removes the entry ("no readings yet")', () => {
    assert.deepEqual(decideDevice({ last_reading_at: null, postprocessing: pp(null) }, valid), {
      kind: 'remove',
      reason: 'no readings yet',
    });
  });

  test('latest_postprocessing strictly after last_reading_at removes the entry ("nothing to process")', () => {
    const device = { last_reading_at: '2025-03-08T17:42:11Z', postprocessing: pp('2025-03-08T17:43:11Z') };
    assert.deepEqual(decideDevice(device, valid), { kind: 'remove', reason: 'nothing to process' });
  });

  test('equal instants count as "to process" and schedule the device', () => {
    const device = { last_reading_at: '2025-03-08T17:42:11Z', postprocessing: pp('2025-03-08T17:42:11Z') };
    assert.deepEqual(decideDevice(device, valid), { kind: 'schedule' });
  });

  test('instants are compared, not strings: +01:00 and fractional seconds are read as times', () => {
    // As strings "2025-03-08T18:00:00+01:00" > "2025-03-08T17:30:00Z", but it is 17:00Z: earlier.
    const earlier = {
      last_reading_at: '2025-03-08T17:30:00Z',
      postprocessing: pp('2025-03-08T18:00:00+01:00'),
    };
    assert.deepEqual(decideDevice(earlier, valid), { kind: 'schedule' });
    const later = {
      last_reading_at: '2025-03-08T17:30:00.000Z',
      postprocessing: pp('2025-03-08T17:30:00.500Z'),
    };
    assert.deepEqual(decideDevice(later, valid), { kind: 'remove', reason: 'nothing to process' });
  });

  test('a device never post-processed (latest null) with readings is scheduled', () => {
    assert.deepEqual(
      decideDevice({ last_reading_at: '2025-03-10T13:59:41Z', postprocessing: pp(null) }, valid),
      {
        kind: 'schedule',
      },
    );
  });
});

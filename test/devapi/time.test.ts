import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoSeconds, parseIsoTime, parseTimeParam } from '../../src/devapi/time.js';

describe('stand-in timestamps', () => {
  it('formats epoch seconds exactly like Date#toISOString at second precision', () => {
    for (let t = -86400 * 800; t < 4_200_000_000; t += 9_876_543) {
      assert.equal(isoSeconds(t), `${new Date(t * 1000).toISOString().slice(0, 19)}Z`);
    }
    assert.equal(isoSeconds(951782400), '2000-02-29T00:00:00Z');
    assert.equal(isoSeconds(1741597241.9), '2025-03-10T09:00:41Z');
  });

  it('reads every form the clients send as the same UTC instant', () => {
    const forms = [
      '2025-03-10T09:00:41Z',
      '2025-03-10T09:00:41+00:00',
      '2025-03-10T10:00:41+01:00',
      '2025-03-10T04:00:41-0500',
      '2025-03-10 09:00:41 00:00',
      '2025-03-10 09:00:41',
      '2025-03-10T09:00:41.999Z',
      '1741597241',
    ];
    for (const form of forms) assert.equal(parseTimeParam(form), 1741597241, form);
    assert.equal(parseIsoTime('2025-03-10'), 1741564800);
  });

  it('refuses what is not a date', () => {
    for (const bad of [
      '',
      'now',
      '2025-03-32',
      '2025-02-29T00:00:00Z',
      '2025-03-10T25:00:00Z',
      '03/10/2025',
    ]) {
      assert.equal(parseTimeParam(bad), undefined, bad);
    }
  });
});

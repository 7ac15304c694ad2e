import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addLoad,
  emptyLoad,
  everyHoursExpression,
  fnv1a,
  intervalHoursOf,
  placeEvery,
} from '../../src/schedule/balance.js';
import { parseCronExpression } from '../../src/schedule/cron-expression.js';

function fill(hours: number, keys: readonly string[]) {
  const load = emptyLoad();
  return keys.map((key) => {
    const expr = everyHoursExpression(placeEvery(load, hours, key), hours);
    addLoad(load, parseCronExpression(expr));
    return expr;
  });
}

describe('load balancing', () => {
  test('placement is deterministic: the same keys on the same load get the same slots', () => {
    const keys = Array.from({ length: 500 }, (_, i) => `run-device:${90000 + i}`);
    assert.deepEqual(fill(3, keys), fill(3, keys));
  });

  test('the first entry on an empty day goes to the slot its key hashes to', () => {
    const slot = placeEvery(emptyLoad(), 3, 'run-device:90101');
    const k = fnv1a('run-device:90101') % 180;
    assert.deepEqual(slot, { offset: Math.floor(k / 60), minute: k % 60 });
  });

  test('entries spread evenly: 10,000 entries every 3 hours load every (hour, minute) slot 55 or 56 times', () => {
    const load = emptyLoad();
    for (let i = 0; i < 10_000; i += 1) {
      const slot = placeEvery(load, 3, `run-device:${i + 1}`);
      for (let h = slot.offset; h < 24; h += 3) load[h * 60 + slot.minute]! += 1;
    }
    // Each entry fires 8 times a day: 80,000 firings over 1440 slots.
    assert.equal(Math.min(...load), 55);
    assert.equal(Math.max(...load), 56);
  });

  test('a busy slot is avoided: with every minute of hours 0-23 taken once but minute 7, the new entry goes to minute 7', () => {
    const load = emptyLoad();
    for (let m = 0; m < 60; m += 1) if (m !== 7) addLoad(load, parseCronExpression(`${m} * * * *`));
    assert.equal(everyHoursExpression(placeEvery(load, 3, 'run-device:1'), 3).split(' ')[0], '7');
  });

  test('an existing manual every-minute entry adds the same load everywhere and does not change the spread', () => {
    const keys = Array.from({ length: 50 }, (_, i) => `run-device:${i + 1}`);
    const plain = fill(6, keys);
    const load = emptyLoad();
    addLoad(load, parseCronExpression('* * * * *'));
    const withManual = keys.map((key) => {
      const expr = everyHoursExpression(placeEvery(load, 6, key), 6);
      addLoad(load, parseCronExpression(expr));
      return expr;
    });
    assert.deepEqual(withManual, plain);
  });

  test('interval expressions: H=1, H=3, H=24 and H=13 (one run a day when o+H > 23)', () => {
    assert.equal(everyHoursExpression({ offset: 0, minute: 5 }, 1), '5 * * * *');
    assert.equal(everyHoursExpression({ offset: 2, minute: 17 }, 3), '17 2-23/3 * * *');
    assert.equal(everyHoursExpression({ offset: 20, minute: 0 }, 24), '0 20 * * *');
    assert.deepEqual(
      [...parseCronExpression(everyHoursExpression({ offset: 12, minute: 0 }, 13)).hour.values],
      [12],
    );
  });

  test('the interval of a placed expression is read back; anything else has none', () => {
    for (const hours of [1, 2, 3, 5, 8, 12, 13, 23, 24]) {
      const expr = everyHoursExpression({ offset: hours - 1, minute: 59 }, hours);
      assert.equal(intervalHoursOf(expr), hours, expr);
    }
    for (const expr of [
      '5 3-23/3 * * *',
      '5 2-22/3 * * *',
      '5 2 * * 1',
      '*/5 * * * *',
      '@daily',
      '60 1 * * *',
    ]) {
      assert.equal(intervalHoursOf(expr), undefined, expr);
    }
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLimiter } from '../../src/util/limit.js';

describe('the concurrency limiter', () => {
  test('never runs more than its limit at once and runs every task', async () => {
    const limit = createLimiter(3);
    let active = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        limit(async () => {
          active += 1;
          peak = Math.max(peak, active);
          await new Promise((r) => setImmediate(r));
          active -= 1;
          return i;
        }),
      ),
    );
    assert.equal(peak, 3);
    assert.deepEqual(
      results,
      Array.from({ length: 40 }, (_, i) => i),
    );
  });

  test('a failing task frees its slot and its error reaches the caller', async () => {
    const limit = createLimiter(1);
    await assert.rejects(
      limit(async () => Promise.reject(new Error('boom'))),
      /boom/,
    );
    assert.equal(await limit(async () => 'next'), 'next');
  });
});

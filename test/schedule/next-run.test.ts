import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCronExpression } from '../../src/schedule/cron-expression.js';
import { nextRun } from '../../src/schedule/next-run.js';

// Local wall-clock dates: the expected values are built in the same (local) zone cron uses.
const local = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi);

describe('next run', () => {
  test('an every-3-hours entry next fires at its next hour of the day, strictly after now', () => {
    const now = local(2026, 3, 1, 10, 0);
    assert.deepEqual(nextRun(parseCronExpression('17 2-23/3 * * *'), now), local(2026, 3, 1, 11, 17));
    assert.deepEqual(
      nextRun(parseCronExpression('17 2-23/3 * * *'), local(2026, 3, 1, 23, 17)),
      local(2026, 3, 2, 2, 17),
    );
  });

  test('names and keywords are honoured (@midnight, which cron-parser itself does not know)', () => {
    const now = local(2026, 3, 1, 10, 0); // a Sunday
    assert.deepEqual(nextRun(parseCronExpression('@midnight'), now), local(2026, 3, 2, 0, 0));
    assert.deepEqual(nextRun(parseCronExpression('30 4 * * mon-fri'), now), local(2026, 3, 2, 4, 30));
    assert.deepEqual(nextRun(parseCronExpression('0 0 1 jan *'), now), local(2027, 1, 1, 0, 0));
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCronExpression } from '../../src/schedule/cron-expression.js';
import { describeSchedule } from '../../src/schedule/describe.js';

const cases: [string, string][] = [
  ['17 2-23/3 * * *', 'at minute 17 past every 3rd hour from 2 through 23'],
  ['5 * * * *', 'at minute 5'],
  ['* * * * *', 'every minute'],
  ['*/5 * * * *', 'every 5th minute'],
  ['0-30 * * * *', 'every minute from 0 through 30'],
  ['1,2,3 * * * *', 'at minute 1, 2 and 3'],
  ['0 0 * * *', 'at 00:00'],
  ['@daily', 'at 00:00'],
  ['30 4 * * 1-5', 'at 04:30 on Monday through Friday'],
  ['0 12 * * sat,sun', 'at 12:00 on Saturday and Sunday'],
  ['0 0 1 * *', 'at 00:00 on day-of-month 1'],
  ['34 1 */2 * *', 'at 01:34 on every 2nd day-of-month'],
  ['15 10 * jan,jul *', 'at 10:15 in January and July'],
  ['0 9 * 1-3 *', 'at 09:00 in January through March'],
  ['0 0 1 * mon', 'at 00:00 on day-of-month 1 or on Monday'],
  ['0 0 */2 * mon', 'at 00:00 on every 2nd day-of-month and on Monday'],
  ['0 8,20 * * *', 'at minute 0 past hour 8 and 20'],
  ['*/11 */12 * * *', 'every 11th minute past every 12th hour'],
  ['0 0 * * 7', 'at 00:00 on Sunday'],
  ['0 0 1 1 *', 'at 00:00 on day-of-month 1 in January'],
  ['0 0 * */3 *', 'at 00:00 in every 3rd month'],
  ['0 1-5/2,22 * * *', 'at minute 0 past every 2nd hour from 1 through 5 and hour 22'],
];

describe('the schedule describer', () => {
  for (const [expr, text] of cases) {
    test(`describes "${expr}" as "${text}"`, () => {
      assert.equal(describeSchedule(parseCronExpression(expr)), text);
    });
  }
});

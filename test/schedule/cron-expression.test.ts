import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UsageError } from '../../src/errors.js';
import { parseCronExpression } from '../../src/schedule/cron-expression.js';

const refused = (expr: string, detail: RegExp) => {
  assert.throws(
    () => parseCronExpression(expr),
    (error: unknown) => {
      assert.ok(error instanceof UsageError);
      assert.equal(error.code, 'E_BAD_CRON');
      assert.equal(error.exitCode, 2);
      assert.ok(error.message.startsWith(`invalid cron expression "${expr}": `), error.message);
      assert.match(error.message, detail);
      assert.ok(!error.message.includes('\n'));
      return true;
    },
  );
};

describe('cron expressions that Debian cron accepts are accepted', () => {
  const accepted: [string, string][] = [
    ['* * * * *', '* * * * *'],
    ['17 2-23/3 * * *', '17 2-23/3 * * *'],
    ['0 0 * * 7', '0 0 * * 7'],
    ['0 0 * * 0-7', '0 0 * * 0-7'],
    ['*/60 * * * *', '*/60 * * * *'],
    ['*/59 * * * *', '*/59 * * * *'],
    ['01 * * * *', '1 * * * *'],
    ['0-0 * * * *', '0 * * * *'],
    ['1,2,3 * * * *', '1,2,3 * * * *'],
    ['*/7 1-5/2 * * *', '*/7 1-5/2 * * *'],
    ['0 0 * jan-mar *', '0 0 * 1-3 *'],
    ['0 0 * JAN *', '0 0 * 1 *'],
    ['0 0 * * mon-fri', '0 0 * * 1-5'],
    ['0 0 * * MON,wed', '0 0 * * 1,3'],
    ['0 0 * * sun-sat', '0 0 * * 0-6'],
    ['0 0 * */2 mon', '0 0 * */2 1'],
    ['0 0 * 1-jan *', '0 0 * 1 *'],
    ['  0\t0 * *   * ', '0 0 * * *'],
  ];
  for (const [expr, numeric] of accepted) {
    test(`"${expr}" is accepted (numeric form "${numeric}")`, () => {
      assert.equal(parseCronExpression(expr).numeric, numeric);
    });
  }

  test('whitespace is normalised to single spaces in the written expression', () => {
    assert.equal(parseCronExpression('  0\t0 * *   * ').expression, '0 0 * * *');
  });

  for (const [keyword, numeric] of [
    ['@hourly', '0 * * * *'],
    ['@daily', '0 0 * * *'],
    ['@midnight', '0 0 * * *'],
    ['@weekly', '0 0 * * 0'],
    ['@monthly', '0 0 1 * *'],
    ['@yearly', '0 0 1 1 *'],
    ['@annually', '0 0 1 1 *'],
  ]) {
    test(`${keyword} is accepted, kept as written and expands to "${numeric}"`, () => {
      const schedule = parseCronExpression(keyword!);
      assert.equal(schedule.expression, keyword);
      assert.equal(schedule.numeric, numeric);
    });
  }

  test('fields expand to their sets of values (day-of-week 7 is Sunday, 0)', () => {
    const s = parseCronExpression('0-10/5 */6 1,15 * 5-7');
    assert.deepEqual([...s.minute.values], [0, 5, 10]);
    assert.deepEqual([...s.hour.values], [0, 6, 12, 18]);
    assert.deepEqual([...s.dayOfMonth.values], [1, 15]);
    assert.deepEqual([...s.dayOfWeek.values].sort(), [0, 5, 6]);
  });
});

describe('cron expressions Debian cron rejects are refused with a UsageError quoting the input', () => {
  test('L in the day-of-month field is refused, naming the field and the token', () => {
    refused(
      '0 0 L * *',
      /^invalid cron expression "0 0 L \* \*": day-of-month field "L": "L" is not a number 1-31 .*L, W, # and \?/,
    );
  });
  const cases: [string, RegExp][] = [
    ['0 0 1W * *', /day-of-month field "1W"/],
    ['0 0 * * 1#2', /day-of-week field "1#2"/],
    ['0 0 ? * *', /day-of-month field "\?"/],
    ['*/0 * * * *', /minute field "\*\/0": step 0 is out of range 1-60/],
    ['60 * * * *', /minute field "60": 60 is out of range 0-59/],
    ['0 24 * * *', /hour field "24": 24 is out of range 0-23/],
    ['0 0 0 * *', /day-of-month field "0": 0 is out of range 1-31/],
    ['0 0 32 * *', /day-of-month field "32"/],
    ['0 0 * 0 *', /month field "0"/],
    ['0 0 * 13 *', /month field "13"/],
    ['0 0 * * 8', /day-of-week field "8": 8 is out of range 0-7/],
    ['0 0 * jan,feb/2 *', /month field "jan,feb\/2": a step needs "\*" or a range/],
    ['5/2 * * * *', /a step needs/],
    ['1,,2 * * * *', /empty list item/],
    [',1 * * * *', /empty list item/],
    ['1- * * * *', /a value is missing/],
    ['-1 * * * *', /a value is missing/],
    ['*/ * * * *', /step "" is not a number/],
    ['+1 * * * *', /"\+1" is not a number/],
    ['0x1 * * * *', /"0x1" is not a number/],
    ['jan * * * *', /minute field "jan"/],
    ['0 0 * * monday', /day-of-week field "monday"/],
    ['* * * *', /expected 5 fields .* got 4/],
    ['*/10 * * * * *', /expected 5 fields .* got 6/],
    ['0 0 1 1 * 2026', /got 6/],
    ['', /it is empty/],
    ['   ', /it is empty/],
    ['@reboot', /@reboot is not supported/],
    ['@every', /unknown keyword/],
    ['@DAILY', /unknown keyword/],
    ['5-1 * * * *', /range start 5 is after its end 1/],
    ['*/2/3 * * * *', /more than one step/],
    ['1-2-3 * * * *', /not a value or a range/],
    ['*-5 * * * *', /"\*" is not a number|not a number/],
    ['1.5 * * * *', /"1.5" is not a number/],
    ['0-59/100 * * * *', /step 100 is out of range 1-60/],
  ];
  for (const [expr, detail] of cases) {
    test(`"${expr}" is refused`, () => refused(expr, detail));
  }
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatPlan, lineDiff } from '../../src/crontab/diff.js';

describe('the --plan diff', () => {
  test('equal texts give no diff and a "would not change" note', () => {
    assert.deepEqual(lineDiff('a\nb\n', 'a\nb\n'), []);
    assert.deepEqual(formatPlan('a\n', 'a\n'), ['plan: the crontab would not change']);
  });

  test('added lines are "+", removed lines "-", unchanged lines are not shown', () => {
    assert.deepEqual(lineDiff('a\nb\nc\n', 'a\nc\nd\n'), ['-b', '+d']);
  });

  test('a changed line shows as "-old" then "+new" at its place', () => {
    assert.deepEqual(lineDiff('x\n1 * * * * a\ny\n', 'x\n2 * * * * a\ny\n'), [
      '-1 * * * * a',
      '+2 * * * * a',
    ]);
  });

  test('installing a block into an empty crontab is all "+"; removing it is all "-"', () => {
    const block = '# BEGIN scflows /p\ne\n# END scflows /p\n';
    assert.deepEqual(lineDiff('', block), ['+# BEGIN scflows /p', '+e', '+# END scflows /p']);
    assert.deepEqual(lineDiff(block, ''), ['-# BEGIN scflows /p', '-e', '-# END scflows /p']);
  });

  test('a moved line is removed where it was and added where it goes', () => {
    assert.deepEqual(lineDiff('a\nb\nc\n', 'b\nc\na\n'), ['-a', '+a']);
  });

  test('the plan has a unified-style header', () => {
    assert.deepEqual(formatPlan('', 'x\n'), ['--- crontab (installed)', '+++ crontab (planned)', '+x']);
  });

  test('20,000-line crontabs are diffed (linear, no quadratic table)', () => {
    const a = Array.from({ length: 20_000 }, (_, i) => `${i % 60} * * * * run ${i}`).join('\n');
    const b = Array.from({ length: 20_000 }, (_, i) => `${(i + 1) % 60} * * * * run ${i}`).join('\n');
    assert.equal(lineDiff(a, b).length, 40_000);
  });
});

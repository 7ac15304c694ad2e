import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readBlock, replaceBlock } from '../../src/crontab/block.js';
import { CrontabError } from '../../src/errors.js';

const foreign =
  'MAILTO=""\n# my backup   \n30 2 * * * /usr/local/bin/backup --at 50\\% >/dev/null 2>&1\n\n@reboot  /bin/true\n';

describe('the scflows block in the user crontab', () => {
  test('installing into a crontab without a block appends it and keeps every other byte', () => {
    const next = replaceBlock(foreign, '/srv/a/public', ['1 * * * * x # scflows:run-device:1 source=api']);
    assert.ok(next.startsWith(foreign));
    assert.equal(
      next.slice(foreign.length),
      '# BEGIN scflows /srv/a/public\n1 * * * * x # scflows:run-device:1 source=api\n# END scflows /srv/a/public\n',
    );
  });

  test('installing into an empty crontab gives just the block, ending with a newline', () => {
    assert.equal(replaceBlock('', '/p', ['a']), '# BEGIN scflows /p\na\n# END scflows /p\n');
  });

  test('updating replaces only the block; lines before and after stay byte-identical', () => {
    const withBlock = `${foreign}# BEGIN scflows /p\nold\n# END scflows /p\n0 5 * * * after\n`;
    const next = replaceBlock(withBlock, '/p', ['new 1', 'new 2']);
    assert.equal(next, `${foreign}# BEGIN scflows /p\nnew 1\nnew 2\n# END scflows /p\n0 5 * * * after\n`);
    assert.deepEqual(readBlock(next, '/p'), ['new 1', 'new 2']);
  });

  test('an empty block removes the markers entirely', () => {
    const withBlock = `${foreign}# BEGIN scflows /p\nold\n# END scflows /p\n`;
    assert.equal(replaceBlock(withBlock, '/p', []), foreign);
    assert.equal(replaceBlock('# BEGIN scflows /p\nold\n# END scflows /p\n', '/p', []), '');
  });

  test('blocks of different public dirs coexist; one is changed without touching the other', () => {
    const two = replaceBlock(replaceBlock(foreign, '/demo/public', ['demo']), '/tmp/t1/public', ['test']);
    const next = replaceBlock(two, '/tmp/t1/public', []);
    assert.equal(next, replaceBlock(foreign, '/demo/public', ['demo']));
    assert.deepEqual(readBlock(two, '/demo/public'), ['demo']);
    // A public dir whose path is a prefix of another is a different block.
    assert.deepEqual(readBlock(two, '/tmp/t1/publi'), []);
  });

  test('a crontab without a final newline gets one', () => {
    assert.equal(replaceBlock('0 1 * * * x', '/p', []), '0 1 * * * x\n');
  });

  const broken: [string, string, RegExp][] = [
    ['BEGIN without END', '# BEGIN scflows /p\nx\n', /BEGIN marker without END/],
    ['END without BEGIN', 'x\n# END scflows /p\n', /END marker without BEGIN/],
    ['END before BEGIN', '# END scflows /p\n# BEGIN scflows /p\n', /END marker before BEGIN/],
    ['two BEGIN markers', '# BEGIN scflows /p\n# BEGIN scflows /p\n# END scflows /p\n', /more than once/],
  ];
  for (const [what, text, message] of broken) {
    test(`a broken block (${what}) is a CrontabError`, () => {
      assert.throws(
        () => replaceBlock(text, '/p', ['a']),
        (error: unknown) =>
          error instanceof CrontabError && error.code === 'E_CRONTAB_BLOCK' && message.test(error.message),
      );
      assert.throws(() => readBlock(text, '/p'), CrontabError);
    });
  }
});

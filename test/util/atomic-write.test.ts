import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { LocalFileError } from '../../src/errors.js';
import { writeFileAtomic } from '../../src/util/atomic-write.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'scflows-atomic-'));

describe('atomic file writes', () => {
  test('write creates the parent directory and the file with the text', async () => {
    const file = path.join(tmp(), 'a', 'b', 'tabfile.tab');
    await writeFileAtomic(file, 'hello\n');
    assert.equal(readFileSync(file, 'utf8'), 'hello\n');
  });

  test('a rewrite replaces the content and leaves no temp file behind', async () => {
    const dir = tmp();
    const file = path.join(dir, 'f');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two');
    assert.equal(readFileSync(file, 'utf8'), 'two');
    assert.deepEqual(readdirSync(dir), ['f']);
  });

  test('the mode is applied to a new file', async () => {
    const file = path.join(tmp(), 'secret');
    await writeFileAtomic(file, 'x', 0o600);
    assert.equal(statSync(file).mode & 0o777, 0o600);
  });

  test('an unwritable place is a LocalFileError naming the file', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'plain-file'), '');
    const file = path.join(dir, 'plain-file', 'below', 'x');
    await assert.rejects(writeFileAtomic(file, 'x'), (error: unknown) => {
      assert.ok(error instanceof LocalFileError);
      assert.ok(error.message.includes(file));
      return true;
    });
  });
});

// The crontab port over a real process: stand-in `crontab` executables (tiny scripts written to a temp
// dir) produce the answers whose handling matters: no crontab, a failing -l, a refused install.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { systemCrontab } from '../../src/crontab/system-crontab.js';
import { CrontabError } from '../../src/errors.js';
import { runProcess } from '../../src/util/subprocess.js';

function fakeCrontab(script: string): { bin: string; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'scflows-fake-crontab-'));
  const bin = path.join(dir, 'crontab');
  writeFileSync(bin, `#!/bin/sh\n${script}\n`);
  chmodSync(bin, 0o755);
  return { bin, dir };
}

describe('the system crontab port', () => {
  test('"no crontab for <user>" reads as an empty crontab', async () => {
    const { bin } = fakeCrontab('echo "no crontab for tester" >&2; exit 1');
    assert.equal(await systemCrontab(runProcess, bin).read(), '');
  });

  test('any other failure of crontab -l is a CrontabError carrying its message', async () => {
    const { bin } = fakeCrontab('echo "crontab: cannot open spool: Permission denied" >&2; exit 1');
    await assert.rejects(systemCrontab(runProcess, bin).read(), (error: unknown) => {
      assert.ok(error instanceof CrontabError);
      assert.equal(error.code, 'E_CRONTAB_READ');
      assert.equal(error.exitCode, 5);
      assert.match(error.message, /-l failed \(exit 1\): crontab: cannot open spool: Permission denied$/);
      return true;
    });
  });

  test('install sends the text on stdin to "crontab -", adding the final newline cron requires', async () => {
    const { bin, dir } = fakeCrontab(
      `[ "$1" = "-" ] || exit 9\ncat > "${path.join('$(dirname "$0")', 'installed')}"`,
    );
    await systemCrontab(runProcess, bin).write('0 1 * * * x');
    assert.equal(readFileSync(path.join(dir, 'installed'), 'utf8'), '0 1 * * * x\n');
  });

  test('a refused install is a CrontabError', async () => {
    const { bin } = fakeCrontab(
      'cat >/dev/null; echo "\\"-\\":0: bad minute" >&2; echo "errors in crontab file, can\'t install." >&2; exit 1',
    );
    await assert.rejects(systemCrontab(runProcess, bin).write('61 * * * * x\n'), (error: unknown) => {
      assert.ok(error instanceof CrontabError);
      assert.equal(error.code, 'E_CRONTAB_WRITE');
      assert.match(error.message, /refused the new crontab \(exit 1\): "-":0: bad minute$/);
      return true;
    });
  });

  test('a missing crontab program is a CrontabError, not a crash', async () => {
    await assert.rejects(systemCrontab(runProcess, '/nonexistent/crontab').read(), CrontabError);
  });
});

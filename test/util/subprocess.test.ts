import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runProcess, SubprocessError } from '../../src/util/subprocess.js';

const node = process.execPath;

describe('the subprocess wrapper', () => {
  test('returns exit code, stdout and stderr of a child that fails (a non-zero exit is a value)', async () => {
    const result = await runProcess(
      node,
      ['-e', 'process.stdout.write("out"); process.stderr.write("err"); process.exit(3)'],
      {
        timeoutMs: 30_000,
      },
    );
    assert.deepEqual(result, { exitCode: 3, stdout: 'out', stderr: 'err' });
  });

  test('passes input on stdin and arguments as an array, never through a shell', async () => {
    const result = await runProcess(
      node,
      [
        '-e',
        'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(s+process.argv[1]))',
        '$(echo no); `x`',
      ],
      { timeoutMs: 30_000, input: 'in:' },
    );
    assert.equal(result.stdout, 'in:$(echo no); `x`');
  });

  test('drops SC_BEARER from the child environment unless keepBearer is set', async () => {
    const script = 'process.stdout.write(String(process.env.SC_BEARER === "dummy-test-token"))';
    const env = { SC_BEARER: 'dummy-test-token' };
    assert.equal((await runProcess(node, ['-e', script], { timeoutMs: 30_000, env })).stdout, 'false');
    assert.equal(
      (await runProcess(node, ['-e', script], { timeoutMs: 30_000, env, keepBearer: true })).stdout,
      'true',
    );
  });

  test('a child that outlives its timeout is killed and reported as E_SUBPROCESS_TIMEOUT', async () => {
    await assert.rejects(
      runProcess(node, ['-e', 'setTimeout(() => {}, 60000)'], { timeoutMs: 200 }),
      (error: unknown) => {
        assert.ok(error instanceof SubprocessError);
        assert.equal(error.code, 'E_SUBPROCESS_TIMEOUT');
        return true;
      },
    );
  });

  test('a program that does not exist is E_SUBPROCESS_SPAWN', async () => {
    await assert.rejects(runProcess('/nonexistent/program', [], { timeoutMs: 5000 }), (error: unknown) => {
      assert.ok(error instanceof SubprocessError);
      assert.equal(error.code, 'E_SUBPROCESS_SPAWN');
      assert.match(error.message, /ENOENT/);
      return true;
    });
  });
});

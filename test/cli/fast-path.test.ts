// The cron fast path must behave exactly like yargs for the lines it takes, and leave every other line to it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fastPath, helpFileOf } from '../../src/cli/fast-path.js';
import { makeSandbox, runCli } from '../helpers/run-cli.js';
import { projectDir } from '../helpers/shared.js';

const help = helpFileOf(projectDir);

test('run-device <id> with cron flags is taken by the fast path', () => {
  assert.deepEqual(fastPath(['run-device', '90101'], help), {
    kind: 'run',
    command: 'run-device',
    args: { id: '90101', dryRun: false, queue: false, json: false },
  });
  assert.deepEqual(fastPath(['run-device', '7', '--dry-run', '--celery', '--json'], help), {
    kind: 'run',
    command: 'run-device',
    args: { id: '7', dryRun: true, queue: true, json: true },
  });
  assert.deepEqual(fastPath(['list-tasks', '--json'], help), {
    kind: 'run',
    command: 'list-tasks',
    args: { json: true },
  });
});

test('anything else is left to yargs', () => {
  for (const argv of [
    ['run-device'],
    ['run-device', 'abc'],
    ['run-device', '-5'],
    ['run-device', '0'],
    ['run-device', '1', '--dry-run', '--dry-run'],
    ['run-device', '1', '--nope'],
    ['run-device', '1', '2'],
    ['list-tasks', '--json', '--json'],
    ['schedule-devices'],
    [],
  ]) {
    assert.equal(fastPath(argv, help), undefined, argv.join(' '));
  }
});

test('the captured help is exactly what yargs prints today', async () => {
  const captured = JSON.parse(readFileSync(help, 'utf8')) as Record<string, string>;
  const env = makeSandbox({}).env;
  for (const command of ['run-device', 'list-tasks']) {
    // `--help --help` is not a fast-path line, so yargs renders it.
    const viaYargs = await runCli([command, '--help', '--help'], env);
    const viaFast = await runCli([command, '--help'], env);
    assert.equal(viaYargs.code, 0);
    assert.equal(viaFast.stdout, viaYargs.stdout);
    assert.equal(viaFast.stdout, `${captured[command]}\n`);
  }
});

test('a reader that closes the pipe early does not crash the command (EPIPE)', async () => {
  const { spawn } = await import('node:child_process');
  const path = await import('node:path');
  for (const args of [['run-device', '--help'], ['--help']]) {
    const child = spawn(process.execPath, [path.join(projectDir, 'bin', 'scflows'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(code, 0, `${args.join(' ')}: ${stderr}`);
    assert.equal(stderr, '');
  }
});

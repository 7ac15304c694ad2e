import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type CommandConfig, parseCommand, renderCommand, shellQuote } from '../../src/crontab/command.js';
import { CrontabError } from '../../src/errors.js';

const base: CommandConfig = {
  projectDir: '/srv/scflows',
  publicDir: '/srv/scflows/public',
  envFile: '/srv/scflows/.env',
  nodePath: '/usr/bin/node',
  explicitPaths: { publicDir: false, envFile: false },
};

describe('the entry command', () => {
  test('cd to the project, run node on bin/scflows with the arguments, append output to the log', () => {
    assert.equal(
      renderCommand(base, ['run-device', '90101'], '/srv/scflows/public/tasks/90101/90101.log'),
      "cd '/srv/scflows' && '/usr/bin/node' '/srv/scflows/bin/scflows' run-device 90101 >> '/srv/scflows/public/tasks/90101/90101.log' 2>&1",
    );
  });

  test('explicit public dir and env file are passed as SCFLOWS_ variables (paths only, no values from the env file)', () => {
    const config = { ...base, explicitPaths: { publicDir: true, envFile: true } };
    const command = renderCommand(config, ['run-device', '1', '--dry-run'], '/l');
    assert.equal(
      command,
      "cd '/srv/scflows' && SCFLOWS_PUBLIC_DIR='/srv/scflows/public' SCFLOWS_ENV_FILE='/srv/scflows/.env' '/usr/bin/node' '/srv/scflows/bin/scflows' run-device 1 --dry-run >> '/l' 2>&1",
    );
    assert.deepEqual(parseCommand(command), { args: ['run-device', '1', '--dry-run'], logFile: '/l' });
  });

  test('paths with quotes and spaces are single-quoted and parse back', () => {
    const config = { ...base, projectDir: "/srv/it's here" };
    const command = renderCommand(config, ['run-device', '2'], "/logs/it's.log");
    assert.ok(command.startsWith(`cd '/srv/it'\\''s here' && `));
    assert.deepEqual(parseCommand(command), { args: ['run-device', '2'], logFile: "/logs/it's.log" });
  });

  test('shellQuote wraps in single quotes and escapes embedded quotes', () => {
    assert.equal(shellQuote("a'b"), `'a'\\''b'`);
  });

  test('a path with a line break is refused', () => {
    assert.throws(
      () => renderCommand({ ...base, projectDir: '/a\nb' }, ['run-device', '1'], '/l'),
      CrontabError,
    );
  });

  test('an argument that is not a plain word is refused (no shell syntax in arguments)', () => {
    assert.throws(() => renderCommand(base, ['run-device', '1; rm -rf /'], '/l'), CrontabError);
  });

  test('a command scflows did not write has no arguments to read', () => {
    assert.equal(parseCommand('/usr/bin/backup'), undefined);
  });
});

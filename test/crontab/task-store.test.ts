import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { CommandConfig } from '../../src/crontab/command.js';
import { taskPaths } from '../../src/crontab/paths.js';
import { readTabfile, updateTasks } from '../../src/crontab/task-store.js';
import { CrontabError, LocalFileError } from '../../src/errors.js';
import { deviceEntry } from '../../src/schedule/entries.js';
import { memoryCrontab } from '../helpers/memory-crontab.js';

const flags = { dryRun: false, queue: false };
function setup(): CommandConfig {
  const dir = mkdtempSync(path.join(tmpdir(), 'scflows-store-'));
  return {
    projectDir: '/srv/scflows',
    publicDir: path.join(dir, 'public'),
    envFile: path.join(dir, '.env'),
    nodePath: '/usr/bin/node',
    explicitPaths: { publicDir: true, envFile: true },
  };
}
const foreign = '# mine\n0 5 * * * /usr/bin/true\n';

describe('updating tasks (tabfile + crontab block)', () => {
  test('an update writes the tabfile, the crontab block, the backup of the previous crontab and the log dir', async () => {
    const config = setup();
    const cron = memoryCrontab(foreign);
    const entry = deviceEntry(config, 42, 'manual', '5 4 * * *', flags);
    await updateTasks(config, cron, { plan: false }, () => ({ entries: [entry], result: undefined }));
    const paths = taskPaths(config.publicDir);
    assert.deepEqual(await readTabfile(paths.tabfile), [entry]);
    assert.ok(cron.text.startsWith(foreign));
    assert.ok(cron.text.includes(`# BEGIN scflows ${config.publicDir}\n5 4 * * * `));
    assert.equal(readFileSync(paths.backup, 'utf8'), foreign);
    assert.ok(existsSync(path.join(config.publicDir, 'tasks', '42')));
    assert.equal(existsSync(paths.lock), false, 'the lock is released');
  });

  test('an update that changes nothing does not rewrite the crontab', async () => {
    const config = setup();
    const cron = memoryCrontab(foreign);
    const entry = deviceEntry(config, 42, 'manual', '5 4 * * *', flags);
    await updateTasks(config, cron, { plan: false }, () => ({ entries: [entry], result: undefined }));
    const outcome = await updateTasks(config, cron, { plan: false }, (entries) => ({
      entries,
      result: undefined,
    }));
    assert.equal(outcome.changed, false);
    assert.equal(cron.writes.length, 1);
  });

  test('plan returns the diff and writes nothing: no tabfile, no crontab, no backup, no lock, no log dir', async () => {
    const config = setup();
    const cron = memoryCrontab(foreign);
    const entry = deviceEntry(config, 42, 'manual', '5 4 * * *', flags);
    const outcome = await updateTasks(config, cron, { plan: true }, () => ({
      entries: [entry],
      result: undefined,
    }));
    assert.deepEqual(outcome.plan?.slice(0, 3), [
      '--- crontab (installed)',
      '+++ crontab (planned)',
      `+# BEGIN scflows ${config.publicDir}`,
    ]);
    assert.equal(cron.writes.length, 0);
    assert.equal(existsSync(config.publicDir), false);
  });

  test('a corrupt tabfile is reported (E_TABFILE_CORRUPT) and neither it nor the crontab is overwritten', async () => {
    const config = setup();
    const paths = taskPaths(config.publicDir);
    mkdirSync(paths.tasksDir, { recursive: true });
    writeFileSync(paths.tabfile, 'garbage line\n');
    const cron = memoryCrontab(foreign);
    await assert.rejects(
      updateTasks(config, cron, { plan: false }, () => ({ entries: [], result: undefined })),
      (error: unknown) =>
        error instanceof LocalFileError &&
        error.code === 'E_TABFILE_CORRUPT' &&
        error.message.includes(paths.tabfile),
    );
    assert.equal(readFileSync(paths.tabfile, 'utf8'), 'garbage line\n');
    assert.equal(cron.writes.length, 0);
  });

  test('a crontab that cannot be read stops the update before anything is written', async () => {
    const config = setup();
    const cron = memoryCrontab(foreign);
    cron.failRead = true;
    const entry = deviceEntry(config, 42, 'manual', '5 4 * * *', flags);
    await assert.rejects(
      updateTasks(config, cron, { plan: false }, () => ({ entries: [entry], result: undefined })),
      CrontabError,
    );
    const paths = taskPaths(config.publicDir);
    assert.equal(existsSync(paths.tabfile), false);
    assert.equal(existsSync(paths.backup), false);
  });

  test('a broken block in the crontab (BEGIN without END) stops the update before anything is written', async () => {
    const config = setup();
    const cron = memoryCrontab(`${foreign}# BEGIN scflows ${config.publicDir}\nx\n`);
    const entry = deviceEntry(config, 42, 'manual', '5 4 * * *', flags);
    await assert.rejects(
      updateTasks(config, cron, { plan: false }, () => ({ entries: [entry], result: undefined })),
      (error: unknown) => error instanceof CrontabError && error.code === 'E_CRONTAB_BLOCK',
    );
    assert.equal(existsSync(taskPaths(config.publicDir).tabfile), false);
    assert.equal(cron.writes.length, 0);
  });

  test('when cron refuses the new crontab, the tabfile keeps its previous content', async () => {
    const config = setup();
    const cron = memoryCrontab(foreign);
    const first = deviceEntry(config, 1, 'manual', '5 4 * * *', flags);
    await updateTasks(config, cron, { plan: false }, () => ({ entries: [first], result: undefined }));
    cron.failWrite = true;
    const second = deviceEntry(config, 2, 'manual', '6 4 * * *', flags);
    await assert.rejects(
      updateTasks(config, cron, { plan: false }, (entries) => ({
        entries: [...entries, second],
        result: undefined,
      })),
      CrontabError,
    );
    assert.deepEqual(await readTabfile(taskPaths(config.publicDir).tabfile), [first]);
  });

  test('an entry line of 1000 characters or more is refused before anything is written', async () => {
    const config = { ...setup(), projectDir: `/srv/${'x'.repeat(400)}` };
    const cron = memoryCrontab(foreign);
    const entry = deviceEntry(config, 42, 'manual', '5 4 * * *', flags);
    await assert.rejects(
      updateTasks(config, cron, { plan: false }, () => ({ entries: [entry], result: undefined })),
      (error: unknown) => error instanceof CrontabError && error.code === 'E_ENTRY_TOO_LONG',
    );
    assert.equal(cron.writes.length, 0);
  });

  test('an unwritable public dir is a LocalFileError and nothing is written', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scflows-store-'));
    writeFileSync(path.join(dir, 'file'), '');
    const config = { ...setup(), publicDir: path.join(dir, 'file', 'public') };
    const cron = memoryCrontab(foreign);
    await assert.rejects(
      updateTasks(config, cron, { plan: false }, () => ({ entries: [], result: undefined })),
      LocalFileError,
    );
    assert.equal(cron.writes.length, 0);
  });

  test('an error thrown by the mutation (e.g. unknown task) changes nothing and releases the lock', async () => {
    const config = setup();
    const cron = memoryCrontab(foreign);
    await assert.rejects(
      updateTasks(config, cron, { plan: false }, () => {
        throw new Error('nope');
      }),
      /nope/,
    );
    assert.equal(cron.writes.length, 0);
    assert.equal(existsSync(taskPaths(config.publicDir).lock), false);
  });
});

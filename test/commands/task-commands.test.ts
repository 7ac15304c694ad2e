// auto-schedule, manual-schedule, list-tasks, remove-task and clear-tasks in process, with a temp public
// dir and an in-memory crontab port (the real crontab is exercised in scheduler-cli.test.ts).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { autoSchedule } from '../../src/commands/auto-schedule.js';
import { clearTasks } from '../../src/commands/clear-tasks.js';
import { listTasks, type TaskInfo } from '../../src/commands/list-tasks.js';
import { manualSchedule } from '../../src/commands/manual-schedule.js';
import { removeTask } from '../../src/commands/remove-task.js';
import { parseCommand } from '../../src/crontab/command.js';
import { taskPaths } from '../../src/crontab/paths.js';
import { readTabfile } from '../../src/crontab/task-store.js';
import { UsageError } from '../../src/errors.js';
import { memoryCrontab } from '../helpers/memory-crontab.js';
import { schedulerContext, type TestContext } from '../helpers/scheduler-context.js';

const manualDefaults = {
  intervalHours: 24,
  schedule: undefined,
  dryRun: false,
  queue: false,
  plan: false,
  forceFirstRun: false,
  overwrite: false,
};
const autoDefaults = {
  intervalDays: 1,
  taskIntervalHours: 3,
  schedule: undefined,
  dryRun: false,
  queue: false,
  plan: false,
  forceFirstRun: false,
  overwrite: false,
};
const unusedApi = {
  searchPostprocessingDevices: async () => assert.fail('the API is not called'),
  fetchDocument: async () => assert.fail('the API is not called'),
};
const tabfile = async (ctx: TestContext) => readTabfile(taskPaths(ctx.config.publicDir).tabfile);

describe('manual-schedule', () => {
  test('schedules one device (source=manual) once a day by default, load balanced', async () => {
    const ctx = schedulerContext();
    const cron = memoryCrontab();
    assert.equal(await manualSchedule({ ...manualDefaults, device: 90101 }, ctx, { crontab: cron }), 0);
    const [entry] = await tabfile(ctx);
    assert.equal(entry?.name, 'run-device:90101');
    assert.equal(entry?.source, 'manual');
    assert.match(entry?.schedule ?? '', /^\d+ \d+ \* \* \*$/);
    assert.ok(cron.text.includes(`# scflows:run-device:90101 source=manual`));
    assert.ok(existsSync(path.join(ctx.config.publicDir, 'tasks', '90101')));
  });

  test('--schedule, --dry-run and --queue are written into the entry', async () => {
    const ctx = schedulerContext();
    await manualSchedule(
      { ...manualDefaults, device: 5, schedule: '*/15 * * * *', dryRun: true, queue: true },
      ctx,
      { crontab: memoryCrontab() },
    );
    const [entry] = await tabfile(ctx);
    assert.equal(entry?.schedule, '*/15 * * * *');
    assert.deepEqual(parseCommand(entry?.command ?? '')?.args, ['run-device', '5', '--dry-run', '--queue']);
  });

  test('a bad --schedule is a UsageError and nothing is written', async () => {
    const ctx = schedulerContext();
    const cron = memoryCrontab();
    await assert.rejects(
      manualSchedule({ ...manualDefaults, device: 5, schedule: '0 0 L * *' }, ctx, { crontab: cron }),
      UsageError,
    );
    assert.equal(existsSync(ctx.config.publicDir), false);
    assert.equal(cron.writes.length, 0);
  });

  test('running it again with the same options changes nothing; an existing entry is kept unless --overwrite', async () => {
    const ctx = schedulerContext();
    const cron = memoryCrontab();
    await manualSchedule({ ...manualDefaults, device: 5, intervalHours: 6 }, ctx, { crontab: cron });
    const [first] = await tabfile(ctx);
    await manualSchedule({ ...manualDefaults, device: 5, intervalHours: 6 }, ctx, { crontab: cron });
    assert.deepEqual(await tabfile(ctx), [first]);
    assert.equal(cron.writes.length, 1);
    await manualSchedule({ ...manualDefaults, device: 5, intervalHours: 12 }, ctx, { crontab: cron });
    assert.deepEqual(await tabfile(ctx), [first]);
    assert.match(
      ctx.out.at(-1) ?? '',
      /^device 5 already has an entry \(source=manual, ".*"\); kept it \(use --overwrite to replace it\)$/,
    );
    await manualSchedule({ ...manualDefaults, device: 5, intervalHours: 12, overwrite: true }, ctx, {
      crontab: cron,
    });
    assert.match((await tabfile(ctx))[0]?.schedule ?? '', /^\d+ \d+-23\/12 \* \* \*$/);
  });

  test("scheduling a second device moves nobody and avoids the first one's slot", async () => {
    const ctx = schedulerContext();
    const cron = memoryCrontab();
    await manualSchedule({ ...manualDefaults, device: 1, intervalHours: 1 }, ctx, { crontab: cron });
    const [first] = await tabfile(ctx);
    await manualSchedule({ ...manualDefaults, device: 2, intervalHours: 1 }, ctx, { crontab: cron });
    const [one, two] = await tabfile(ctx);
    assert.deepEqual(one, first);
    assert.notEqual(two?.schedule, one?.schedule);
  });

  test('--plan prints the diff and writes nothing', async () => {
    const ctx = schedulerContext();
    const cron = memoryCrontab('1 1 * * * keep\n');
    await manualSchedule({ ...manualDefaults, device: 5, plan: true }, ctx, { crontab: cron });
    assert.equal(ctx.out[0], '--- crontab (installed)');
    assert.ok(ctx.out.some((l) => l.startsWith('+') && l.endsWith('# scflows:run-device:5 source=manual')));
    assert.equal(existsSync(ctx.config.publicDir), false);
    assert.equal(cron.writes.length, 0);
  });
});

describe('auto-schedule', () => {
  test('installs the scheduler entry running schedule-devices --interval-hours H once a day', async () => {
    const ctx = schedulerContext();
    const cron = memoryCrontab();
    assert.equal(
      await autoSchedule({ ...autoDefaults, taskIntervalHours: 4, queue: true }, ctx, {
        api: unusedApi,
        crontab: cron,
      }),
      0,
    );
    const [entry] = await tabfile(ctx);
    assert.equal(entry?.name, 'schedule-devices');
    assert.equal(entry?.source, 'scheduler');
    assert.match(entry?.schedule ?? '', /^\d+ \d+ \* \* \*$/);
    const parsed = parseCommand(entry?.command ?? '');
    assert.deepEqual(parsed?.args, ['schedule-devices', '--interval-hours', '4', '--queue']);
    assert.equal(parsed?.logFile, path.join(ctx.config.publicDir, 'tasks', 'scheduler.log'));
  });

  test('--interval-days 3 runs it on every 3rd day of the month; --schedule is used as given', async () => {
    const ctx = schedulerContext();
    const cron = memoryCrontab();
    await autoSchedule({ ...autoDefaults, intervalDays: 3 }, ctx, { api: unusedApi, crontab: cron });
    assert.match((await tabfile(ctx))[0]?.schedule ?? '', /^\d+ \d+ \*\/3 \* \*$/);
    await autoSchedule({ ...autoDefaults, schedule: '@weekly', overwrite: true }, ctx, {
      api: unusedApi,
      crontab: cron,
    });
    assert.equal((await tabfile(ctx))[0]?.schedule, '@weekly');
  });

  test('an existing scheduler entry is kept without --overwrite (said on stdout, exit 0)', async () => {
    const ctx = schedulerContext();
    const cron = memoryCrontab();
    await autoSchedule({ ...autoDefaults, schedule: '0 1 * * *' }, ctx, { api: unusedApi, crontab: cron });
    assert.equal(
      await autoSchedule({ ...autoDefaults, schedule: '0 2 * * *' }, ctx, { api: unusedApi, crontab: cron }),
      0,
    );
    assert.equal((await tabfile(ctx))[0]?.schedule, '0 1 * * *');
    assert.equal(
      ctx.out.at(-1),
      'the scheduler entry already exists ("0 1 * * *"); kept it (use --overwrite to replace it)',
    );
  });

  test('--force-first-run also runs schedule-devices now', async () => {
    const ctx = schedulerContext({ SC_BEARER: 'test-admin-token' });
    let searched = 0;
    const api = {
      searchPostprocessingDevices: async () => {
        searched += 1;
        return [];
      },
      fetchDocument: async () => assert.fail('no hardware to fetch'),
    };
    assert.equal(
      await autoSchedule({ ...autoDefaults, forceFirstRun: true }, ctx, { api, crontab: memoryCrontab() }),
      0,
    );
    assert.equal(searched, 1);
    assert.match(ctx.out.at(-1) ?? '', /^schedule-devices: 0 devices found/);
  });
});

describe('list-tasks, remove-task, clear-tasks', () => {
  async function twoTasks() {
    const ctx = schedulerContext();
    const cron = memoryCrontab('0 5 * * * foreign\n');
    await autoSchedule({ ...autoDefaults, schedule: '0 1 * * *' }, ctx, { api: unusedApi, crontab: cron });
    await manualSchedule({ ...manualDefaults, device: 42, schedule: '17 2-23/3 * * *' }, ctx, {
      crontab: cron,
    });
    return { ctx, cron };
  }

  test('list-tasks --json gives name, source, schedule, description, next run, enabled, command and log', async () => {
    const { ctx, cron } = await twoTasks();
    ctx.out.length = 0;
    await listTasks({ json: true }, ctx, { crontab: cron });
    const tasks = JSON.parse(ctx.out.join('\n')) as TaskInfo[];
    assert.deepEqual(
      tasks.map((t) => [t.name, t.source, t.schedule, t.description, t.enabled]),
      [
        ['schedule-devices', 'scheduler', '0 1 * * *', 'at 01:00', true],
        [
          'run-device:42',
          'manual',
          '17 2-23/3 * * *',
          'at minute 17 past every 3rd hour from 2 through 23',
          true,
        ],
      ],
    );
    const fixedNow = ctx.now();
    assert.ok(tasks.every((t) => Date.parse(t.nextRun) > fixedNow.getTime()));
    assert.equal(tasks[1]?.log, path.join(ctx.config.publicDir, 'tasks', '42', '42.log'));
    assert.match(tasks[1]?.command ?? '', /run-device 42 >> /);
  });

  test('an entry missing from the installed crontab block is listed as not enabled', async () => {
    const { ctx, cron } = await twoTasks();
    cron.text = cron.text.replace(/^.*# scflows:run-device:42 source=manual\n/m, '');
    ctx.out.length = 0;
    await listTasks({ json: true }, ctx, { crontab: cron });
    const tasks = JSON.parse(ctx.out.join('\n')) as TaskInfo[];
    assert.deepEqual(
      tasks.map((t) => t.enabled),
      [true, false],
    );
  });

  test('list-tasks prints a table by default, and a note when there are no tasks', async () => {
    const { ctx, cron } = await twoTasks();
    ctx.out.length = 0;
    await listTasks({ json: false }, ctx, { crontab: cron });
    assert.match(ctx.out[0] ?? '', /^NAME\s+SOURCE\s+SCHEDULE\s+NEXT RUN\s+ENABLED\s+WHEN\s+LOG$/);
    assert.match(
      ctx.out[2] ?? '',
      /^run-device:42\s+manual\s+17 2-23\/3 \* \* \*\s+\d{4}-\d\d-\d\d \d\d:\d\d [+-]\d\d:\d\d\s+yes\s+at minute 17/,
    );
    const empty = schedulerContext();
    await listTasks({ json: false }, empty, { crontab: memoryCrontab() });
    assert.deepEqual(empty.out, [`no scflows tasks in ${empty.config.publicDir}`]);
  });

  test('remove-task removes one entry; an unknown name is a UsageError naming it and changes nothing', async () => {
    const { ctx, cron } = await twoTasks();
    await removeTask({ name: 'run-device:42' }, ctx, { crontab: cron });
    assert.deepEqual(
      (await tabfile(ctx)).map((e) => e.name),
      ['schedule-devices'],
    );
    const before = cron.text;
    const tab = readFileSync(taskPaths(ctx.config.publicDir).tabfile, 'utf8');
    await assert.rejects(removeTask({ name: 'run-device:43' }, ctx, { crontab: cron }), (error: unknown) => {
      assert.ok(error instanceof UsageError);
      assert.equal(error.code, 'E_UNKNOWN_TASK');
      assert.equal(error.message, 'unknown task "run-device:43" (list-tasks shows the task names)');
      return true;
    });
    assert.equal(cron.text, before);
    assert.equal(readFileSync(taskPaths(ctx.config.publicDir).tabfile, 'utf8'), tab);
  });

  test('clear-tasks removes every scflows entry and the block; other lines stay', async () => {
    const { ctx, cron } = await twoTasks();
    await clearTasks({ plan: false }, ctx, { crontab: cron });
    assert.equal(cron.text, '0 5 * * * foreign\n');
    assert.deepEqual(await tabfile(ctx), []);
    assert.equal(ctx.out.at(-1), 'removed 2 tasks');
  });

  test('clear-tasks --plan shows the block going away and changes nothing', async () => {
    const { ctx, cron } = await twoTasks();
    const before = cron.text;
    ctx.out.length = 0;
    await clearTasks({ plan: true }, ctx, { crontab: cron });
    assert.equal(ctx.out[2], `-# BEGIN scflows ${ctx.config.publicDir}`);
    assert.equal(ctx.out.length, 2 + 4);
    assert.equal(cron.text, before);
    assert.equal((await tabfile(ctx)).length, 2);
  });
});

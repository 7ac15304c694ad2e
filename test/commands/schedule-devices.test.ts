// schedule-devices in process against the real stand-in API (src/devapi) and an in-memory crontab port:
// search paging, every §3.4 case, hardware-document failures, one fetch per distinct document, and search
// failures that must change nothing.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createApiClient } from '../../src/api/client.js';
import { scheduleDevices } from '../../src/commands/schedule-devices.js';
import { taskPaths } from '../../src/crontab/paths.js';
import { readTabfile, updateTasks } from '../../src/crontab/task-store.js';
import { type DevApi, startDevApi } from '../../src/devapi/index.js';
import { ApiError } from '../../src/errors.js';
import { deviceEntry } from '../../src/schedule/entries.js';
import { memoryCrontab } from '../helpers/memory-crontab.js';
import { schedulerContext, type TestContext } from '../helpers/scheduler-context.js';
import { schedulerDevice } from '../helpers/scheduler-devices.js';
import { fixturesDir, upstreamDataDir } from '../helpers/shared.js';
import { startStatusServer, unreachableUrl } from '../helpers/status-server.js';

let api: DevApi;

before(async () => {
  api = await startDevApi({ devices: 0, upstreamDataDir });
});
after(async () => api.close());
beforeEach(() => {
  for (const id of api.store.deviceIds()) api.store.deleteDevice(id);
  api.store.clearDataDocument();
  api.store.clearLogs();
  api.store.setFaults({ rate5xx: 0 });
});

function context(vars: Record<string, string> = {}): TestContext {
  return schedulerContext({
    SC_API_URL: api.apiUrl,
    SC_DATA_URL: api.dataUrl,
    SC_BEARER: api.adminToken,
    ...vars,
  });
}

async function schedule(ctx: TestContext, cron = memoryCrontab(), intervalHours = 3) {
  const code = await scheduleDevices({ intervalHours, dryRun: false, queue: false, plan: false }, ctx, {
    api: createApiClient(ctx.config),
    crontab: cron,
  });
  const entries = await readTabfile(taskPaths(ctx.config.publicDir).tabfile);
  return { code, cron, entries, names: entries.map((e) => e.name) };
}

const requests = (prefix: string) => api.store.requestLog.filter((r) => r.path.startsWith(prefix));

describe('schedule-devices: the search', () => {
  test('one page: every device of the fixture world is decided as spec §3.4 says', async () => {
    const fixtureApi = await startDevApi({ devices: 0, upstreamDataDir, fixturesDir });
    try {
      const ctx = schedulerContext({
        SC_API_URL: fixtureApi.apiUrl,
        SC_DATA_URL: fixtureApi.dataUrl,
        SC_BEARER: fixtureApi.adminToken,
      });
      const cron = memoryCrontab();
      await scheduleDevices({ intervalHours: 3, dryRun: false, queue: false, plan: false }, ctx, {
        api: createApiClient(ctx.config),
        crontab: cron,
      });
      const entries = await readTabfile(taskPaths(ctx.config.publicDir).tabfile);
      assert.deepEqual(
        entries.map((e) => e.name),
        ['run-device:90101'],
      );
      assert.ok(
        ctx.out.some((line) =>
          /^device 90105: no valid postprocessing, entry left untouched \(hardware document GET .*SCAS210001\.json\.json answered HTTP 404\)$/.test(
            line,
          ),
        ),
      );
      assert.match(
        ctx.out.at(-1) ?? '',
        /4 devices found; 1 scheduled \(1 added, 0 rescheduled, 0 updated, 0 unchanged\), 0 removed, 2 without entry, 1 invalid/,
      );
      assert.equal(fixtureApi.store.requestLog.filter((r) => r.path === '/v0/devices/').length, 1);
    } finally {
      await fixtureApi.close();
    }
  });

  test('two pages are followed through Link rel="next"', async () => {
    for (const id of [1, 2, 3]) api.store.putDevice(schedulerDevice(id));
    const { names } = await schedule(context({ SCFLOWS_SEARCH_PER_PAGE: '2' }));
    assert.deepEqual(names, ['run-device:1', 'run-device:2', 'run-device:3']);
    assert.equal(requests('/v0/devices/').length, 2);
  });

  test('many pages (25 devices, 1 per page) are all followed', async () => {
    for (let id = 1; id <= 25; id += 1) api.store.putDevice(schedulerDevice(id));
    const { names } = await schedule(context({ SCFLOWS_SEARCH_PER_PAGE: '1' }));
    assert.equal(names.length, 25);
    assert.equal(requests('/v0/devices/').length, 25);
  });

  test('an empty result ([]) is no devices: api entries are removed, nothing crashes', async () => {
    api.store.putDevice(schedulerDevice(1));
    const ctx = context();
    const first = await schedule(ctx);
    assert.deepEqual(first.names, ['run-device:1']);
    api.store.deleteDevice(1);
    const second = await schedule(ctx, first.cron);
    assert.deepEqual(second.names, []);
    assert.ok(ctx.out.includes('device 1: entry removed (no longer returned by the search)'));
    assert.ok(!second.cron.text.includes('# BEGIN scflows'));
  });
});

describe('schedule-devices: each device (spec §3.4)', () => {
  test('scheduled, "no readings yet", "nothing to process", equal instants, invalid: each gets its outcome', async () => {
    const ctx = context();
    // Give every device an entry first, so that removals and "untouched" are visible.
    for (const id of [1, 2, 3, 4, 5]) api.store.putDevice(schedulerDevice(id));
    const first = await schedule(ctx);
    assert.equal(first.names.length, 5);
    api.store.putDevice(schedulerDevice(2, { last: null, latest: null }));
    api.store.putDevice(schedulerDevice(3, { last: '2025-03-08T17:42:11Z', latest: '2025-03-08T17:43:11Z' }));
    api.store.putDevice(schedulerDevice(4, { last: '2025-03-08T17:42:11Z', latest: '2025-03-08T17:42:11Z' }));
    api.store.putDevice(schedulerDevice(5, { hardware: 'SCAS210001.json', last: null }));
    const second = await schedule(ctx, first.cron);
    assert.deepEqual(second.names, ['run-device:1', 'run-device:4', 'run-device:5']);
    const byName = new Map(first.entries.map((e) => [e.name, e]));
    assert.deepEqual(
      second.entries.find((e) => e.name === 'run-device:5'),
      byName.get('run-device:5'),
    );
    assert.ok(ctx.out.includes('device 2: entry removed (no readings yet)'));
    assert.ok(ctx.out.includes('device 3: entry removed (nothing to process)'));
  });

  test('a device with an empty or null hardware_url is invalid and gets no entry', async () => {
    api.store.putDevice(schedulerDevice(1, { hardware: '' }));
    api.store.putDevice(schedulerDevice(2, { hardware: null }));
    const ctx = context();
    const { names } = await schedule(ctx);
    assert.deepEqual(names, []);
    assert.ok(
      ctx.out.includes(
        'device 1: no valid postprocessing, entry left untouched (postprocessing has no hardware_url)',
      ),
    );
  });

  test('a manual entry of a device the API says to remove stays untouched', async () => {
    const ctx = context();
    const cron = memoryCrontab();
    const manual = deviceEntry(ctx.config, 7, 'manual', '5 4 * * *', { dryRun: false, queue: false });
    await updateTasks(ctx.config, cron, { plan: false }, () => ({ entries: [manual], result: undefined }));
    api.store.putDevice(schedulerDevice(7, { last: null }));
    const { entries } = await schedule(ctx, cron);
    assert.deepEqual(entries, [manual]);
  });

  test('a second run with the same devices changes neither tabfile nor crontab', async () => {
    for (const id of [1, 2, 3]) api.store.putDevice(schedulerDevice(id));
    const ctx = context();
    const first = await schedule(ctx);
    const second = await schedule(ctx, first.cron);
    assert.deepEqual(second.entries, first.entries);
    assert.equal(second.cron.writes.length, 1);
  });
});

describe('schedule-devices: hardware documents (spec §6.3)', () => {
  const broken: [string, (path: string) => void][] = [
    ['answers 404', (p) => api.store.failDataDocument(p, 404)],
    ['answers 500', (p) => api.store.failDataDocument(p, 500)],
    ['is not JSON', (p) => api.store.setDataDocument(p, '<html>oops</html>')],
    ['is a JSON list, not an object', (p) => api.store.setDataDocument(p, '[1, 2]')],
    ['has a number as blueprint_url', (p) => api.store.setDataDocument(p, '{"blueprint_url": 5}')],
    ['has a string as versions', (p) => api.store.setDataDocument(p, '{"versions": "all"}')],
    ['has an object as description', (p) => api.store.setDataDocument(p, '{"description": {}}')],
    ['has a list as forwarding', (p) => api.store.setDataDocument(p, '{"forwarding": []}')],
  ];
  for (const [what, breakIt] of broken) {
    test(`a hardware document that ${what} makes the device invalid: its existing entry stays as it was`, async () => {
      api.store.putDevice(schedulerDevice(1, { hardware: 'SCASTEST01' }));
      api.store.setDataDocument(
        'hardware/SCASTEST01.json',
        '{"blueprint_url": null, "versions": [{"ids": {}}]}',
      );
      const ctx = context();
      const first = await schedule(ctx);
      assert.deepEqual(first.names, ['run-device:1']);
      breakIt('hardware/SCASTEST01.json');
      api.store.putDevice(schedulerDevice(1, { hardware: 'SCASTEST01', last: null }));
      const second = await schedule(ctx, first.cron);
      assert.deepEqual(second.entries, first.entries);
      assert.match(
        ctx.out.find((l) => l.startsWith('device 1: no valid')) ?? '',
        /hardware document .*SCASTEST01\.json/,
      );
    });
  }

  test('a hardware object with unknown keys and missing known keys is valid', async () => {
    api.store.putDevice(schedulerDevice(1, { hardware: 'SCASTEST02' }));
    api.store.setDataDocument('hardware/SCASTEST02.json', '{"comment": 1, "extra": [1]}');
    assert.deepEqual((await schedule(context())).names, ['run-device:1']);
  });

  test('each distinct hardware document is fetched once per run, however many devices use it', async () => {
    for (let id = 1; id <= 12; id += 1) {
      const hardware =
        id % 3 === 0
          ? 'SCAS220116'
          : id % 3 === 1
            ? 'SCAS230001'
            : 'https://raw.githubusercontent.com/fablabbcn/smartcitizen-data/master/hardware/SCAS230001.json';
      api.store.putDevice(schedulerDevice(id, { hardware }));
    }
    api.store.putDevice(schedulerDevice(13, { hardware: 'NOPE' }));
    api.store.putDevice(schedulerDevice(14, { hardware: 'NOPE' }));
    const { names } = await schedule(context());
    assert.equal(names.length, 12);
    const fetched = requests('/data/hardware/')
      .map((r) => r.path)
      .sort();
    assert.deepEqual(fetched, [
      '/data/hardware/NOPE.json',
      '/data/hardware/SCAS220116.json',
      '/data/hardware/SCAS230001.json',
    ]);
  });
});

describe('schedule-devices: a failing search changes nothing', () => {
  async function assertNothingChanged(ctx: TestContext, expectedCode: string, status?: number) {
    const cron = memoryCrontab('0 5 * * * foreign\n');
    await assert.rejects(
      scheduleDevices({ intervalHours: 3, dryRun: false, queue: false, plan: false }, ctx, {
        api: createApiClient(ctx.config),
        crontab: cron,
      }),
      (error: unknown) => {
        assert.ok(error instanceof ApiError, String(error));
        assert.equal(error.exitCode, 4);
        assert.equal(error.code, expectedCode);
        if (status !== undefined) assert.equal(error.status, status);
        assert.ok(!error.message.includes(api.adminToken));
        return true;
      },
    );
    assert.equal(cron.writes.length, 0);
    assert.equal(existsSync(ctx.config.publicDir), false);
  }

  for (const status of [401, 403, 500, 503]) {
    test(`an HTTP ${status} search is an ApiError and nothing is written`, async () => {
      const server = await startStatusServer(status);
      try {
        await assertNothingChanged(
          context({ SC_API_URL: `${server.url}/v0` }),
          status < 500 ? 'E_API_AUTH' : 'E_API_SERVER',
          status,
        );
      } finally {
        await server.close();
      }
    });
  }

  test('a 5xx injected by the stand-in also changes nothing', async () => {
    for (const id of [1, 2, 3]) api.store.putDevice(schedulerDevice(id));
    api.store.setFaults({ rate5xx: 1, paths: ['/v0/devices/'] });
    await assertNothingChanged(context(), 'E_API_SERVER');
  });

  test('an unreachable API is an ApiError (E_API_UNREACHABLE) and nothing is written', async () => {
    await assertNothingChanged(context({ SC_API_URL: `${await unreachableUrl()}/v0` }), 'E_API_UNREACHABLE');
  });
});

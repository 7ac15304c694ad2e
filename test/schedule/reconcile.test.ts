import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CommandConfig } from '../../src/crontab/command.js';
import { parseCommand } from '../../src/crontab/command.js';
import type { TaskEntry } from '../../src/crontab/entry.js';
import type { DeviceDecision } from '../../src/schedule/decide.js';
import { deviceEntry, schedulerEntry } from '../../src/schedule/entries.js';
import { type DeviceInput, reconcile } from '../../src/schedule/reconcile.js';

const config: CommandConfig = {
  projectDir: '/srv/scflows',
  publicDir: '/srv/scflows/public',
  envFile: '/srv/scflows/.env',
  nodePath: '/usr/bin/node',
  explicitPaths: { publicDir: false, envFile: false },
};
const flags = { dryRun: false, queue: false };
const schedule: DeviceDecision = { kind: 'schedule' };
const devices = (ids: number[], decision: DeviceDecision = schedule): DeviceInput[] =>
  ids.map((id) => ({ id, decision }));
const run = (entries: readonly TaskEntry[], input: DeviceInput[], intervalHours = 3, f = flags) =>
  reconcile({ entries, devices: input, intervalHours, flags: f, config });
const byName = (entries: readonly TaskEntry[]) => new Map(entries.map((e) => [e.name, e]));

describe('reconcile (schedule-devices, pure)', () => {
  test('a device to schedule gets an api entry running run-device every H hours', () => {
    const { entries, devices: results } = run([], devices([90101]));
    assert.equal(entries.length, 1);
    const [entry] = entries;
    assert.equal(entry?.name, 'run-device:90101');
    assert.equal(entry?.source, 'api');
    assert.match(entry?.schedule ?? '', /^\d+ [0-2]-23\/3 \* \* \*$/);
    assert.deepEqual(parseCommand(entry?.command ?? '')?.args, ['run-device', '90101']);
    assert.equal(results[0]?.outcome, 'added');
  });

  test('--dry-run and --queue are carried by the scheduled command', () => {
    const { entries } = run([], devices([7]), 3, { dryRun: true, queue: true });
    assert.deepEqual(parseCommand(entries[0]?.command ?? '')?.args, [
      'run-device',
      '7',
      '--dry-run',
      '--queue',
    ]);
  });

  test('re-running with the same devices changes nothing (idempotent)', () => {
    const first = run([], devices([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).entries;
    const second = run(first, devices([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    assert.deepEqual(second.entries, first);
    assert.ok(second.devices.every((d) => d.outcome === 'unchanged'));
  });

  test('adding one device moves no other device', () => {
    const ids = Array.from({ length: 200 }, (_, i) => 1000 + i);
    const first = run([], devices(ids)).entries;
    const second = run(first, devices([...ids, 5000])).entries;
    const before = byName(first);
    for (const entry of second) {
      if (entry.name !== 'run-device:5000')
        assert.equal(entry.schedule, before.get(entry.name)?.schedule, entry.name);
    }
    assert.equal(second.length, 201);
  });

  test('changing H re-places every api device with the new interval; the same H again keeps them', () => {
    const first = run([], devices([1, 2, 3])).entries;
    const six = run(first, devices([1, 2, 3]), 6);
    assert.ok(six.entries.every((e) => / [0-5]-23\/6 /.test(e.schedule)));
    assert.ok(six.devices.every((d) => d.outcome === 'moved'));
    assert.deepEqual(run(six.entries, devices([1, 2, 3]), 6).entries, six.entries);
  });

  test('changing the flags re-renders the command of the device and keeps its schedule', () => {
    const first = run([], devices([1])).entries;
    const dry = run(first, devices([1]), 3, { dryRun: true, queue: false });
    assert.deepEqual(parseCommand(dry.entries[0]?.command ?? '')?.args, ['run-device', '1', '--dry-run']);
    assert.equal(dry.entries[0]?.schedule, first[0]?.schedule);
    assert.equal(dry.devices[0]?.outcome, 'updated');
  });

  test('"no readings yet" and "nothing to process" remove the device entry', () => {
    const first = run([], devices([1, 2, 3])).entries;
    const next = run(first, [
      { id: 1, decision: { kind: 'remove', reason: 'no readings yet' } },
      { id: 2, decision: { kind: 'remove', reason: 'nothing to process' } },
      { id: 3, decision: schedule },
    ]);
    assert.deepEqual(
      next.entries.map((e) => e.name),
      ['run-device:3'],
    );
    assert.deepEqual(
      next.devices.map((d) => d.outcome),
      ['removed', 'removed', 'unchanged'],
    );
  });

  test('a device to remove that has no entry stays without one', () => {
    const next = run([], [{ id: 4, decision: { kind: 'remove', reason: 'no readings yet' } }]);
    assert.deepEqual(next.entries, []);
    assert.equal(next.devices[0]?.outcome, 'absent');
  });

  test('invalid postprocessing leaves an existing entry exactly as it was, and creates none', () => {
    const first = run([], devices([1])).entries;
    const invalid: DeviceDecision = { kind: 'invalid', reason: 'hardware document answered HTTP 404' };
    const next = run(first, [...devices([1], invalid), ...devices([2], invalid)]);
    assert.deepEqual(next.entries, first);
    assert.deepEqual(
      next.devices.map((d) => d.outcome),
      ['invalid', 'invalid'],
    );
  });

  test('devices the search no longer returns lose their api entry', () => {
    const first = run([], devices([1, 2, 3])).entries;
    const next = run(first, devices([2]));
    assert.deepEqual(
      next.entries.map((e) => e.name),
      ['run-device:2'],
    );
    assert.deepEqual(next.dropped, [1, 3]);
  });

  test('an empty search result removes every api entry', () => {
    const first = run([], devices([1, 2])).entries;
    assert.deepEqual(run(first, []).entries, []);
  });

  test('manual and scheduler entries are never touched, whatever the search says', () => {
    const manual = deviceEntry(config, 1, 'manual', '5 4 * * *', flags);
    const gone = deviceEntry(config, 9, 'manual', '6 4 * * *', flags);
    const scheduler = schedulerEntry(config, '0 1 * * *', 3, flags);
    const next = run(
      [manual, gone, scheduler],
      [
        { id: 1, decision: { kind: 'remove', reason: 'no readings yet' } },
        { id: 2, decision: schedule },
      ],
    );
    const names = byName(next.entries);
    assert.deepEqual(names.get('run-device:1'), manual);
    assert.deepEqual(names.get('run-device:9'), gone);
    assert.deepEqual(names.get('schedule-devices'), scheduler);
    assert.equal(next.devices[0]?.outcome, 'manual');
    assert.deepEqual(next.dropped, []);
  });

  test('an api entry whose schedule is not an every-H-hours form is re-placed', () => {
    const odd = deviceEntry(config, 1, 'api', '*/5 * * * *', flags);
    const next = run([odd], devices([1]));
    assert.match(next.entries[0]?.schedule ?? '', /-23\/3/);
    assert.equal(next.devices[0]?.outcome, 'moved');
  });

  test('new devices are placed around the load of existing manual entries', () => {
    // A manual entry firing at every minute of hours 0-2 except :30 leaves :30 as the only free minute.
    const manual = deviceEntry(config, 100, 'manual', '0-29,31-59 * * * *', flags);
    const next = run([manual], devices([1]));
    assert.equal(byName(next.entries).get('run-device:1')?.schedule.split(' ')[0], '30');
  });
});

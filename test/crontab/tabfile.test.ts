import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TaskEntry } from '../../src/crontab/entry.js';
import { parseTabfile, renderEntryLine, renderTabfile } from '../../src/crontab/tabfile.js';
import { LocalFileError } from '../../src/errors.js';

const entries: TaskEntry[] = [
  {
    name: 'schedule-devices',
    source: 'scheduler',
    schedule: '34 1 * * *',
    command:
      "cd '/srv/sc' && '/usr/bin/node' '/srv/sc/bin/scflows' schedule-devices --interval-hours 3 >> '/srv/sc/public/tasks/scheduler.log' 2>&1",
  },
  {
    name: 'run-device:90101',
    source: 'api',
    schedule: '17 2-23/3 * * *',
    command:
      "cd '/srv/sc' && '/usr/bin/node' '/srv/sc/bin/scflows' run-device 90101 >> '/srv/sc/public/tasks/90101/90101.log' 2>&1",
  },
  {
    name: 'run-device:90102',
    source: 'manual',
    schedule: '@daily',
    command:
      "cd '/srv/50% o'\\''clock' && '/usr/bin/node' '/srv/50% o'\\''clock/bin/scflows' run-device 90102 --dry-run --queue >> '/x/90102.log' 2>&1",
  },
];

describe('the tabfile', () => {
  test('render then parse gives the same entries back (round trip)', () => {
    const text = renderTabfile(entries, '/srv/sc/public');
    assert.deepEqual(parseTabfile(text, 'tabfile.tab'), entries);
  });

  test('is a crontab fragment: header comments, then one line per entry ending in the scflows marker', () => {
    const lines = renderTabfile(entries, '/srv/sc/public').trimEnd().split('\n');
    assert.ok(lines[0]?.startsWith('# scflows tasks of /srv/sc/public'));
    const entryLines = lines.filter((line) => !line.startsWith('#'));
    assert.equal(entryLines.length, 3);
    assert.match(entryLines[0] ?? '', / # scflows:schedule-devices source=scheduler$/);
    assert.match(entryLines[1] ?? '', /^17 2-23\/3 \* \* \* cd .* # scflows:run-device:90101 source=api$/);
  });

  test('% is escaped as \\% (cron would turn it into a newline) and unescaped when parsed', () => {
    const line = renderEntryLine(entries[2]!);
    assert.ok(line.includes(String.raw`'/srv/50\% o'\''clock'`));
    assert.ok(!/[^\\]%/.test(line));
  });

  test('entries are sorted: the scheduler first, then devices by numeric id', () => {
    const shuffled = [entries[2]!, entries[1]!, entries[0]!, { ...entries[1]!, name: 'run-device:9' }];
    const names = parseTabfile(renderTabfile(shuffled, '/p'), 't').map((e) => e.name);
    assert.deepEqual(names, ['schedule-devices', 'run-device:9', 'run-device:90101', 'run-device:90102']);
  });

  test('blank and comment lines are ignored', () => {
    const text = `# a comment\n\n${renderEntryLine(entries[1]!)}\n   \n`;
    assert.deepEqual(parseTabfile(text, 't'), [entries[1]]);
  });

  const corrupt: [string, string, RegExp][] = [
    [
      'a line without the marker',
      '0 * * * * /bin/true',
      /line 2: no "# scflows:<task> source=<source>" marker/,
    ],
    [
      'an unknown task name',
      "0 * * * * cd '/x' # scflows:backup source=api",
      /line 2: unknown task name "backup"/,
    ],
    [
      'an unknown source',
      "0 * * * * cd '/x' # scflows:run-device:1 source=cron",
      /line 2: unknown source "cron"/,
    ],
    [
      'a bad schedule',
      "0 0 L * * cd '/x' # scflows:run-device:1 source=api",
      /line 2: invalid cron expression "0 0 L \* \*"/,
    ],
    ['a missing command', '0 * * * * # scflows:run-device:1 source=api', /line 2: no schedule and command/],
  ];
  for (const [what, line, message] of corrupt) {
    test(`${what} makes the tabfile corrupt (E_TABFILE_CORRUPT naming file and line)`, () => {
      assert.throws(
        () => parseTabfile(`# header\n${line}\n`, '/srv/sc/public/tasks/tabfile.tab'),
        (error: unknown) => {
          assert.ok(error instanceof LocalFileError);
          assert.equal(error.code, 'E_TABFILE_CORRUPT');
          assert.equal(error.exitCode, 6);
          assert.match(
            error.message,
            /^tabfile "\/srv\/sc\/public\/tasks\/tabfile.tab" is corrupt at line 2: /,
          );
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }

  test('a task that appears twice makes the tabfile corrupt', () => {
    const line = renderEntryLine(entries[1]!);
    assert.throws(
      () => parseTabfile(`${line}\n${line}\n`, 't'),
      /line 2: task "run-device:90101" already appears at line 1/,
    );
  });
});

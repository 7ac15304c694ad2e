// The tabfile (public/tasks/tabfile.tab): scflows' crontab fragment, one entry per line, each ending in
// ` # scflows:<task-name> source=<api|manual|scheduler>`. Pure render/parse; parse(render(x)) = x.
import { LocalFileError } from '../errors.js';
import { parseCronExpression } from '../schedule/cron-expression.js';
import { compareEntries, isTaskName, TASK_SOURCES, type TaskEntry, type TaskSource } from './entry.js';

/** cron refuses longer lines (its MAX_COMMAND is 1000 including the schedule). */
export const MAX_LINE = 999;

const MARKER = / # scflows:(\S+) source=(\S+)$/;
const HEAD = /^(@\S+|\S+[ \t]+\S+[ \t]+\S+[ \t]+\S+[ \t]+\S+)[ \t]+(\S.*)$/;

/** The crontab line of an entry (`%` escaped as `\%`, which cron turns back into `%`). */
export function renderEntryLine(entry: TaskEntry): string {
  return `${entry.schedule} ${entry.command.replaceAll('%', String.raw`\%`)} # scflows:${entry.name} source=${entry.source}`;
}

/** The tabfile text: header comment plus one line per entry (sorted). */
export function renderTabfile(entries: readonly TaskEntry[], publicDir: string): string {
  const header = [
    `# scflows tasks of ${publicDir.replace(/[\r\n]/g, ' ')}`,
    '# Written by scflows (schedule-devices, auto-schedule, manual-schedule, remove-task, clear-tasks): do not edit.',
    '# Installed in the user crontab between "# BEGIN scflows <public dir>" and "# END scflows <public dir>".',
  ];
  return `${[...header, ...[...entries].sort(compareEntries).map(renderEntryLine)].join('\n')}\n`;
}

/** Parse one entry line; undefined when it is not a well-formed scflows entry. */
export function parseEntryLine(line: string): TaskEntry | { problem: string } {
  const marker = MARKER.exec(line);
  if (!marker) return { problem: 'no "# scflows:<task> source=<source>" marker at the end' };
  const [, name = '', source = ''] = marker;
  if (!isTaskName(name)) return { problem: `unknown task name "${name}"` };
  if (!TASK_SOURCES.includes(source as TaskSource)) return { problem: `unknown source "${source}"` };
  const head = HEAD.exec(line.slice(0, marker.index));
  if (!head) return { problem: 'no schedule and command before the marker' };
  const [, scheduleText = '', commandText = ''] = head;
  try {
    parseCronExpression(scheduleText);
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
  return {
    name,
    source: source as TaskSource,
    schedule: scheduleText.split(/[ \t]+/).join(' '),
    command: commandText.replaceAll(String.raw`\%`, '%'),
  };
}

/** Parse a tabfile; a line that is neither blank, a comment nor an entry makes it corrupt (E_TABFILE_CORRUPT). */
export function parseTabfile(text: string, file: string): TaskEntry[] {
  const entries: TaskEntry[] = [];
  const seen = new Map<string, number>();
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    const corrupt = (problem: string) =>
      new LocalFileError(
        `tabfile "${file}" is corrupt at line ${lineNo}: ${problem} (fix or remove the line; scflows will not overwrite it)`,
        'E_TABFILE_CORRUPT',
      );
    if (line.trim() === '' || line.startsWith('#')) return;
    const entry = parseEntryLine(line);
    if ('problem' in entry) throw corrupt(entry.problem);
    const previous = seen.get(entry.name);
    if (previous !== undefined) throw corrupt(`task "${entry.name}" already appears at line ${previous}`);
    seen.set(entry.name, lineNo);
    entries.push(entry);
  });
  return entries;
}

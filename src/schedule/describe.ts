// A plain-English description of a parsed cron schedule, in the style of crontab.guru:
// "at minute 17 past every 3rd hour from 2 through 23", "at 04:30 on Monday through Friday".
import type { CronField, CronItem, CronSchedule } from './cron-expression.js';

const MONTHS = [
  '',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

interface Unit {
  /** Word used with steps and ranges ("every 3rd hour from 2 through 23"). */
  word: string;
  /** How a single value reads ("minute 5", "Monday"). */
  value: (v: number) => string;
  /** Whether a plain range reads "every hour from 2 through 5" (numbers) or "Monday through Friday" (names). */
  numeric: boolean;
}

const MINUTE: Unit = { word: 'minute', value: (v) => `minute ${v}`, numeric: true };
const HOUR: Unit = { word: 'hour', value: (v) => `hour ${v}`, numeric: true };
const DOM: Unit = { word: 'day-of-month', value: (v) => `day-of-month ${v}`, numeric: true };
const MONTH: Unit = { word: 'month', value: (v) => MONTHS[v] ?? String(v), numeric: false };
const DOW: Unit = { word: 'day-of-week', value: (v) => DAYS[v] ?? String(v), numeric: false };

/** Describe when a schedule fires, e.g. "at minute 17 past every 3rd hour from 2 through 23". */
export function describeSchedule(schedule: CronSchedule): string {
  const { minute, hour, dayOfMonth, month, dayOfWeek } = schedule;
  const parts: string[] = [];
  const m = single(minute);
  const h = single(hour);
  if (m !== undefined && h !== undefined) {
    parts.push(`at ${pad(h)}:${pad(m)}`);
  } else {
    parts.push(`${allSingles(minute) ? 'at ' : ''}${describeField(minute, MINUTE)}`);
    if (!isEvery(hour)) parts.push(`past ${describeField(hour, HOUR)}`);
  }
  const domSet = !isEvery(dayOfMonth);
  const dowSet = !isEvery(dayOfWeek);
  const dom = `on ${describeField(dayOfMonth, DOM)}`;
  const dow = `on ${describeField(dayOfWeek, DOW)}`;
  if (domSet && dowSet) {
    // Cron fires when either day field matches, unless one of them starts with "*" (then both must).
    const either = !dayOfMonth.text.startsWith('*') && !dayOfWeek.text.startsWith('*');
    parts.push(`${dom} ${either ? 'or' : 'and'} ${dow}`);
  } else if (domSet) {
    parts.push(dom);
  } else if (dowSet) {
    parts.push(dow);
  }
  if (!isEvery(month)) parts.push(`in ${describeField(month, MONTH)}`);
  return parts.join(' ');
}

function allSingles(field: CronField): boolean {
  return field.items.every((item) => !item.star && item.start === item.end);
}

function describeField(field: CronField, unit: Unit): string {
  if (allSingles(field)) {
    const values = field.items.map((item) => item.start);
    if (unit.numeric) return `${unit.word} ${joinAnd(values.map(String))}`;
    return joinAnd(values.map(unit.value));
  }
  return joinAnd(field.items.map((item) => describeItem(item, unit)));
}

function describeItem(item: CronItem, unit: Unit): string {
  const every = item.step === 1 ? `every ${unit.word}` : `every ${ordinal(item.step)} ${unit.word}`;
  if (item.star) return every;
  if (item.start === item.end) return unit.value(item.start);
  const name = unit.numeric ? String : unit.value;
  const range = `${name(item.start)} through ${name(item.end)}`;
  if (item.step === 1 && !unit.numeric) return range;
  return `${every} from ${range}`;
}

function isEvery(field: CronField): boolean {
  const [first] = field.items;
  return field.items.length === 1 && first !== undefined && first.star && first.step === 1;
}

function single(field: CronField): number | undefined {
  const [first] = field.items;
  return field.items.length === 1 && first !== undefined && !first.star && first.start === first.end
    ? first.start
    : undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// The 5-field cron syntax Debian cron accepts, validated strictly (cron-parser is looser: it takes L, W, #,
// ? and seconds). Parsing expands every field to its set of values, which the describer, the load
// balancer and the next-run computation use.
import { UsageError } from '../errors.js';

export interface CronItem {
  /** `*` or a range a-b (a single value is a-a); values already numeric. */
  start: number;
  end: number;
  star: boolean;
  step: number;
}

export interface CronField {
  readonly name: FieldName;
  readonly text: string;
  readonly items: readonly CronItem[];
  readonly values: ReadonlySet<number>;
}

export type FieldName = 'minute' | 'hour' | 'day-of-month' | 'month' | 'day-of-week';

export interface CronSchedule {
  /** The expression as it goes into the crontab (fields separated by one space). */
  readonly expression: string;
  /** The equivalent numeric 5-field form (keywords and names expanded), for cron-parser. */
  readonly numeric: string;
  readonly minute: CronField;
  readonly hour: CronField;
  readonly dayOfMonth: CronField;
  readonly month: CronField;
  readonly dayOfWeek: CronField;
}

const KEYWORDS: Readonly<Record<string, string>> = {
  '@hourly': '0 * * * *',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@weekly': '0 0 * * 0',
  '@monthly': '0 0 1 * *',
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface FieldSpec {
  name: FieldName;
  min: number;
  max: number;
  names?: readonly string[];
  /** Value of the first name (jan = 1, sun = 0). */
  nameBase?: number;
}

const SPECS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS, nameBase: 1 },
  { name: 'day-of-week', min: 0, max: 7, names: DAYS, nameBase: 0 },
];

class FieldProblem extends Error {}

/** Validate a cron expression (5 fields or an @keyword) and expand it; throws UsageError quoting the input. */
export function parseCronExpression(input: string): CronSchedule {
  const fail = (why: string): never => {
    throw new UsageError(`invalid cron expression "${input}": ${why}`, 'E_BAD_CRON');
  };
  const text = input.trim();
  if (text === '') return fail('it is empty');
  if (text.startsWith('@')) {
    if (text === '@reboot') return fail('@reboot is not supported (an entry must run on a schedule)');
    const numeric = KEYWORDS[text];
    if (numeric === undefined || /\s/.test(text)) {
      return fail(`unknown keyword (use ${Object.keys(KEYWORDS).join(', ')} or 5 fields)`);
    }
    return build(text, numeric.split(' '), fail);
  }
  const parts = text.split(/\s+/);
  if (parts.length !== 5) {
    return fail(`expected 5 fields (minute hour day-of-month month day-of-week), got ${parts.length}`);
  }
  return build(parts.join(' '), parts, fail);
}

/** Whether `input` is a valid expression (no exception). */
export function isValidCronExpression(input: string): boolean {
  try {
    parseCronExpression(input);
    return true;
  } catch {
    return false;
  }
}

function build(expression: string, parts: readonly string[], fail: (why: string) => never): CronSchedule {
  const fields = SPECS.map((spec, i) => {
    const fieldText = parts[i] ?? '';
    try {
      return parseField(spec, fieldText);
    } catch (error) {
      if (!(error instanceof FieldProblem)) throw error;
      return fail(`${spec.name} field "${fieldText}": ${error.message}`);
    }
  }) as [CronField, CronField, CronField, CronField, CronField];
  const numeric = fields.map(numericField).join(' ');
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields;
  return { expression, numeric, minute, hour, dayOfMonth, month, dayOfWeek };
}

function parseField(spec: FieldSpec, text: string): CronField {
  const items = text.split(',').map((item) => parseItem(spec, item));
  const values = new Set<number>();
  for (const item of items) {
    for (let v = item.start; v <= item.end; v += item.step)
      values.add(spec.name === 'day-of-week' ? v % 7 : v);
  }
  return { name: spec.name, text, items, values };
}

function parseItem(spec: FieldSpec, item: string): CronItem {
  if (item === '') throw new FieldProblem('empty list item');
  const slash = item.split('/');
  if (slash.length > 2) throw new FieldProblem(`"${item}" has more than one step`);
  const [rangeText = '', stepText] = slash;
  let step = 1;
  if (stepText !== undefined) {
    const size = spec.max - spec.min + 1;
    if (!/^\d+$/.test(stepText)) throw new FieldProblem(`step "${stepText}" is not a number`);
    step = Number(stepText);
    if (step < 1 || step > size) throw new FieldProblem(`step ${step} is out of range 1-${size}`);
  }
  if (rangeText === '*') return { start: spec.min, end: spec.max === 7 ? 6 : spec.max, star: true, step };
  const bounds = rangeText.split('-');
  if (bounds.length > 2) throw new FieldProblem(`"${rangeText}" is not a value or a range a-b`);
  const start = parseValue(spec, bounds[0] ?? '');
  if (bounds.length === 1) {
    if (stepText !== undefined) throw new FieldProblem(`a step needs "*" or a range a-b before it`);
    return { start, end: start, star: false, step };
  }
  const end = parseValue(spec, bounds[1] ?? '');
  if (start > end) throw new FieldProblem(`range start ${start} is after its end ${end}`);
  return { start, end, star: false, step };
}

function parseValue(spec: FieldSpec, text: string): number {
  if (/^\d+$/.test(text)) {
    const value = Number(text);
    if (value < spec.min || value > spec.max) {
      throw new FieldProblem(`${value} is out of range ${spec.min}-${spec.max}`);
    }
    return value;
  }
  const index = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  if (spec.names && index >= 0) return index + (spec.nameBase ?? 0);
  if (text === '') throw new FieldProblem('a value is missing');
  const hint = /[LW#?]/i.test(text) ? ' (L, W, # and ? are not supported by cron)' : '';
  const names = spec.names ? ` or a name ${spec.names[0]}-${spec.names[spec.names.length - 1]}` : '';
  throw new FieldProblem(`"${text}" is not a number ${spec.min}-${spec.max}${names}${hint}`);
}

function numericField(field: CronField): string {
  return field.items
    .map((item) => {
      const range = item.star ? '*' : item.start === item.end ? `${item.start}` : `${item.start}-${item.end}`;
      return item.step === 1 ? range : `${range}/${item.step}`;
    })
    .join(',');
}

// poly_ts (spec §3.9): sum of coefficient * channel ^ exponent, plus an extra term.
import { MetricCrash } from '../status.js';
import { has } from './kwargs.js';
import type { MetricFunction } from './types.js';

const FN = 'poly_ts';

function numbers(value: unknown, key: string, count: number): readonly number[] {
  if (value === undefined || value === null) return new Array<number>(count).fill(1);
  if (Array.isArray(value) && value.length >= count && value.every((v) => typeof v === 'number')) {
    return value as number[];
  }
  throw new MetricCrash(`${FN}: kwarg '${key}' must list ${count} numbers, got ${JSON.stringify(value)}`);
}

/** Σ coefficients[i] · channels[i] ^ exponents[i] + extra_term; NaN where any term is NaN. */
export const polyTs: MetricFunction = (table, kwargs) => {
  if (!has(kwargs, 'channels')) return { status: 'ERROR_MISSING_INPUTS' };
  const names = kwargs.channels;
  if (!Array.isArray(names)) throw new MetricCrash(`${FN}: kwarg 'channels' must be a list of column names`);
  const columns: Float64Array[] = [];
  for (const name of names) {
    const column = typeof name === 'string' ? table.columns.get(name) : undefined;
    if (!column) return { status: 'ERROR_MISSING_CHANNEL' };
    columns.push(column);
  }
  const coefficients = numbers(kwargs.coefficients, 'coefficients', columns.length);
  const exponents = numbers(kwargs.exponents, 'exponents', columns.length);
  const extra = kwargs.extra_term ?? 0;
  if (typeof extra !== 'number') throw new MetricCrash(`${FN}: kwarg 'extra_term' must be a number`);
  const out = new Float64Array(table.index.length);
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c]!;
    const k = coefficients[c]!;
    const e = exponents[c]!;
    if (e === 1) for (let i = 0; i < out.length; i++) out[i] = out[i]! + k * column[i]!;
    else for (let i = 0; i < out.length; i++) out[i] = out[i]! + k * column[i]! ** e;
  }
  for (let i = 0; i < out.length; i++) out[i] = out[i]! + extra;
  return { status: 'SUCCESS', values: out };
};

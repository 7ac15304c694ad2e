// clean_ts (spec §3.7): drop values outside [lower, upper], then an optional trailing row-count mean.
import { MetricCrash } from '../status.js';
import { has } from './kwargs.js';
import type { MetricFunction } from './types.js';

const FN = 'clean_ts';

/** Values below `lower` or above `upper` become NaN (the limits themselves are kept). */
export function clipToNaN(values: Float64Array, lower: number, upper: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out[i] = v > upper || v < lower ? Number.NaN : v;
  }
  return out;
}

/** pandas `rolling(window).mean()`: mean of the last `window` rows, NaN unless all of them are numbers. */
export function rollingRowMean(values: Float64Array, window: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n).fill(Number.NaN);
  if (window <= 0) return out;
  let nanCount = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(values[i]!)) nanCount++;
    if (i >= window && Number.isNaN(values[i - window]!)) nanCount--;
    if (i < window - 1 || nanCount > 0) continue;
    let sum = 0;
    for (let j = i - window + 1; j <= i; j++) sum += values[j]!;
    out[i] = sum / window;
  }
  return out;
}

function limitsOf(value: unknown): readonly [number, number] {
  if (value === undefined || value === null) return [0, 99999];
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number')) {
    return [value[0] as number, value[1] as number];
  }
  throw new MetricCrash(`${FN}: kwarg 'limits' must be two numbers, got ${JSON.stringify(value)}`);
}

function windowOf(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw new MetricCrash(
    `${FN}: kwarg 'window' must be a non-negative integer (row count), got ${JSON.stringify(value)}`,
  );
}

/** Clean column `name` to `limits` (default [0, 99999]) and optionally average over `window` rows. */
export const cleanTs: MetricFunction = (table, kwargs) => {
  if (!has(kwargs, 'name')) return { status: 'ERROR_MISSING_INPUTS' };
  const name = kwargs.name;
  const column = typeof name === 'string' ? table.columns.get(name) : undefined;
  if (!column) return { status: 'ERROR_MISSING_CHANNEL' };
  const [lower, upper] = limitsOf(kwargs.limits);
  const window = windowOf(kwargs.window);
  if (kwargs.win_type !== undefined && kwargs.win_type !== null) {
    throw new MetricCrash(
      `${FN}: kwarg 'win_type' (${JSON.stringify(kwargs.win_type)}) is not supported by this port`,
    );
  }
  const clean = clipToNaN(column, lower, upper);
  return { status: 'SUCCESS', values: window === undefined ? clean : rollingRowMean(clean, window) };
};

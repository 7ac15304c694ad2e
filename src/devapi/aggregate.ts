// KairosDB-like rollups (spec §4.4): buckets aligned on the rollup unit in UTC, one value per bucket
// computed by the aggregate function, stamped with the time of the bucket's first raw point.
import type { RawPoint } from './types.js';

export type RollupUnit = 'y' | 'M' | 'w' | 'd' | 'h' | 'm' | 's' | 'ms';
export interface Rollup {
  readonly amount: number;
  readonly unit: RollupUnit;
}

export const FUNCTIONS = ['avg', 'max', 'min', 'sum', 'count', 'first', 'last', 'dev'] as const;
export type AggregateFunction = (typeof FUNCTIONS)[number];

const SECONDS: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };
const MONDAY_EPOCH = 4 * 86400; // 1970-01-05T00:00:00Z, the first Monday

/** `10m` → {amount 10, unit m}; undefined for anything else. */
export function parseRollup(text: string): Rollup | undefined {
  const m = /^(\d+)(ms|[yMwdhms])$/.exec(text.trim());
  if (!m || Number(m[1]) < 1) return undefined;
  return { amount: Number(m[1]), unit: m[2] as RollupUnit };
}

/** Duration of a rollup in seconds (months and years approximated, for relative windows). */
export function rollupSeconds(rollup: Rollup): number {
  if (rollup.unit === 'y') return rollup.amount * 365 * 86400;
  if (rollup.unit === 'M') return rollup.amount * 30 * 86400;
  if (rollup.unit === 'ms') return rollup.amount / 1000;
  return rollup.amount * (SECONDS[rollup.unit] ?? 1);
}

function bucketOf(rollup: Rollup, seconds: number): number {
  const { amount, unit } = rollup;
  if (unit === 'y' || unit === 'M') {
    const date = new Date(seconds * 1000);
    const months = (date.getUTCFullYear() - 1970) * 12 + date.getUTCMonth();
    return Math.floor((unit === 'y' ? Math.floor(months / 12) : months) / amount);
  }
  if (unit === 'ms') return Math.floor((seconds * 1000) / amount);
  if (unit === 'w') return Math.floor((seconds - MONDAY_EPOCH) / (amount * 604800));
  return Math.floor(seconds / (amount * (SECONDS[unit] ?? 1)));
}

function reduce(fn: AggregateFunction, values: readonly number[]): number | null {
  if (fn === 'count') return values.length;
  if (values.length === 0) return null;
  switch (fn) {
    case 'first':
      return values[0] ?? null;
    case 'last':
      return values[values.length - 1] ?? null;
    case 'max':
      return values.reduce((a, b) => Math.max(a, b));
    case 'min':
      return values.reduce((a, b) => Math.min(a, b));
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'dev': {
      if (values.length < 2) return 0;
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
    }
    default:
      return values.reduce((a, b) => a + b, 0) / values.length;
  }
}

/** Aggregate ascending raw points per bucket; the result is newest first. Null values are skipped. */
export function aggregate(
  points: readonly RawPoint[],
  rollup: Rollup,
  fn: AggregateFunction,
): [number, number | null][] {
  const out: [number, number | null][] = [];
  let bucket: number | undefined;
  let stamp = 0;
  let values: number[] = [];
  const flush = () => {
    if (bucket !== undefined) out.push([stamp, reduce(fn, values)]);
  };
  for (const [t, v] of points) {
    const b = bucketOf(rollup, t);
    if (b !== bucket) {
      flush();
      bucket = b;
      stamp = t;
      values = [];
    }
    if (v !== null) values.push(v);
  }
  flush();
  return out.reverse();
}

// pandas `Series.rolling(<offset>).mean()` on a time index: trailing window (t - f, t], NaN skipped,
// at least one value.
import { MetricCrash } from '../status.js';

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  D: 86400,
  H: 3600,
  h: 3600,
  T: 60,
  min: 60,
  Min: 60,
  S: 1,
  s: 1,
  L: 0.001,
  ms: 0.001,
};

/** Seconds of a fixed pandas offset alias such as `5Min`, `1H`, `30s`; anything else raises. */
export function offsetSeconds(frequency: unknown, what: string): number {
  const match =
    typeof frequency === 'string' ? /^\s*(\d+(?:\.\d+)?)?\s*([A-Za-z]+)\s*$/.exec(frequency) : null;
  const unit = match ? UNIT_SECONDS[match[2]!] : undefined;
  if (!match || unit === undefined) {
    throw new MetricCrash(
      `${what}: rolling frequency ${JSON.stringify(frequency)} is not a supported fixed offset`,
    );
  }
  const seconds = (match[1] === undefined ? 1 : Number(match[1])) * unit;
  if (!(seconds > 0))
    throw new MetricCrash(`${what}: rolling frequency ${JSON.stringify(frequency)} must be positive`);
  return seconds;
}

/** Trailing time-window mean over (t - seconds, t] of the non-NaN values; NaN when the window has none. */
export function rollingTimeMean(index: Float64Array, values: Float64Array, seconds: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  let start = 0;
  let sum = 0;
  let compensation = 0;
  let count = 0;
  const add = (v: number, sign: 1 | -1): void => {
    // Kahan-compensated running sum (as pandas' rolling mean).
    const yv = sign * v - compensation;
    const t = sum + yv;
    compensation = t - sum - yv;
    sum = t;
  };
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) {
      add(v, 1);
      count++;
    }
    const from = index[i]! - seconds;
    while (index[start]! <= from) {
      const old = values[start]!;
      if (!Number.isNaN(old)) {
        add(old, -1);
        count--;
        if (count === 0) {
          sum = 0;
          compensation = 0;
        }
      }
      start++;
    }
    out[i] = count > 0 ? sum / count : Number.NaN;
  }
  return out;
}

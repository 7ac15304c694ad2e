// Raw readings of simulated devices, computed on demand from (seed, device, sensor, minute): one point
// per minute at the device's own second offset, a few missing minutes, plausible smooth values.
import { hash, unit } from './random.js';
import type { RawPoint } from './types.js';

/** base, spread between devices, daily amplitude, slow drift, per-minute noise, min, max, decimals. */
type Shape = readonly [number, number, number, number, number, number, number, number];

const VOLT: Shape = [0.24, 0.12, 0.015, 0.02, 0.0015, 0.2, 0.45, 6];
const TEMP: Shape = [12, 10, 5, 2, 0.08, 5, 35, 2];
const HUM: Shape = [45, 20, -10, 5, 0.3, 5, 100, 2];
const SHAPES: Record<number, Shape> = {
  10: [70, 30, 0, 5, 0.3, 0, 100, 0],
  14: [100, 200, 400, 100, 10, 0, 2000, 0],
  53: [45, 10, 6, 4, 1.5, 30, 90, 2],
  55: TEMP,
  56: HUM,
  58: [100.6, 1, 0.1, 0.4, 0.02, 98, 104, 2],
  87: [4, 10, 3, 6, 1, 0, 200, 0],
  88: [6, 14, 3, 8, 1, 0, 300, 0],
  89: [2, 6, 2, 4, 1, 0, 150, 0],
  158: [430, 150, 60, 60, 8, 400, 900, 1],
  160: TEMP,
  161: HUM,
};
const OTHER: Shape = [10, 30, 5, 5, 1, 0, 1000, 2];
const MISSING_SHARE = 0.004;

function shapeOf(sensorId: number): Shape {
  if (sensorId >= 133 && sensorId <= 151) return VOLT;
  return SHAPES[sensorId] ?? OTHER;
}

function smooth(seed: number, device: number, sensor: number, hours: number): number {
  const h0 = Math.floor(hours);
  const a = unit(seed, device, sensor, h0, 11);
  const b = unit(seed, device, sensor, h0 + 1, 11);
  const f = (1 - Math.cos(Math.PI * (hours - h0))) / 2;
  return a + (b - a) * f;
}

/** The value a simulated sensor reports at a given minute (epoch minutes). */
export function signalValue(seed: number, device: number, sensor: number, minute: number): number {
  const [base, spread, amplitude, drift, noise, min, max, decimals] = shapeOf(sensor);
  const t = minute * 60;
  const daily = Math.sin(2 * Math.PI * (t / 86400 - 9 / 24));
  const v =
    base +
    spread * unit(seed, device, sensor, 12) +
    amplitude * daily +
    drift * (smooth(seed, device, sensor, t / 3600) * 2 - 1) +
    noise * (unit(seed, device, sensor, minute, 13) * 2 - 1);
  const factor = 10 ** decimals;
  return Math.round(Math.min(max, Math.max(min, v)) * factor) / factor;
}

/** Whether a simulated device skipped a minute (all its sensors miss it). */
export function isMissing(seed: number, device: number, minute: number): boolean {
  return hash(seed, device, minute, 14) / 4294967296 < MISSING_SHARE;
}

/** The last minute at or before `minute` that the device did not skip. */
export function lastPresentMinute(seed: number, device: number, minute: number): number {
  let m = minute;
  while (isMissing(seed, device, m)) m--;
  return m;
}

/** Where a simulated device's data lives: minutes [firstMinute, lastMinute], points at `offset` seconds. */
export interface SignalSpan {
  readonly seed: number;
  readonly device: number;
  readonly offset: number;
  readonly firstMinute: number;
  readonly lastMinute: number;
}

/** Raw points of one sensor with from <= t <= to, oldest first, at most `limit` of them. */
export function signalPoints(
  span: SignalSpan,
  sensor: number,
  fromSec: number,
  toSec: number,
  limit = Number.POSITIVE_INFINITY,
): RawPoint[] {
  const start = Math.max(span.firstMinute, Math.ceil((fromSec - span.offset) / 60));
  const end = Math.min(span.lastMinute, Math.floor((toSec - span.offset) / 60));
  const out: RawPoint[] = [];
  for (let m = start; m <= end && out.length < limit; m++) {
    if (isMissing(span.seed, span.device, m)) continue;
    out.push([m * 60 + span.offset, signalValue(span.seed, span.device, sensor, m)]);
  }
  return out;
}

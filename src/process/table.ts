// The device table: one ascending, unique UTC epoch-seconds index and one Float64Array per column
// (NaN = missing). Built by an outer join of the per-sensor reading series (spec §4.2).
import { DocumentError } from './errors.js';

export interface Table {
  /** Epoch seconds, UTC, ascending, unique. */
  readonly index: Float64Array;
  /** Column name -> values aligned to `index`; NaN = missing. */
  readonly columns: Map<string, Float64Array>;
}

/** One reading: `[epochSeconds, value]`; a null value is a reading without a value (it still makes a row). */
export type Reading = readonly [number, number | null];
export type ReadingSeries = readonly Reading[];

/** An empty table (no rows, no columns). */
export function emptyTable(): Table {
  return { index: new Float64Array(0), columns: new Map() };
}

/** A copy of `table` whose column map can be changed without touching the original (arrays are shared). */
export function cloneTable(table: Table): Table {
  return { index: table.index, columns: new Map(table.columns) };
}

/** A column filled with NaN for every row of `table`. */
export function nanColumn(length: number): Float64Array {
  return new Float64Array(length).fill(Number.NaN);
}

/**
 * One sensor's readings as two parallel arrays (what the loader holds after parsing an API answer): no
 * per-reading objects. A null (or NaN) value is a reading without a value: it still makes a row.
 */
export interface ColumnarSeries {
  readonly times: ArrayLike<number>;
  readonly values: ArrayLike<number | null>;
}

type AnySeries = ReadingSeries | ColumnarSeries;

/** Outer join of per-sensor series: sort, drop duplicate timestamps (first kept), union of timestamps. */
export function buildTable(
  seriesBySensor: ReadonlyMap<string, AnySeries> | Readonly<Record<string, AnySeries>>,
): Table {
  const entries = seriesBySensor instanceof Map ? [...seriesBySensor] : Object.entries(seriesBySensor);
  const prepared = entries.map(([name, series]) => [name, dedupeSorted(name, series)] as const);
  const index = unionIndex(prepared.map(([, s]) => s.times));
  const columns = new Map<string, Float64Array>();
  for (const [name, { times, values }] of prepared) {
    const column = nanColumn(index.length);
    let row = 0;
    for (let i = 0; i < times.length; i++) {
      const t = times[i]!;
      while (index[row]! < t) row++;
      column[row] = values[i]!;
    }
    columns.set(name, column);
  }
  return { index, columns };
}

interface SortedSeries {
  readonly times: Float64Array;
  readonly values: Float64Array;
}

function dedupeSorted(name: string, series: AnySeries): SortedSeries {
  const columnar = 'times' in series;
  const n = columnar ? series.times.length : series.length;
  const timeAt = columnar ? (i: number) => series.times[i]! : (i: number) => series[i]![0];
  const valueAt = columnar ? (i: number) => series.values[i]! : (i: number) => series[i]![1];
  if (columnar && series.values.length !== n) {
    throw new DocumentError(`readings of ${name}: ${n} timestamps but ${series.values.length} values`);
  }
  let ascending = true;
  for (let i = 0; i < n; i++) {
    const t = timeAt(i);
    if (!Number.isFinite(t))
      throw new DocumentError(`readings of ${name}: timestamp #${i} is not a finite number`);
    const v = valueAt(i);
    if (v !== null && typeof v !== 'number') {
      throw new DocumentError(`readings of ${name}: value #${i} is not a number or null`);
    }
    if (i > 0 && t < timeAt(i - 1)) ascending = false;
  }
  let order: number[] | undefined;
  if (!ascending) {
    order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => timeAt(a) - timeAt(b) || a - b);
  }
  const times = new Float64Array(n);
  const values = new Float64Array(n);
  let k = 0;
  for (let j = 0; j < n; j++) {
    const i = order ? order[j]! : j;
    const t = timeAt(i);
    if (k > 0 && times[k - 1] === t) continue;
    times[k] = t;
    values[k] = valueAt(i) ?? Number.NaN;
    k++;
  }
  return { times: times.subarray(0, k), values: values.subarray(0, k) };
}

/** Sorted union of ascending, duplicate-free time arrays (pairwise merges). */
function unionIndex(allTimes: readonly Float64Array[]): Float64Array {
  let union: Float64Array = new Float64Array(0);
  for (const times of allTimes) union = mergeUnion(union, times);
  return union;
}

function mergeUnion(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) {
      out[k++] = x;
      i++;
    } else if (y < x) {
      out[k++] = y;
      j++;
    } else {
      out[k++] = x;
      i++;
      j++;
    }
  }
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return k === out.length ? out : out.slice(0, k);
}

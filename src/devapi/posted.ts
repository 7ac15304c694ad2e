// Readings received by POST, kept like KairosDB keeps them: one value per (device, sensor, second), a
// later write of the same key overwrites the earlier one. Write counts show how often each key was hit.
import type { RawPoint } from './types.js';

type Series = Map<number, Map<number, number>>;

function seriesOf(root: Map<number, Series>, device: number, sensor: number): Map<number, number> {
  const bySensor = root.get(device) ?? new Map<number, Map<number, number>>();
  root.set(device, bySensor);
  const series = bySensor.get(sensor) ?? new Map<number, number>();
  bySensor.set(sensor, series);
  return series;
}

function copy(series: Series | undefined): Series {
  return new Map([...(series ?? new Map<number, Map<number, number>>())].map(([k, v]) => [k, new Map(v)]));
}

function plain(root: Map<number, Series>): Record<string, Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, Record<string, number>>> = {};
  for (const [device, sensors] of root) {
    const d: Record<string, Record<string, number>> = {};
    for (const [sensor, series] of sensors) d[sensor] = Object.fromEntries(series);
    out[device] = d;
  }
  return out;
}

export class PostedReadings {
  readonly #values = new Map<number, Series>();
  readonly #counts = new Map<number, Series>();

  /** Store one value (overwriting) and count the write. */
  write(device: number, sensor: number, seconds: number, value: number): void {
    seriesOf(this.#values, device, sensor).set(seconds, value);
    const counts = seriesOf(this.#counts, device, sensor);
    counts.set(seconds, (counts.get(seconds) ?? 0) + 1);
  }

  /** Posted values of a device: sensor id → (epoch seconds → value). A copy. */
  values(device: number): Map<number, Map<number, number>> {
    return copy(this.#values.get(device));
  }

  /** Write counts of a device: sensor id → (epoch seconds → number of writes). A copy. */
  counts(device: number): Map<number, Map<number, number>> {
    return copy(this.#counts.get(device));
  }

  /** Posted points of one sensor with from <= t <= to, oldest first. */
  pointsInRange(device: number, sensor: number, fromSec: number, toSec: number): RawPoint[] {
    const series = this.#values.get(device)?.get(sensor);
    if (series === undefined) return [];
    const out: RawPoint[] = [];
    for (const [t, v] of series) if (t >= fromSec && t <= toSec) out.push([t, v]);
    return out.sort((a, b) => a[0] - b[0]);
  }

  /** Everything, as plain JSON objects: values and counts keyed device → sensor → epoch seconds. */
  toJSON(): { values: ReturnType<typeof plain>; counts: ReturnType<typeof plain> } {
    return { values: plain(this.#values), counts: plain(this.#counts) };
  }

  clear(): void {
    this.#values.clear();
    this.#counts.clear();
  }
}

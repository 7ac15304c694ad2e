// What gets posted (spec §2.6, §4.4, §5): metrics with an id and a column, NaN rows dropped.
import type { ResolvedMetric } from './resolve/metrics.js';
import type { Table } from './table.js';

export interface PostedSeries {
  readonly metric: string;
  /** API sensor id the values are posted to. */
  readonly sensorId: number;
  /** Epoch seconds (UTC) of the non-NaN values, ascending. */
  readonly timestamps: Float64Array;
  readonly values: Float64Array;
}

/** Every metric with a non-null id whose column exists (quirk Q6: `post` is ignored), NaN rows dropped. */
export function postedSeries(table: Table, metrics: readonly ResolvedMetric[]): PostedSeries[] {
  const out: PostedSeries[] = [];
  for (const metric of metrics) {
    if (metric.id === null) continue;
    const column = table.columns.get(metric.name);
    if (!column) continue;
    let count = 0;
    for (let i = 0; i < column.length; i++) if (!Number.isNaN(column[i]!)) count++;
    const timestamps = new Float64Array(count);
    const values = new Float64Array(count);
    for (let i = 0, k = 0; i < column.length; i++) {
      if (Number.isNaN(column[i]!)) continue;
      timestamps[k] = table.index[i]!;
      values[k++] = column[i]!;
    }
    out.push({ metric: metric.name, sensorId: metric.id, timestamps, values });
  }
  return out;
}

/** New `latest_postprocessing` (epoch seconds): last row of the loaded table + 60 s; null for no rows. */
export function nextLatestPostprocessing(table: Table): number | null {
  const n = table.index.length;
  return n === 0 ? null : table.index[n - 1]! + 60;
}

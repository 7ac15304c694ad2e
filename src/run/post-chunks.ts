// Turns a processed metric column into POST bodies (spec processing.md §5): NaN rows dropped, time
// order, `chunkSize` entries per body, one sensor per entry, recorded_at in UTC at second precision.
import type { PostBody } from '../api/readings.js';

/** ISO-8601 UTC at second precision (`2024-05-01T00:00:00Z`) of an epoch-seconds instant. */
export function isoSeconds(epochSeconds: number): string {
  return new Date(Math.floor(epochSeconds) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The POST bodies of one metric column. */
export function postChunks(
  index: Float64Array,
  values: Float64Array,
  sensorId: number,
  chunkSize: number,
): PostBody[] {
  const bodies: PostBody[] = [];
  let data: PostBody['data'] = [];
  for (let i = 0; i < index.length; i++) {
    const value = values[i] as number;
    if (Number.isNaN(value)) continue;
    data.push({ recorded_at: isoSeconds(index[i] as number), sensors: [{ id: sensorId, value }] });
    if (data.length === chunkSize) {
      bodies.push({ data });
      data = [];
    }
  }
  if (data.length > 0) bodies.push({ data });
  return bodies;
}

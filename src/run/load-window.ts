// Loads one window of raw readings: every needed sensor from `from` (inclusive), the oldest `limit` raw
// points each, at most 5 requests at a time (as the original). When a sensor was cut by `limit`, rows
// after the earliest cut are dropped so that the next window reloads them instead of skipping them
// forever (the original moved past them: docs/processing-differences.md).
import type { ApiClient } from '../api/client.js';
import type { DeviceSensor } from '../api/types.js';

export interface SensorSeries {
  sensor: DeviceSensor;
  /** Epoch seconds and values as the API returned them (newest first). */
  times: number[];
  values: (number | null)[];
  truncated: boolean;
}

export interface LoadedWindow {
  series: SensorSeries[];
  /** Rows later than this instant (epoch seconds) must be dropped; Infinity when nothing was cut. */
  cutAfter: number;
  requests: number;
}

/** Fetch the readings of `sensors` for one window. */
export async function loadWindow(
  api: ApiClient,
  deviceId: number,
  sensors: readonly DeviceSensor[],
  from: Date,
  limit: number,
): Promise<LoadedWindow> {
  const series: SensorSeries[] = new Array(sensors.length);
  let next = 0;
  const worker = async () => {
    while (next < sensors.length) {
      const i = next++;
      const sensor = sensors[i] as DeviceSensor;
      const doc = await api.getReadings(deviceId, sensor.id, from, limit);
      const times = doc.readings.map((r) => Date.parse(r[0]) / 1000);
      const values = doc.readings.map((r) => r[1]);
      const truncated = (doc.sampleSize ?? doc.readings.length) >= limit && doc.readings.length > 0;
      series[i] = { sensor, times, values, truncated };
    }
  };
  await Promise.all(Array.from({ length: Math.min(5, sensors.length) }, worker));
  let cutAfter = Number.POSITIVE_INFINITY;
  for (const s of series) {
    if (s.truncated) cutAfter = Math.min(cutAfter, Math.max(...s.times));
  }
  return { series, cutAfter, requests: sensors.length };
}

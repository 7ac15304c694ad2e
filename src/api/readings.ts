// GET and POST /devices/:id/readings (spec §4, §5).
import { type HttpClient, parseJsonBody } from './http.js';
import { parseReadings, type ReadingsDoc } from './types.js';

export interface PostEntry {
  recorded_at: string;
  sensors: { id: number; value: number }[];
}
export interface PostBody {
  data: PostEntry[];
}

export interface ReadingsQuery {
  deviceId: number;
  sensorId: number;
  from: Date;
  limit: number;
}

/** Minute-rollup averages of one sensor from `from` (inclusive), the oldest `limit` raw points. */
export async function getReadings(http: HttpClient, base: string, q: ReadingsQuery): Promise<ReadingsDoc> {
  // Q11: ISO-8601 UTC, percent-encoded (the original sent "YYYY-MM-DD HH:MM:SS+00:00" unencoded).
  const from = encodeURIComponent(q.from.toISOString().replace(/\.\d{3}Z$/, 'Z'));
  const url = `${base}/devices/${q.deviceId}/readings?from=${from}&limit=${q.limit}&rollup=1m&sensor_id=${q.sensorId}&function=avg`;
  const what = `GET /devices/${q.deviceId}/readings sensor ${q.sensorId}`;
  const response = await http({ method: 'GET', url, auth: true });
  return parseReadings(parseJsonBody(response, what), what);
}

/** Post one chunk of processed readings. */
export async function postReadings(
  http: HttpClient,
  base: string,
  deviceId: number,
  body: PostBody,
): Promise<void> {
  await http({ method: 'POST', url: `${base}/devices/${deviceId}/readings`, auth: true, json: body });
}

// The parts of the Smart Citizen API documents scflows reads (spec smartcitizen-api.md §2, §4), with
// validating parsers: a document that lacks what we need is rejected with a one-line ApiError.
import { ApiError } from '../errors.js';

export interface Postprocessing {
  id: number;
  blueprint_url: string | null;
  hardware_url: string | null;
  device_id: number;
  forwarding_params: unknown;
  meta: unknown;
  latest_postprocessing: string | null;
  created_at: string | null;
  updated_at: string | null;
}

export interface DeviceSensor {
  id: number;
  name: string;
  unit: string | null;
}

export interface DeviceDoc {
  id: number;
  state: string;
  last_reading_at: string | null;
  created_at: string | null;
  postprocessing: Postprocessing | null;
  location: { latitude?: number; longitude?: number } | null;
  sensors: DeviceSensor[];
  /** The document as received (the PATCH sends its postprocessing record back). */
  raw: Record<string, unknown>;
}

/** What the scheduler keeps of a searched device: search pages hold full documents (~7 kB each), and a
 * fleet of 10,000 must fit in the scheduler's memory budget. */
export type SearchedDevice = Pick<DeviceDoc, 'id' | 'state' | 'last_reading_at' | 'postprocessing'>;

export type Reading = [timestamp: string, value: number | null];

export interface ReadingsDoc {
  readings: Reading[];
  sampleSize: number | undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const isTime = (v: unknown): v is string | null =>
  v === null || (typeof v === 'string' && !Number.isNaN(Date.parse(v)));

/** Validate a device document (GET /devices/:id or a search element). */
export function parseDevice(json: unknown, what: string): DeviceDoc {
  const bad = (problem: string) => new ApiError('E_API_BAD_RESPONSE', `${what}: ${problem}`);
  if (!isObject(json)) throw bad('device document is not an object');
  const { id, state, last_reading_at, created_at, postprocessing, location, data } = json;
  if (typeof id !== 'number' || !Number.isInteger(id)) throw bad('device "id" is not an integer');
  if (!isTime(last_reading_at ?? null)) throw bad(`device ${id}: "last_reading_at" is not a timestamp`);
  const sensorsRaw = isObject(data) && Array.isArray(data.sensors) ? data.sensors : [];
  const sensors: DeviceSensor[] = [];
  for (const s of sensorsRaw) {
    if (!isObject(s) || typeof s.id !== 'number' || typeof s.name !== 'string') {
      throw bad(`device ${id}: a sensor lacks a numeric "id" or a "name"`);
    }
    sensors.push({ id: s.id, name: s.name, unit: typeof s.unit === 'string' ? s.unit : null });
  }
  return {
    id,
    state: typeof state === 'string' ? state : 'unknown',
    last_reading_at: (last_reading_at as string | null | undefined) ?? null,
    created_at: isTime(created_at ?? null) ? ((created_at as string | null | undefined) ?? null) : null,
    postprocessing: parsePostprocessing(postprocessing, id, bad),
    location: isObject(location) ? (location as DeviceDoc['location']) : null,
    sensors,
    raw: json,
  };
}

function parsePostprocessing(
  value: unknown,
  deviceId: number,
  bad: (problem: string) => ApiError,
): Postprocessing | null {
  if (value === null || value === undefined) return null;
  if (!isObject(value)) throw bad(`device ${deviceId}: "postprocessing" is not an object`);
  const p = value;
  if (typeof p.id !== 'number') throw bad(`device ${deviceId}: postprocessing "id" is not a number`);
  if (!isStrOrNull(p.blueprint_url ?? null) || !isStrOrNull(p.hardware_url ?? null)) {
    throw bad(`device ${deviceId}: postprocessing "blueprint_url"/"hardware_url" are not strings`);
  }
  if (!isTime(p.latest_postprocessing ?? null)) {
    throw bad(`device ${deviceId}: "latest_postprocessing" is not a timestamp`);
  }
  return {
    id: p.id,
    blueprint_url: (p.blueprint_url as string | null | undefined) ?? null,
    hardware_url: (p.hardware_url as string | null | undefined) ?? null,
    device_id: typeof p.device_id === 'number' ? p.device_id : deviceId,
    forwarding_params: p.forwarding_params ?? null,
    meta: p.meta ?? null,
    latest_postprocessing: (p.latest_postprocessing as string | null | undefined) ?? null,
    created_at: typeof p.created_at === 'string' ? p.created_at : null,
    updated_at: typeof p.updated_at === 'string' ? p.updated_at : null,
  };
}

/** Validate a readings answer: `readings` missing or empty means no data for that sensor. */
export function parseReadings(json: unknown, what: string): ReadingsDoc {
  if (!isObject(json)) throw new ApiError('E_API_BAD_RESPONSE', `${what}: readings answer is not an object`);
  const list = Array.isArray(json.readings) ? json.readings : [];
  const readings: Reading[] = [];
  for (const item of list) {
    if (
      !Array.isArray(item) ||
      typeof item[0] !== 'string' ||
      !(typeof item[1] === 'number' || item[1] === null)
    ) {
      throw new ApiError('E_API_BAD_RESPONSE', `${what}: a reading is not [timestamp, number|null]`);
    }
    if (Number.isNaN(Date.parse(item[0]))) {
      throw new ApiError('E_API_BAD_RESPONSE', `${what}: reading timestamp "${item[0]}" is not a date`);
    }
    readings.push([item[0], item[1]]);
  }
  return { readings, sampleSize: typeof json.sample_size === 'number' ? json.sample_size : undefined };
}

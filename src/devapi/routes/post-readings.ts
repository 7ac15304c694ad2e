// POST /v0/devices/:id/readings (spec §5.4): token required (403), `data` required (400), an empty first
// `recorded_at` gives the 200 "bad" body. Values are stored per (device, sensor, second), overwriting;
// posted catalogue sensors become components; only the newest entry can move the device's bookkeeping.
import { sortSensors } from '../catalog.js';
import type { DeviceOp } from '../device-record.js';
import { type ApiRequest, parseJson, type Reply, replies } from '../http.js';
import type { DevApiStore } from '../store.js';
import { epochSecondsOf, isoSeconds, parseIsoTime, parseTimeValue } from '../time.js';
import type { DeviceDocument, SensorDocument } from '../types.js';

const FUTURE_LIMIT_SECONDS = 86400;

interface Entry {
  readonly at: number;
  readonly values: readonly (readonly [number, number])[];
}

function sensorIdOf(ref: unknown, sensors: readonly SensorDocument[]): number | undefined {
  if (typeof ref === 'number') return Number.isInteger(ref) ? ref : undefined;
  if (typeof ref !== 'string') return undefined;
  // Server quirk kept: any string with a digit is taken as an id, so `pm_avg_2.5` never matches a key.
  if (/\d/.test(ref)) return /^\s*\d+\s*$/.test(ref) ? Number(ref) : undefined;
  return sensors.find((s) => s.default_key === ref)?.id;
}

function numberOf(raw: unknown): number | undefined {
  const value = typeof raw === 'string' ? Number.parseFloat(raw) : raw;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function recordedAt(raw: unknown): number | undefined {
  if (typeof raw === 'string' && !/^\s*-?\d+\s*$/.test(raw)) return parseIsoTime(raw);
  return parseTimeValue(raw);
}

/** The change that posting makes to the device document (components and bookkeeping). */
function ingestOp(newSensors: readonly SensorDocument[], newest: Entry | undefined): DeviceOp {
  return (doc: DeviceDocument) => {
    const sensors = doc.data.sensors;
    for (const sensor of newSensors)
      if (!sensors.some((s) => s.id === sensor.id)) sensors.push({ ...sensor });
    if (newSensors.length > 0) sortSensors(sensors);
    if (newest === undefined) return;
    const last = doc.last_reading_at === null ? undefined : parseIsoTime(doc.last_reading_at);
    if (last !== undefined && newest.at < last) return;
    const at = isoSeconds(newest.at);
    doc.last_reading_at = at;
    doc.state = 'has_published';
    for (const [id, value] of newest.values) {
      const sensor = sensors.find((s) => s.id === id);
      if (sensor === undefined) continue;
      sensor.prev_value = sensor.value;
      sensor.value = value;
      sensor.last_reading_at = at;
    }
  };
}

function isNoOp(
  doc: DeviceDocument,
  newSensors: readonly SensorDocument[],
  newest: Entry | undefined,
): boolean {
  if (newSensors.length > 0) return false;
  if (newest === undefined) return true;
  const last = doc.last_reading_at === null ? undefined : parseIsoTime(doc.last_reading_at);
  return last !== undefined && newest.at < last;
}

/** Answer a readings POST. */
export function postReadings(store: DevApiStore, req: ApiRequest, idText: string): Reply {
  if (!req.isAdmin) return replies.forbidden();
  const nowSec = epochSecondsOf(store.now());
  const record = /^\d+$/.test(idText) ? store.record(Number(idText)) : undefined;
  if (record === undefined) return replies.deviceNotFound(idText);
  const parsed = parseJson(req.body);
  if (!parsed.ok) return replies.badRequest('Malformed JSON body');
  const data = (parsed.value as { data?: unknown } | null)?.data;
  if (!Array.isArray(data) || data.length === 0) return replies.parameterMissing('data');
  const first = (data[0] as { recorded_at?: unknown } | null)?.recorded_at;
  if (first === undefined || first === null || first === '') return replies.badTimestamp();

  const doc = record.render(nowSec);
  const known = new Set(doc.data.sensors.map((s) => s.id));
  const newSensors = new Map<number, SensorDocument>();
  let newest: Entry | undefined;
  for (const item of data as { recorded_at?: unknown; sensors?: unknown }[]) {
    const at = recordedAt(item?.recorded_at);
    if (at === undefined || at > nowSec + FUTURE_LIMIT_SECONDS || !Array.isArray(item.sensors)) continue;
    const values: [number, number][] = [];
    for (const s of item.sensors as { id?: unknown; value?: unknown }[]) {
      const id = sensorIdOf(s?.id, doc.data.sensors);
      const value = numberOf(s?.value);
      if (id === undefined || value === undefined) continue;
      if (!known.has(id) && !newSensors.has(id)) {
        const sensor = store.devices.catalogSensor(id);
        if (sensor === undefined) continue; // unknown sensor ids are skipped, like the server does
        newSensors.set(id, sensor);
      }
      store.postedReadings.write(record.id, id, at, value);
      values.push([id, value]);
    }
    if (newest === undefined || at > newest.at) newest = { at, values };
  }
  const added = [...newSensors.values()];
  if (!isNoOp(doc, added, newest)) store.mutate(record.id, ingestOp(added, newest));
  return replies.ok();
}

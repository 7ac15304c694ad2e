// GET /v0/devices/:id/readings (spec §4): the device's raw points of one sensor (own data, test
// overrides, posted values) in [from, to], the oldest `limit` of them, rolled up, newest first.
import { type AggregateFunction, aggregate, FUNCTIONS, parseRollup, rollupSeconds } from '../aggregate.js';
import { type ApiRequest, json, type Reply, replies } from '../http.js';
import type { DevApiStore } from '../store.js';
import { epochSecondsOf, isoSeconds, parseTimeParam } from '../time.js';
import type { RawPoint, SensorDocument } from '../types.js';

const DEFAULT_WINDOW_SECONDS = 6 * 7 * 86400;

function param(req: ApiRequest, name: string): string | undefined {
  const value = req.query.get(name);
  return value === null || value === '' ? undefined : value;
}

/** Raw points of a sensor: the override set by a test, else the device's own, overlaid with posted values. */
export function sensorPoints(
  store: DevApiStore,
  deviceId: number,
  sensorId: number,
  range: { from: number; to: number; limit: number | undefined },
  nowSec: number,
): RawPoint[] {
  const { from, to, limit } = range;
  const override = store.readingsOverride(deviceId, sensorId);
  const own = override
    ? override.filter(([t]) => t >= from && t <= to).slice(0, limit)
    : (store.record(deviceId)?.rawPoints(sensorId, from, to, limit, nowSec) ?? []);
  const posted = store.postedReadings.pointsInRange(deviceId, sensorId, from, to);
  if (posted.length === 0) return own;
  const merged = new Map<number, RawPoint>(own.map((p) => [p[0], p]));
  for (const p of posted) merged.set(p[0], p);
  return [...merged.values()].sort((a, b) => a[0] - b[0]).slice(0, limit);
}

function findSensor(sensors: readonly SensorDocument[], id: string | undefined, key: string | undefined) {
  if (id !== undefined) return sensors.find((s) => String(s.id) === id.trim());
  return sensors.find((s) => s.default_key === key);
}

/** Answer a readings GET. */
export function getReadings(store: DevApiStore, req: ApiRequest, idText: string): Reply {
  const nowSec = epochSecondsOf(store.now());
  const record = /^\d+$/.test(idText) ? store.record(Number(idText)) : undefined;
  if (record === undefined) return replies.deviceNotFound(idText);
  const rollupText = param(req, 'rollup');
  const sensorIdText = param(req, 'sensor_id');
  const sensorKey = param(req, 'sensor_key');
  if (rollupText === undefined) return replies.parameterMissing('rollup');
  if (sensorIdText === undefined && sensorKey === undefined) return replies.parameterMissing('sensor_id');
  const fnText = param(req, 'function') ?? 'avg';
  const sensor = findSensor(record.render(nowSec).data.sensors, sensorIdText, sensorKey);
  if (sensor === undefined) {
    const sensorId =
      sensorIdText !== undefined && /^\d+$/.test(sensorIdText.trim()) ? Number(sensorIdText) : null;
    return json(200, {
      device_id: idText,
      sensor_key: null,
      sensor_id: sensorId,
      component_id: null,
      rollup: rollupText,
      function: fnText,
      from: req.query.get('from'),
      to: req.query.get('to'),
      sample_size: 0,
      readings: [],
    });
  }
  const fromText = param(req, 'from');
  const toText = param(req, 'to');
  const to = toText === undefined ? nowSec : parseTimeParam(toText);
  if (to === undefined) return replies.badDate('to');
  let from: number | undefined;
  if (fromText !== undefined) from = parseTimeParam(fromText);
  else {
    const relative = parseRollup(param(req, 'relative') ?? '');
    from = to - (relative === undefined ? DEFAULT_WINDOW_SECONDS : rollupSeconds(relative));
  }
  if (from === undefined) return replies.badDate('from');
  const rollup = parseRollup(rollupText);
  if (rollup === undefined)
    return replies.messageStatus(
      `Invalid rollup ${rollupText}: expected <integer><unit>, unit one of y M w d h m s ms`,
    );
  if (!(FUNCTIONS as readonly string[]).includes(fnText))
    return replies.messageStatus(`Invalid function ${fnText}`);
  const limitText = param(req, 'limit');
  const limit = limitText === undefined ? undefined : Number(limitText);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
    return replies.messageStatus(`Invalid limit ${limitText}`);
  }
  const points = sensorPoints(store, record.id, sensor.id, { from, to, limit }, nowSec);
  const readings = aggregate(points, rollup, fnText as AggregateFunction).map(([t, v]) => [isoSeconds(t), v]);
  return json(200, {
    device_id: record.id,
    sensor_key: sensor.default_key,
    sensor_id: sensor.id,
    component_id: record.componentId(sensor.id),
    rollup: rollupText,
    function: fnText,
    from: isoSeconds(from),
    to: isoSeconds(to),
    sample_size: points.length,
    readings,
  });
}

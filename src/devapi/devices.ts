// The devices of one stand-in: the simulated fleet (records made on first use) plus documents put by
// tests, which replace or extend it. A version number changes with every change, for the caches.
import { UsageError } from '../errors.js';
import { catalogSensor, cloneSensor } from './catalog.js';
import { type DeviceOp, type DeviceRecord, SimDevice, StaticDevice } from './device-record.js';
import { JsonCache } from './json-cache.js';
import { type FleetParams, simSpec } from './sim-spec.js';
import type { DeviceDocument, SensorDocument } from './types.js';

export class DeviceSet {
  readonly fleet: FleetParams;
  readonly #sim: (SimDevice | undefined)[] = [];
  readonly #jsonCache = new JsonCache();
  readonly #static = new Map<number, StaticDevice>();
  readonly #deleted = new Set<number>();
  readonly #sensors = new Map<number, SensorDocument>();
  #version = 0;
  #ids: { version: number; ids: number[] } | undefined;
  #nextPostprocessingId = 900_000_000;

  constructor(fleet: FleetParams) {
    this.fleet = fleet;
  }

  get version(): number {
    return this.#version;
  }

  put(doc: DeviceDocument, componentIds: Record<number, number> = {}): void {
    if (!Number.isInteger(doc?.id)) {
      throw new UsageError('a device document needs an integer id', 'E_DEVAPI_DEVICE');
    }
    const ids = new Map(Object.entries(componentIds).map(([k, v]) => [Number(k), v]));
    this.#static.set(doc.id, new StaticDevice(doc, ids));
    this.#deleted.delete(doc.id);
    for (const sensor of doc.data?.sensors ?? []) {
      if (Number.isInteger(sensor?.id)) this.#sensors.set(sensor.id, cloneSensor(sensor));
    }
    this.#version++;
  }

  delete(id: number): boolean {
    const existed = this.record(id) !== undefined;
    this.#static.delete(id);
    this.#deleted.add(id);
    this.#version++;
    return existed;
  }

  record(id: number): DeviceRecord | undefined {
    if (this.#deleted.has(id)) return undefined;
    const put = this.#static.get(id);
    if (put !== undefined) return put;
    const index = id - this.fleet.firstId;
    if (!Number.isInteger(index) || index < 0 || index >= this.fleet.count) return undefined;
    const sim = this.#sim[index] ?? new SimDevice(simSpec(this.fleet, index), this.fleet, this.#jsonCache);
    this.#sim[index] = sim;
    return sim;
  }

  mutate(id: number, op: DeviceOp): void {
    this.record(id)?.apply(op);
    this.#version++;
  }

  /** Every device id, ascending (cached per version). */
  ids(): readonly number[] {
    if (this.#ids?.version === this.#version) return this.#ids.ids;
    const ids: number[] = [];
    const { firstId, count } = this.fleet;
    for (let id = firstId; id < firstId + count; id++) if (!this.#deleted.has(id)) ids.push(id);
    for (const id of this.#static.keys()) if (id < firstId || id >= firstId + count) ids.push(id);
    ids.sort((a, b) => a - b);
    this.#ids = { version: this.#version, ids };
    return ids;
  }

  /** A sensor object of the catalogue (built in, plus the sensors of put documents), value fields null. */
  catalogSensor(id: number): SensorDocument | undefined {
    const known = this.#sensors.get(id);
    const sensor = known === undefined ? catalogSensor(id) : cloneSensor(known);
    if (sensor !== undefined) {
      sensor.value = null;
      sensor.prev_value = null;
      sensor.last_reading_at = null;
    }
    return sensor;
  }

  nextPostprocessingId(): number {
    return this.#nextPostprocessingId++;
  }
}

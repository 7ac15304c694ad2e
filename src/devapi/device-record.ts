// One device of the stand-in, whatever its origin: a document put by a test (static) or a member of the
// simulated fleet (rendered on demand). Mutations (PATCH, POST bookkeeping) are operations: applied in
// place to a static document, replayed over every fresh rendering of a simulated one.
import type { JsonCache } from './json-cache.js';
import { simDeviceJson } from './sim-render.js';
import { signalPoints } from './sim-signal.js';
import { type FleetParams, lastMinuteOf, type SimSpec } from './sim-spec.js';
import type { DeviceDocument, RawPoint } from './types.js';
import { anonymousView } from './view.js';

/** A change to a device document (must only depend on data captured when it was made). */
export type DeviceOp = (doc: DeviceDocument) => void;

/** What the search needs to know, cheaply. */
export interface DeviceSummary {
  readonly hasPostprocessing: boolean;
  readonly isPrivate: boolean;
  readonly state: string;
}

export interface DeviceRecord {
  readonly id: number;
  summary(nowSec: number): DeviceSummary;
  /** A fresh admin-view document; the caller may change it. */
  render(nowSec: number): DeviceDocument;
  /** The document as JSON text, admin view or anonymous view. */
  json(nowSec: number, admin: boolean): string;
  apply(op: DeviceOp): void;
  /** The component id of a sensor on this device (`component_id` in readings answers). */
  componentId(sensorId: number): number;
  /** The device's own raw points of a sensor, from <= t <= to, oldest first, at most `limit`. */
  rawPoints(
    sensorId: number,
    fromSec: number,
    toSec: number,
    limit: number | undefined,
    nowSec: number,
  ): RawPoint[];
}

function summaryOf(doc: DeviceDocument): DeviceSummary {
  return {
    hasPostprocessing: doc.postprocessing !== null && doc.postprocessing !== undefined,
    isPrivate: doc.data_policy?.is_private === true,
    state: doc.state,
  };
}

/** A device whose document was given in full. */
export class StaticDevice implements DeviceRecord {
  readonly id: number;
  readonly #doc: DeviceDocument;
  readonly #componentIds: ReadonlyMap<number, number>;

  constructor(doc: DeviceDocument, componentIds: ReadonlyMap<number, number> = new Map()) {
    this.id = doc.id;
    this.#doc = structuredClone(doc);
    this.#componentIds = componentIds;
  }

  summary(): DeviceSummary {
    return summaryOf(this.#doc);
  }

  render(): DeviceDocument {
    return structuredClone(this.#doc);
  }

  json(_nowSec: number, admin: boolean): string {
    return JSON.stringify(admin ? this.#doc : anonymousView(this.render()));
  }

  apply(op: DeviceOp): void {
    op(this.#doc);
  }

  componentId(sensorId: number): number {
    return this.#componentIds.get(sensorId) ?? this.id * 1000 + sensorId;
  }

  rawPoints(): RawPoint[] {
    return [];
  }
}

/** A member of the simulated fleet. */
export class SimDevice implements DeviceRecord {
  readonly id: number;
  readonly #spec: SimSpec;
  readonly #fleet: FleetParams;
  readonly #ops: DeviceOp[] = [];

  readonly #cache: JsonCache;

  constructor(spec: SimSpec, fleet: FleetParams, cache: JsonCache) {
    this.id = spec.id;
    this.#spec = spec;
    this.#fleet = fleet;
    this.#cache = cache;
  }

  summary(nowSec: number): DeviceSummary {
    if (this.#ops.length > 0) return summaryOf(this.render(nowSec));
    return {
      hasPostprocessing: this.#spec.situation !== 'no-postprocessing',
      isPrivate: this.#spec.isPrivate,
      state: this.#spec.situation === 'never-published' ? 'never_published' : 'has_published',
    };
  }

  render(nowSec: number): DeviceDocument {
    const doc = JSON.parse(simDeviceJson(this.#spec, this.#fleet, nowSec, true)) as DeviceDocument;
    for (const op of this.#ops) op(doc);
    return doc;
  }

  json(nowSec: number, admin: boolean): string {
    if (this.#ops.length > 0) {
      return JSON.stringify(admin ? this.render(nowSec) : anonymousView(this.render(nowSec)));
    }
    // The document only changes with the last reading and the online flag (last reading < 1 h ago).
    const last = lastMinuteOf(this.#spec, this.#fleet.seed, nowSec);
    const online = last !== null && nowSec - (last * 60 + this.#spec.offset) < 3600;
    const slot = `${this.id}|${admin}`;
    const key = `${last}|${online}`;
    const cached = this.#cache.get(slot, key);
    if (cached !== undefined) return cached;
    const json = simDeviceJson(this.#spec, this.#fleet, nowSec, admin);
    this.#cache.set(slot, key, json);
    return json;
  }

  apply(op: DeviceOp): void {
    this.#ops.push(op);
  }

  componentId(sensorId: number): number {
    return this.id * 1000 + sensorId;
  }

  rawPoints(
    sensorId: number,
    fromSec: number,
    toSec: number,
    limit: number | undefined,
    nowSec: number,
  ): RawPoint[] {
    if (!this.#spec.sensorIds.includes(sensorId)) return [];
    const lastMinute = lastMinuteOf(this.#spec, this.#fleet.seed, nowSec);
    if (lastMinute === null) return [];
    const span = {
      seed: this.#fleet.seed,
      device: this.id,
      offset: this.#spec.offset,
      firstMinute: this.#spec.firstMinute,
      lastMinute,
    };
    return signalPoints(span, sensorId, fromSec, toSec, limit);
  }
}

// All state of one stand-in server: devices (simulated fleet + documents put by tests), raw readings
// overrides, posted readings, data-document overrides, users, logs, faults and the clock. Tests drive it
// in-process; the /__dev/ endpoints drive the same methods over HTTP.
import type { DeviceOp, DeviceRecord } from './device-record.js';
import { DeviceSet } from './devices.js';
import { FaultController, type FaultSettings } from './faults.js';
import type { HardwareEntry } from './hardware.js';
import { PostedReadings } from './posted.js';
import type { FleetParams } from './sim-spec.js';
import { epochSecondsOf, isoSeconds, toEpochSeconds } from './time.js';
import type { DeviceDocument, PatchLogEntry, RawPoint, RequestLogEntry } from './types.js';

export interface StoreOptions {
  seed: number;
  devices: number;
  firstDeviceId: number;
  now: () => Date;
  hardware: readonly HardwareEntry[];
  faults?: Partial<FaultSettings>;
  /** Oldest entries are dropped beyond this many (default 50,000). */
  requestLogLimit?: number;
}

/** An overridden data document: served with this status, content type and body. */
export interface DataOverride {
  readonly status: number;
  readonly body: string;
  readonly contentType: string;
}

export class DevApiStore {
  readonly fleet: FleetParams;
  readonly devices: DeviceSet;
  readonly postedReadings = new PostedReadings();
  readonly faultController: FaultController;
  readonly #clock: () => Date;
  #fixedNow: Date | null = null;
  readonly #readings = new Map<number, Map<number, RawPoint[]>>();
  readonly #data = new Map<string, DataOverride>();
  readonly #users = new Map<string, Record<string, unknown>>();
  readonly #requests: RequestLogEntry[] = [];
  readonly #patches: PatchLogEntry[] = [];
  readonly #requestLogLimit: number;

  constructor(options: StoreOptions) {
    this.#clock = options.now;
    const originSec = Math.floor(epochSecondsOf(options.now()) / 60) * 60;
    this.fleet = {
      seed: options.seed,
      count: options.devices,
      firstId: options.firstDeviceId,
      originSec,
      hardware: options.hardware,
    };
    this.devices = new DeviceSet(this.fleet);
    this.faultController = new FaultController(options.faults);
    this.#requestLogLimit = options.requestLogLimit ?? 50_000;
  }

  /** The injected clock (or the instant set with setNow). */
  now(): Date {
    return new Date((this.#fixedNow ?? this.#clock()).getTime());
  }

  /** Pin the clock to an instant; null goes back to the injected clock. */
  setNow(now: Date | null): void {
    this.#fixedNow = now === null ? null : new Date(now.getTime());
  }

  /** Changes whenever the set of devices or a device document changes. */
  get version(): number {
    return this.devices.version;
  }

  /** Put (or replace) a full admin-view device document; `componentIds` maps sensor id → component id. */
  putDevice(doc: DeviceDocument, options: { componentIds?: Record<number, number> } = {}): void {
    this.devices.put(doc, options.componentIds);
  }

  /** Remove a device (simulated or put); true if it existed. */
  deleteDevice(id: number): boolean {
    return this.devices.delete(id);
  }

  /** The admin-view document of a device as it is now, or undefined. */
  getDevice(id: number): DeviceDocument | undefined {
    return this.devices.record(id)?.render(epochSecondsOf(this.now()));
  }

  /** The device record behind an id (for the route handlers). */
  record(id: number): DeviceRecord | undefined {
    return this.devices.record(id);
  }

  /** Apply a change to a device document. */
  mutate(id: number, op: DeviceOp): void {
    this.devices.mutate(id, op);
  }

  /** Every device id, ascending. */
  deviceIds(): readonly number[] {
    return this.devices.ids();
  }

  /** Replace the raw readings of one sensor of a device: `[ISO text or epoch seconds, value]` pairs. */
  setReadings(
    deviceId: number,
    sensorId: number,
    points: ReadonlyArray<readonly [string | number, number | null]>,
  ): void {
    const parsed: RawPoint[] = points.map(([t, v]) => [toEpochSeconds(t), v]);
    const byTime = new Map(parsed.map((p) => [p[0], p]));
    const bySensor = this.#readings.get(deviceId) ?? new Map<number, RawPoint[]>();
    this.#readings.set(deviceId, bySensor);
    bySensor.set(
      sensorId,
      [...byTime.values()].sort((a, b) => a[0] - b[0]),
    );
  }

  /** Drop readings overrides (of one sensor, one device, or all). */
  clearReadings(deviceId?: number, sensorId?: number): void {
    if (deviceId === undefined) this.#readings.clear();
    else if (sensorId === undefined) this.#readings.delete(deviceId);
    else this.#readings.get(deviceId)?.delete(sensorId);
  }

  /** Readings set with setReadings for a sensor, oldest first (undefined if none were set). */
  readingsOverride(deviceId: number, sensorId: number): readonly RawPoint[] | undefined {
    return this.#readings.get(deviceId)?.get(sensorId);
  }

  /** Serve `body` (raw text, may be malformed JSON) for a data path such as `hardware/SCAS230001.json`. */
  setDataDocument(
    docPath: string,
    body: string,
    options: { status?: number; contentType?: string } = {},
  ): void {
    const contentType = options.contentType ?? 'text/plain; charset=utf-8';
    this.#data.set(normalizeDataPath(docPath), { status: options.status ?? 200, body, contentType });
  }

  /** Make a data path answer an error status (404 by default, e.g. 500 or 503). */
  failDataDocument(docPath: string, status = 404): void {
    const body = status === 404 ? '404: Not Found' : `${status}: Error`;
    this.setDataDocument(docPath, body, { status });
  }

  /** Remove one data-document override, or all of them. */
  clearDataDocument(docPath?: string): void {
    if (docPath === undefined) this.#data.clear();
    else this.#data.delete(normalizeDataPath(docPath));
  }

  dataOverride(docPath: string): DataOverride | undefined {
    return this.#data.get(normalizeDataPath(docPath));
  }

  /** Values posted to a device: sensor id → (epoch seconds → value). */
  posted(deviceId: number): Map<number, Map<number, number>> {
    return this.postedReadings.values(deviceId);
  }

  /** Values posted to one sensor of a device: epoch seconds → value. */
  postedValues(deviceId: number, sensorId: number): Map<number, number> {
    return this.postedReadings.values(deviceId).get(sensorId) ?? new Map();
  }

  /** How many times each (epoch second) of a sensor was written. */
  writeCounts(deviceId: number, sensorId: number): Map<number, number> {
    return this.postedReadings.counts(deviceId).get(sensorId) ?? new Map();
  }

  /** Put a user document (served by GET /v0/users/:username, also by numeric id). */
  putUser(doc: Record<string, unknown>): void {
    this.#users.set(String(doc.username), structuredClone(doc));
  }

  user(nameOrId: string): Record<string, unknown> | undefined {
    const byName = this.#users.get(nameOrId);
    if (byName !== undefined) return structuredClone(byName);
    const byId = [...this.#users.values()].find((u) => String(u.id) === nameOrId);
    return byId === undefined ? undefined : structuredClone(byId);
  }

  get faults(): FaultSettings {
    return this.faultController.settings;
  }

  /** Replace the fault settings (unset keys: no fault) and restart the fault sequence. */
  setFaults(settings: Partial<FaultSettings>): void {
    this.faultController.set(settings);
  }

  /** Every answered (or dropped) /v0 and /data request, oldest first. */
  get requestLog(): readonly RequestLogEntry[] {
    return this.#requests;
  }

  /** Every PATCH of a device (applied or refused), oldest first. */
  get patchLog(): readonly PatchLogEntry[] {
    return this.#patches;
  }

  logRequest(entry: RequestLogEntry): void {
    this.#requests.push(entry);
    if (this.#requests.length > this.#requestLogLimit)
      this.#requests.splice(0, this.#requests.length - this.#requestLogLimit);
  }

  logPatch(entry: PatchLogEntry): void {
    this.#patches.push(entry);
  }

  /** Forget the request and PATCH logs. */
  clearLogs(): void {
    this.#requests.length = 0;
    this.#patches.length = 0;
  }

  /** Forget every posted reading and write count. */
  clearPosted(): void {
    this.postedReadings.clear();
  }

  /** A JSON view of the state, for GET /__dev/state. */
  snapshot(): Record<string, unknown> {
    const { seed, count, firstId, originSec } = this.fleet;
    return {
      now: isoSeconds(epochSecondsOf(this.now())),
      fleet: { seed, devices: count, firstDeviceId: firstId, origin: isoSeconds(originSec) },
      deviceCount: this.deviceIds().length,
      faults: this.faults,
      posted: this.postedReadings.toJSON(),
      patchLog: this.#patches,
      requestLog: this.#requests,
    };
  }
}

/** `hardware/X.json` for `/hardware/X.json`, `hardware//X.json` etc. */
export function normalizeDataPath(docPath: string): string {
  return docPath
    .split('/')
    .filter((part) => part !== '')
    .join('/');
}

// The stand-in Smart Citizen API (`scflows dev-api`): what other modules and tests may use.

export type { FaultSettings } from './faults.js';
export { FIXTURE_NOW, loadFixtureWorld } from './fixture-world.js';
export { type DevApi, type DevApiOptions, defaultUpstreamDataDir, startDevApi } from './server.js';
export type { DataOverride } from './store.js';
export { DevApiStore } from './store.js';
export type { ThrottleOptions } from './throttle.js';
export type {
  DeviceDocument,
  PatchLogEntry,
  PostprocessingDocument,
  RawPoint,
  RequestLogEntry,
  SensorDocument,
} from './types.js';

// What a simulated device is, derived from (seed, index): its scheduler situation (spec §3.4), hardware,
// sensors, place and the span of its data. Cheap and pure; documents are rendered from it on demand.
import { CITIES, type City } from './geo.js';
import type { HardwareEntry } from './hardware.js';
import { hash, unit } from './random.js';
import { lastPresentMinute } from './sim-signal.js';

export const DEFAULT_DATA_URL = 'https://raw.githubusercontent.com/fablabbcn/smartcitizen-data/master';
export const SC_AIR_BLUEPRINT_URL = `${DEFAULT_DATA_URL}/blueprints/sc_air.json`;

/**
 * backlog: new data since latest_postprocessing; never-processed: latest_postprocessing null;
 * caught-up: stopped publishing, latest_postprocessing after last_reading_at; never-published: no readings,
 * no sensors; invalid-hardware: hardware_url resolves to a 404; no-postprocessing: not post-processed.
 */
export type Situation =
  | 'backlog'
  | 'never-processed'
  | 'caught-up'
  | 'never-published'
  | 'invalid-hardware'
  | 'no-postprocessing';

/** The fleet every simulated device belongs to. */
export interface FleetParams {
  readonly seed: number;
  readonly count: number;
  readonly firstId: number;
  /** Epoch seconds the fleet is anchored to (the clock at start-up). */
  readonly originSec: number;
  /** Hardware descriptions to choose from (empty: a built-in default name). */
  readonly hardware: readonly HardwareEntry[];
}

export interface SimSpec {
  readonly id: number;
  readonly index: number;
  readonly situation: Situation;
  readonly isPrivate: boolean;
  /** Second within the minute of every raw point. */
  readonly offset: number;
  readonly createdAt: number;
  readonly firstMinute: number;
  /** Last minute with data for devices that stopped publishing; null: publishing up to now. */
  readonly stoppedMinute: number | null;
  readonly latestPostprocessing: number | null;
  readonly hardwareUrl: string | null;
  readonly blueprintUrl: string | null;
  readonly sensorIds: readonly number[];
  readonly city: City;
  readonly ownerIndex: number;
}

const FALLBACK_HARDWARE: HardwareEntry = { name: 'SCAS230001', adcSensorIds: [135, 136] };
const ELECTROCHEMICAL_BASE = [10, 53, 55, 56, 158];
const PLAIN_KIT = [10, 14, 53, 55, 56, 58, 87, 88, 89];
const FIRST_FIVE: readonly Situation[] = [
  'backlog',
  'caught-up',
  'never-published',
  'invalid-hardware',
  'no-postprocessing',
];

function situationOf(seed: number, id: number, index: number): Situation {
  const fixed = FIRST_FIVE[index];
  if (fixed !== undefined) return fixed;
  const r = unit(seed, id, 1);
  if (r < 0.07) return 'never-processed';
  if (r < 0.7) return 'backlog';
  if (r < 0.8) return 'caught-up';
  if (r < 0.85) return 'never-published';
  if (r < 0.9) return 'invalid-hardware';
  return 'no-postprocessing';
}

function hardwareUrls(
  seed: number,
  id: number,
  situation: Situation,
  name: string,
): [string | null, string | null] {
  if (situation === 'invalid-hardware') {
    const broken = ['SCAS210001.json', 'SCAS299999', `${DEFAULT_DATA_URL}/hardware/SCAS000000.json`];
    return [broken[hash(seed, id, 2) % broken.length] ?? null, null];
  }
  const url = hash(seed, id, 3) % 2 === 0 ? `${DEFAULT_DATA_URL}/hardware/${name}.json` : name;
  return [url, unit(seed, id, 4) < 0.75 ? SC_AIR_BLUEPRINT_URL : null];
}

/** The spec of the simulated device at `index` of the fleet. */
export function simSpec(fleet: FleetParams, index: number): SimSpec {
  const { seed, originSec } = fleet;
  const id = fleet.firstId + index;
  const situation = situationOf(seed, id, index);
  const offset = hash(seed, id, 5) % 60;
  const createdAt = originSec - (30 + (hash(seed, id, 6) % 400)) * 86400 - (hash(seed, id, 7) % 86400);
  const firstMinute = Math.ceil((createdAt + 600 + (hash(seed, id, 8) % 3600) - offset) / 60);
  const originMinute = lastPresentMinute(seed, id, Math.floor((originSec - offset) / 60));
  const stoppedMinute =
    situation === 'caught-up'
      ? lastPresentMinute(seed, id, originMinute - 120 - (hash(seed, id, 9) % 4200))
      : null;
  let latest: number | null = null;
  if (situation === 'backlog') latest = (originMinute - 60 - (hash(seed, id, 10) % 1800)) * 60 + offset;
  if (situation === 'caught-up' && stoppedMinute !== null) latest = (stoppedMinute + 1) * 60 + offset;
  const pool = fleet.hardware.length > 0 ? fleet.hardware : [FALLBACK_HARDWARE];
  const hardware = pool[hash(seed, id, 15) % pool.length] ?? FALLBACK_HARDWARE;
  const [hardwareUrl, blueprintUrl] = hardwareUrls(seed, id, situation, hardware.name);
  const ownerIndex = Math.floor(index / 5);
  let sensorIds: number[] = [...ELECTROCHEMICAL_BASE, ...hardware.adcSensorIds];
  if (situation === 'no-postprocessing') sensorIds = PLAIN_KIT;
  if (situation === 'never-published') sensorIds = [];
  return {
    id,
    index,
    situation,
    isPrivate: index === 1 || (index >= FIRST_FIVE.length && unit(seed, id, 16) < 0.05),
    offset,
    createdAt,
    firstMinute,
    stoppedMinute,
    latestPostprocessing: latest,
    hardwareUrl: situation === 'no-postprocessing' ? null : hardwareUrl,
    blueprintUrl: situation === 'no-postprocessing' ? null : blueprintUrl,
    sensorIds,
    city: CITIES[hash(seed, ownerIndex, 17) % CITIES.length] ?? (CITIES[0] as City),
    ownerIndex,
  };
}

/** Last minute with data at `nowSec`, or null when the device has none (yet). */
export function lastMinuteOf(spec: SimSpec, seed: number, nowSec: number): number | null {
  if (spec.situation === 'never-published') return null;
  const limit = Math.floor((nowSec - spec.offset) / 60);
  const last = lastPresentMinute(seed, spec.id, Math.min(limit, spec.stoppedMinute ?? limit));
  return last < spec.firstMinute ? null : last;
}

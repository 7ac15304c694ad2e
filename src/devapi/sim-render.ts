// Renders the document (spec §2.2, same shape and key order as fixture device 90101) of a simulated
// device at a given instant, directly as JSON text: the search serves thousands of these per second, so
// constant parts (sensor objects, sorted sensor lists) are serialised once and reused. Pure.
import { catalogSensor, sortSensors } from './catalog.js';
import { geohash } from './geo.js';
import { hash, hexOf, unit, uuidOf } from './random.js';
import { signalValue } from './sim-signal.js';
import { type FleetParams, lastMinuteOf, type SimSpec } from './sim-spec.js';
import { isoSeconds } from './time.js';

const TAGS = ['[]', '["Research"]', '["Air Quality"]', '["Research","Schools"]'];
const FILTERED = '"[FILTERED]"';
const s = JSON.stringify;

/** Serialised sensor object around its value fields: [before `"value"`, from `"tags"` on]. */
const sensorParts = new Map<number, readonly [string, string] | null>();
/** Sensor ids in API order (by name) per sensor set. */
const sortedSets = new Map<string, readonly number[]>();

function partsOf(id: number): readonly [string, string] | null {
  let parts = sensorParts.get(id);
  if (parts === undefined) {
    const sensor = catalogSensor(id);
    if (sensor === undefined) parts = null;
    else {
      const text = s(sensor);
      parts = [text.slice(0, text.indexOf(',"value":') + 1), text.slice(text.indexOf('"tags":'))];
    }
    sensorParts.set(id, parts);
  }
  return parts;
}

function sortedIds(ids: readonly number[]): readonly number[] {
  const key = ids.join(',');
  let sorted = sortedSets.get(key);
  if (sorted === undefined) {
    const sensors = ids.flatMap((id) => catalogSensor(id) ?? []);
    sorted = sortSensors(sensors).map((sensor) => sensor.id);
    sortedSets.set(key, sorted);
  }
  return sorted;
}

function sensorsJson(spec: SimSpec, seed: number, lastMinute: number | null): string {
  if (lastMinute === null) return '[]';
  const at = s(isoSeconds(lastMinute * 60 + spec.offset));
  const out: string[] = [];
  for (const id of sortedIds(spec.sensorIds)) {
    const parts = partsOf(id);
    if (parts === null) continue;
    const value = signalValue(seed, spec.id, id, lastMinute);
    const prev = signalValue(seed, spec.id, id, lastMinute - 1);
    out.push(`${parts[0]}"value":${value},"prev_value":${prev},"last_reading_at":${at},${parts[1]}`);
  }
  return `[${out.join(',')}]`;
}

function postprocessingJson(spec: SimSpec, seed: number): string {
  if (spec.situation === 'no-postprocessing') return 'null';
  const created = spec.createdAt + 86400 + (hash(seed, spec.id, 22) % 86400);
  const latest = spec.latestPostprocessing;
  const updated = latest === null ? created : Math.max(created, latest + 257);
  return (
    `{"id":${1_000_000 + spec.id},"blueprint_url":${s(spec.blueprintUrl)},"hardware_url":${s(spec.hardwareUrl)},` +
    `"device_id":${spec.id},"forwarding_params":null,"meta":null,` +
    `"latest_postprocessing":${latest === null ? 'null' : s(isoSeconds(latest))},` +
    `"created_at":${s(isoSeconds(created))},"updated_at":${s(isoSeconds(updated))}}`
  );
}

function ownerJson(spec: SimSpec, fleet: FleetParams): string {
  const [city, countryCode, country] = spec.city;
  const first = spec.ownerIndex * 5;
  const ids: number[] = [];
  for (let i = first; i < Math.min(first + 5, fleet.count); i++) ids.push(fleet.firstId + i);
  return (
    `{"id":${8000 + spec.ownerIndex},"uuid":${s(uuidOf(fleet.seed, spec.ownerIndex, 23))},` +
    `"username":"sim_user_${spec.ownerIndex}","url":null,"profile_picture":"",` +
    `"location":{"city":${s(city)},"country":${s(country)},"country_code":${s(countryCode)}},` +
    `"device_ids":[${ids.join(',')}]}`
  );
}

function hardwareJson(mac: string | null, statusTime: number, admin: boolean): string {
  if (mac === null)
    return '{"name":"Unknown","type":"Unknown","version":null,"slug":"unknown","last_status_message":null}';
  const status = admin
    ? `{"id":"8517F6DB5055344E312E3120FF${mac.slice(9).replaceAll(':', '')}","mac":"${mac}",` +
      `"time":"${isoSeconds(statusTime)}","esp_bd":"2023-11-20T10:11:12Z","hw_ver":"2.1",` +
      `"sam_bd":"2023-11-20T10:05:01Z","esp_ver":"0.9.9-4c1e2a7","sam_ver":"0.9.9-8d0b3f1"}`
    : FILTERED;
  return `{"name":"SmartCitizen Kit 2.1","type":"SCK","version":"2.1","slug":"sck:2,1","last_status_message":${status}}`;
}

/** The document of a simulated device at `nowSec`, as JSON text (admin view, or the anonymous one). */
export function simDeviceJson(spec: SimSpec, fleet: FleetParams, nowSec: number, admin: boolean): string {
  const { seed } = fleet;
  const { id } = spec;
  const lastMinute = lastMinuteOf(spec, seed, nowSec);
  const lastReading = lastMinute === null ? null : lastMinute * 60 + spec.offset;
  const [city, countryCode, country, lat, lon, elevation] = spec.city;
  const latitude = Math.round((lat + (unit(seed, id, 24) - 0.5) * 0.1) * 1e5) / 1e5;
  const longitude = Math.round((lon + (unit(seed, id, 25) - 0.5) * 0.1) * 1e5) / 1e5;
  const exposure = unit(seed, id, 26) < 0.85 ? 'outdoor' : 'indoor';
  const online = lastReading !== null && nowSec - lastReading < 3600 ? 'online' : 'offline';
  const mac =
    lastReading === null
      ? null
      : `A4:CF:12:${hexOf(6, seed, id, 21)
          .toUpperCase()
          .replace(/(..)(..)(..)/, '$1:$2:$3')}`;
  const statusTime =
    Math.floor((lastReading ?? spec.createdAt) / 86400) * 86400 + 21600 + (hash(seed, id, 33) % 120);
  const tags = exposure < online ? `"${exposure}","${online}"` : `"${online}","${exposure}"`;
  const elevationJson = lastReading === null ? '' : `"elevation":${elevation + (hash(seed, id, 32) % 40)},`;
  const policy = admin
    ? 'false,"precise_location":true,"forwarding_destination":null'
    : `${FILTERED},"precise_location":${FILTERED},"forwarding_destination":${FILTERED}`;
  return (
    `{"id":${id},"uuid":"${uuidOf(seed, id, 27)}","name":${s(`${city} station ${id} (simulated)`)},` +
    `"description":"Simulated Smart Citizen Station, ${spec.situation}",` +
    `"state":"${lastReading === null ? 'never_published' : 'has_published'}","system_tags":[${tags}],` +
    `"user_tags":${TAGS[hash(seed, id, 28) % TAGS.length]},` +
    `"last_reading_at":${lastReading === null ? 'null' : `"${isoSeconds(lastReading)}"`},` +
    `"created_at":"${isoSeconds(spec.createdAt)}",` +
    `"updated_at":"${isoSeconds(lastReading === null ? spec.createdAt + 727 : lastReading + 1)}",` +
    `"notify":{"stopped_publishing":${hash(seed, id, 29) % 2 === 0},"low_battery":${hash(seed, id, 30) % 5 === 0}},` +
    `"device_token":${admin ? `"${hexOf(6, seed, id, 31)}"` : FILTERED},` +
    (admin && mac !== null ? `"mac_address":"${mac}",` : '') +
    `"postprocessing":${postprocessingJson(spec, seed)},` +
    `"location":{"exposure":"${exposure}",${elevationJson}"latitude":${latitude},"longitude":${longitude},` +
    `"geohash":"${geohash(latitude, longitude)}","city":${s(city)},"country_code":${s(countryCode)},"country":${s(country)}},` +
    `"data_policy":{"is_private":${spec.isPrivate},"enable_forwarding":${policy}},` +
    `"hardware":${hardwareJson(mac, statusTime, admin)},"owner":${ownerJson(spec, fleet)},` +
    `"data":{"sensors":${sensorsJson(spec, seed, lastMinute)}},"experiment_ids":[]}`
  );
}

// names/SCDevice.json: API sensor id -> canonical channel name (first entry with the id wins, quirk Q3).
import { expectArray, expectObject, expectString } from './json.js';

export interface NameEntry {
  readonly name: string;
  /** Sensor id as a string ("0" = none). */
  readonly id: string;
  readonly unit: string | null;
}

export type Names = readonly NameEntry[];

/** A sensor of the device JSON (`data.sensors[]`). */
export interface DeviceSensor {
  readonly id: number;
  readonly name: string;
  readonly unit?: string | null;
}

/** Validate a parsed names document: a list of `{name, id}` (id string or integer). */
export function parseNames(json: unknown, label = 'names'): Names {
  return expectArray(json, label, 'the document').map((e, i) => {
    const entry = expectObject(e, label, `entry ${i}`);
    const id =
      typeof entry.id === 'number' ? String(entry.id) : expectString(entry.id, label, `entry ${i}.id`);
    const unit = typeof entry.unit === 'string' ? entry.unit : null;
    return { name: expectString(entry.name, label, `entry ${i}.name`), id, unit };
  });
}

/** Canonical name of an API sensor: the first names entry with its id, else its API name. */
export function canonicalName(sensor: DeviceSensor, names: Names): string {
  const id = String(sensor.id);
  for (const entry of names) if (entry.id === id) return entry.name;
  return sensor.name;
}

/** API sensor name -> canonical name for every sensor of the device. */
export function canonicalNames(sensors: readonly DeviceSensor[], names: Names): Map<string, string> {
  const out = new Map<string, string>();
  for (const sensor of sensors) if (!out.has(sensor.name)) out.set(sensor.name, canonicalName(sensor, names));
  return out;
}

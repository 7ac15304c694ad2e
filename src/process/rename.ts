// Rename loaded columns from API sensor names to canonical names (spec §2.7).
import { DocumentError } from './errors.js';
import { canonicalNames, type DeviceSensor, type Names } from './resolve/names.js';
import type { Table } from './table.js';

/** A table whose API-sensor columns carry their canonical names (other columns keep their names). */
export function renameTable(table: Table, sensors: readonly DeviceSensor[], names: Names): Table {
  const canonical = canonicalNames(sensors, names);
  const columns = new Map<string, Float64Array>();
  const source = new Map<string, string>();
  for (const [name, values] of table.columns) {
    const target = canonical.get(name) ?? name;
    const previous = source.get(target);
    if (previous !== undefined) {
      throw new DocumentError(
        `device sensors: columns '${previous}' and '${name}' both rename to '${target}'`,
      );
    }
    source.set(target, name);
    columns.set(target, values);
  }
  return { index: table.index, columns };
}

// Unit conversion of loaded channels to their canonical unit (scdata tools/units.py, spec §4.3).
import { UnitError } from './errors.js';
import { canonicalName, type DeviceSensor, type Names } from './resolve/names.js';
import type { Table } from './table.js';

/** Canonical-name pattern -> target unit, in the original's order. */
const CHANNEL_UNITS: readonly (readonly [RegExp, string])[] = [
  [/TEMP/, 'degC'],
  [/HUM/, '%rh'],
  [/PRESS/, 'kPa'],
  [/PM_(\d|[A,B]_\d)/, 'ug/m3'],
  [/^CO2/, 'ppm'],
  [/^CO/, 'ppb'],
  [/NOISE_A/, 'dBA'],
  [/NO$/, 'ppb'],
  [/NO2/, 'ppb'],
  [/NOX/, 'ppb'],
  [/O3/, 'ppb'],
  [/C6H6/, 'ppb'],
  [/H2S/, 'ppb'],
  [/SO2/, 'ppb'],
  [/CO2/, 'ppm'],
];

const MOLECULAR_WEIGHTS: readonly (readonly [string, number])[] = [
  ['CO', 28],
  ['NO', 30],
  ['NO2', 46],
  ['O3', 48],
  ['C6H6', 78],
  ['SO2', 64],
  ['H2S', 34],
];

/** [from, to, factor, needs molecular weight]; usable in both directions. `°C` is this port's addition. */
const CONVERSIONS: readonly (readonly [string, string, number, boolean])[] = [
  ['%rh', '%', 1, false],
  ['ºC', 'degC', 1, false],
  ['°C', 'degC', 1, false],
  ['ppm', 'ppb', 1000, false],
  ['mg/m3', 'ug/m3', 1000, false],
  ['mgm3', 'ugm3', 1000, false],
  ['mg/m3', 'ppm', 24.45, true],
  ['mgm3', 'ppm', 24.45, true],
  ['ug/m3', 'ppb', 24.45, true],
  ['ugm3', 'ppb', 24.45, true],
  ['mg/m3', 'ppb', 1000 * 24.45, true],
  ['mgm3', 'ppb', 1000 * 24.45, true],
  ['ug/m3', 'ppm', (1 / 1000) * 24.45, true],
  ['ugm3', 'ppm', (1 / 1000) * 24.45, true],
];

/**
 * Factor that converts a channel named `canonical` from `fromUnit` to its canonical unit (1 when nothing
 * matches or the unit is empty/absent). A unit with no conversion is a UnitError (the original crashes).
 */
export function unitFactor(
  canonical: string,
  fromUnit: string | null | undefined,
  sensorLabel = canonical,
): number {
  let factor = 1;
  for (const [pattern, target] of CHANNEL_UNITS) {
    if (!pattern.test(canonical)) continue;
    const weight = MOLECULAR_WEIGHTS.find(([pollutant]) => pattern.test(pollutant))?.[1] ?? 1;
    if (target !== fromUnit && fromUnit !== '' && fromUnit !== null && fromUnit !== undefined) {
      const forward = CONVERSIONS.find(([from, to]) => from === fromUnit && to === target);
      const backward = forward
        ? undefined
        : CONVERSIONS.find(([from, to]) => to === fromUnit && from === target);
      if (!forward && !backward) {
        throw new UnitError(
          `sensor ${sensorLabel}: unit '${fromUnit}' cannot be converted to '${target}' (${canonical})`,
        );
      }
      const [, , f, needsWeight] = (forward ?? backward)!;
      const raw = forward ? f : 1 / f;
      factor = needsWeight ? raw / weight : raw;
    } else {
      factor = 1;
    }
    if (factor !== 1) break;
  }
  return factor;
}

/**
 * Apply unit factors to a renamed table: for a loaded sensor whose factor is not 1 the raw column is kept
 * as `<name>_in_<unit>` and `<name>` gets the converted values. Factor 1 (V, ºC/°C, ppm, ...) changes nothing.
 */
export function convertUnits(table: Table, sensors: readonly DeviceSensor[], names: Names): Table {
  const columns = new Map(table.columns);
  for (const sensor of sensors) {
    const name = canonicalName(sensor, names);
    const raw = table.columns.get(name);
    if (!raw) continue;
    const factor = unitFactor(name, sensor.unit, `'${sensor.name}' (id ${sensor.id})`);
    if (factor === 1) continue;
    const converted = new Float64Array(raw.length);
    for (let i = 0; i < raw.length; i++) converted[i] = raw[i]! * factor;
    columns.set(`${name}_in_${sensor.unit}`, raw);
    columns.set(name, converted);
  }
  return { index: table.index, columns };
}

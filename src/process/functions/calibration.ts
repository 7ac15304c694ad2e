// Calibration entries hold numbers or numeric strings; the functions convert every field with Python's
// float() first and report ERROR_WRONG_CALIBRATION when one fails (e.g. the empty string).
import type { Calibrations } from '../resolve/calibrations.js';
import { MetricKeyError } from '../status.js';

export type CalibrationLookup =
  | { readonly kind: 'empty' }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'wrong' }
  | { readonly kind: 'ok'; readonly fields: ReadonlyMap<string, number> };

const PY_FLOAT = /^[+-]?(?:(?:\d(?:_?\d)*)(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const PY_SPECIAL = /^[+-]?(?:inf|infinity|nan)$/i;

/** Python `float(value)` for a JSON value, or undefined where Python raises. */
export function pythonFloat(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (PY_FLOAT.test(text)) return Number(text.replaceAll('_', ''));
  if (PY_SPECIAL.test(text)) {
    if (/nan/i.test(text)) return Number.NaN;
    return text.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  return undefined;
}

/** Look an id up: null id -> empty, absent -> not_found, a non-float field -> wrong, else the floats. */
export function lookupCalibration(calibrations: Calibrations, id: unknown): CalibrationLookup {
  if (id === null) return { kind: 'empty' };
  if (typeof id !== 'string' || !Object.hasOwn(calibrations, id)) return { kind: 'not_found' };
  const entry = calibrations[id]!;
  const fields = new Map<string, number>();
  for (const [key, raw] of Object.entries(entry)) {
    const value = pythonFloat(raw);
    if (value === undefined) return { kind: 'wrong' };
    fields.set(key, value);
  }
  return { kind: 'ok', fields };
}

/** `cal_data[field]`: a missing field raises KeyError in the original. */
export function field(fields: ReadonlyMap<string, number>, name: string, id: string): number {
  const value = fields.get(name);
  if (value === undefined) throw new MetricKeyError(`calibration ${id} has no field '${name}'`);
  return value;
}

// Reading kwargs the way the Python functions do: key presence (`'x' in kwargs`), Python truthiness and
// `kwargs.get(key, default)`.
import { MetricCrash, MetricKeyError } from '../status.js';
import type { Kwargs } from './types.js';

/** `key in kwargs`. */
export function has(kwargs: Kwargs, key: string): boolean {
  return Object.hasOwn(kwargs, key);
}

/** `kwargs[key]`: a missing key raises KeyError in the original. */
export function required(kwargs: Kwargs, key: string, fn: string): unknown {
  if (!has(kwargs, key)) throw new MetricKeyError(`${fn}: kwarg '${key}' is missing`);
  return kwargs[key];
}

/** `kwargs.get(key)` with None and absence both giving `undefined`. */
export function optional(kwargs: Kwargs, key: string): unknown {
  const value = has(kwargs, key) ? kwargs[key] : undefined;
  return value === null ? undefined : value;
}

/** Python truthiness of a JSON value. */
export function truthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** A finite number kwarg (or the default when absent / null); anything else makes the original raise. */
export function numberKwarg(kwargs: Kwargs, key: string, fallback: number, fn: string): number {
  const value = optional(kwargs, key);
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  throw new MetricCrash(`${fn}: kwarg '${key}' must be a number, got ${JSON.stringify(value)}`);
}

/** The column a kwarg names, or undefined when the kwarg is not a string or the column is absent. */
export function columnNamed(
  columns: ReadonlyMap<string, Float64Array>,
  name: unknown,
): Float64Array | undefined {
  return typeof name === 'string' ? columns.get(name) : undefined;
}

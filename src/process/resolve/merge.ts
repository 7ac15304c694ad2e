// Recursive dictionary merge (scdata `dict_fmerge`): patch values replace base values, nested objects merge.
import { isObject, type JsonObject } from './json.js';

/** A new object: `base` with `patch` merged in recursively (arrays and scalars are replaced). */
export function deepMerge(base: JsonObject, patch: JsonObject): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] = isObject(current) && isObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}

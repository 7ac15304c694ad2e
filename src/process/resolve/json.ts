// Small shape checks shared by the document parsers; every failure is a one-line DocumentError.
import { DocumentError } from '../errors.js';

export type JsonObject = Readonly<Record<string, unknown>>;

/** True for a JSON object (not null, not an array). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parse JSON text of the document `label`, or throw a DocumentError naming it. */
export function parseJsonText(text: string, label: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new DocumentError(`${label}: not valid JSON (${reason})`, { cause: error });
  }
}

/** The value as an object, or a DocumentError "<label>: <what> must be an object". */
export function expectObject(value: unknown, label: string, what: string): JsonObject {
  if (!isObject(value))
    throw new DocumentError(`${label}: ${what} must be an object, got ${describe(value)}`);
  return value;
}

/** The value as an array, or a DocumentError. */
export function expectArray(value: unknown, label: string, what: string): readonly unknown[] {
  if (!Array.isArray(value))
    throw new DocumentError(`${label}: ${what} must be an array, got ${describe(value)}`);
  return value;
}

/** The value as a string, or a DocumentError. */
export function expectString(value: unknown, label: string, what: string): string {
  if (typeof value !== 'string')
    throw new DocumentError(`${label}: ${what} must be a string, got ${describe(value)}`);
  return value;
}

/** The value as a string or null (absent counts as null), or a DocumentError. */
export function optionalString(value: unknown, label: string, what: string): string | null {
  if (value === undefined || value === null) return null;
  return expectString(value, label, what);
}

/** Short description of a JSON value for messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

// Timestamps as the API writes and reads them: UTC ISO 8601 at second precision with a `Z`, and the
// permissive parsing the server applies to `from`/`to` (spec §4.2): ISO dates and datetimes, the
// space-separated form the Python client sends (whose `+00:00` arrives as ` 00:00`), epoch seconds.
import { UsageError } from '../errors.js';

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?|\d{2}:?\d{2})?$/i;

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** `2025-03-10T13:59:41Z` for an instant given in epoch seconds (arithmetic: this is on the hot path). */
export function isoSeconds(epochSeconds: number): string {
  const t = Math.floor(epochSeconds);
  const days = Math.floor(t / 86400);
  const secs = t - days * 86400;
  if (days < 0 || days > 2932896) return `${new Date(t * 1000).toISOString().slice(0, 19)}Z`;
  // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hh = Math.floor(secs / 3600);
  const mm = Math.floor((secs % 3600) / 60);
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(hh)}:${pad2(mm)}:${pad2(secs % 60)}Z`;
}

/** Epoch seconds (fractions dropped) of a Date. */
export function epochSecondsOf(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/**
 * Epoch seconds of an ISO-like date or datetime, or undefined when it cannot be read. A trailing
 * zone without a sign (what `+00:00` becomes after form decoding) is ignored, i.e. read as UTC, like the
 * production server running in UTC.
 */
export function parseIsoTime(text: string): number | undefined {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) =>
    v === undefined ? 0 : Number(v),
  ) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return undefined;
  return ms / 1000 - zoneOffsetSeconds(m[7]);
}

function zoneOffsetSeconds(zone: string | undefined): number {
  if (zone === undefined || !/^[+-]/.test(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 3600 + minutes * 60);
}

/** A `from`/`to` query value: an integer number of epoch seconds or an ISO-like date(time). */
export function parseTimeParam(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^-?\d+$/.test(trimmed)) return Number(trimmed);
  return parseIsoTime(trimmed);
}

/** Epoch seconds of a JSON timestamp value (string or number), or undefined. */
export function parseTimeValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.floor(value) : undefined;
  if (typeof value === 'string') return parseTimeParam(value);
  return undefined;
}

/** A reading timestamp given as ISO text or epoch seconds, in epoch seconds. */
export function toEpochSeconds(value: string | number): number {
  const seconds = parseTimeValue(value);
  if (seconds === undefined) throw new UsageError(`not a timestamp: ${String(value)}`, 'E_DEVAPI_TIMESTAMP');
  return seconds;
}

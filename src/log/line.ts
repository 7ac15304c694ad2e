// One log line: `<ISO time> <level> <message> <JSON meta>`, secrets redacted, always a single line.
import { redact } from '../api/redact.js';

/** Format one event as a line (no newline); `secret` is removed from the message and every meta string. */
export function formatLine(
  time: Date,
  level: string,
  message: string,
  meta: Record<string, unknown> | undefined,
  secret: string | undefined,
): string {
  const text = redact(message, secret).replace(/[\r\n]+/g, ' ');
  const json = JSON.stringify(toJson(meta ?? {}, secret, new Set()));
  return `${time.toISOString()} ${level} ${text} ${json}`;
}

// A JSON-safe copy: strings redacted, errors as {name, code, message}, bigint as text, cycles cut.
function toJson(value: unknown, secret: string | undefined, parents: Set<object>): unknown {
  if (typeof value === 'string') return redact(value, secret);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (parents.has(value)) return '[Circular]';
  parents.add(value);
  let out: unknown;
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    out = {
      name: value.name,
      ...(code === undefined ? {} : { code }),
      message: redact(value.message, secret),
    };
  } else if (Array.isArray(value)) {
    out = value.map((item) => toJson(item, secret, parents));
  } else {
    out = Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, toJson(item, secret, parents)]),
    );
  }
  parents.delete(value);
  return out;
}

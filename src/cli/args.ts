// Argument parsers shared by commands; each throws UsageError with a message quoting the bad input.
import { UsageError } from '../errors.js';

/** A Smart Citizen device id: a positive integer. */
export function parseDeviceId(value: unknown): number {
  const text = String(value).trim();
  if (!/^\d+$/.test(text) || Number(text) <= 0 || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`device id must be a positive integer, got "${String(value)}"`, 'E_BAD_DEVICE_ID');
  }
  return Number(text);
}

/** An integer option within [min, max], named in the message. */
export function parseIntOption(name: string, value: unknown, min: number, max: number): number {
  const text = String(value).trim();
  if (!/^-?\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(
      `--${name} must be an integer from ${min} to ${max}, got "${String(value)}"`,
      'E_BAD_OPTION',
    );
  }
  return Number(text);
}

// What the scheduler does with one device of the search (spec §3.4), given its §6.3 validity: leave its
// entry alone, remove it, or schedule it. Instants are compared, not strings.
import type { DeviceDoc } from '../api/types.js';

export type DeviceDecision =
  | { kind: 'schedule' }
  | { kind: 'remove'; reason: 'no readings yet' | 'nothing to process' }
  | { kind: 'invalid'; reason: string };

/** Decide a device's entry from its document and whether its postprocessing is valid. */
export function decideDevice(
  device: Pick<DeviceDoc, 'last_reading_at' | 'postprocessing'>,
  validity: { valid: true } | { valid: false; reason: string },
): DeviceDecision {
  if (!validity.valid) return { kind: 'invalid', reason: validity.reason };
  if (device.last_reading_at === null) return { kind: 'remove', reason: 'no readings yet' };
  const latest = device.postprocessing?.latest_postprocessing ?? null;
  if (latest !== null && Date.parse(latest) > Date.parse(device.last_reading_at)) {
    return { kind: 'remove', reason: 'nothing to process' };
  }
  return { kind: 'schedule' };
}

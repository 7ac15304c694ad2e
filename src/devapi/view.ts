// What a caller without owner/admin rights sees of a device (spec §2.2, fixture 90101.anonymous.json).
import type { DeviceDocument } from './types.js';

const FILTERED = '[FILTERED]';

/** Filter a freshly rendered admin-view document in place for an anonymous caller; returns it. */
export function anonymousView(doc: DeviceDocument): DeviceDocument {
  doc.device_token = FILTERED;
  delete doc.mac_address;
  const policy = doc.data_policy as Record<string, unknown> | undefined;
  if (policy) {
    for (const key of ['enable_forwarding', 'precise_location', 'forwarding_destination']) {
      if (key in policy) policy[key] = FILTERED;
    }
  }
  const hardware = doc.hardware as Record<string, unknown> | undefined;
  if (hardware && 'last_status_message' in hardware) hardware.last_status_message = FILTERED;
  return doc;
}

/** Whether a caller may see the device at all. */
export function isVisible(doc: Pick<DeviceDocument, 'data_policy'>, isAdmin: boolean): boolean {
  return isAdmin || doc.data_policy?.is_private !== true;
}

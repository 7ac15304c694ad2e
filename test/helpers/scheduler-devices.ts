// Device documents for scheduler tests: the fixture 90101 (admin view, read from ../shared) with the
// id, hardware and timestamps the test needs. Put into the stand-in with `api.store.putDevice`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DeviceDocument } from '../../src/devapi/index.js';
import { fixturesDir } from './shared.js';

const template = JSON.parse(
  readFileSync(path.join(fixturesDir, 'devices', '90101.json'), 'utf8'),
) as DeviceDocument;

export interface DeviceShape {
  /** hardware_url: a bare name, a URL, null or '' (default SCAS230001). */
  hardware?: string | null;
  latest?: string | null;
  last?: string | null;
  /** No postprocessing record at all (the search does not return such a device). */
  noPostprocessing?: boolean;
}

/** A device document with a postprocessing record shaped by `shape`. */
export function schedulerDevice(id: number, shape: DeviceShape = {}): DeviceDocument {
  const doc = structuredClone(template) as unknown as Record<string, unknown>;
  const postprocessing = doc.postprocessing as Record<string, unknown>;
  doc.id = id;
  doc.last_reading_at = shape.last === undefined ? '2025-03-10T13:59:41Z' : shape.last;
  doc.postprocessing = shape.noPostprocessing
    ? null
    : {
        ...postprocessing,
        id: 500_000 + id,
        device_id: id,
        hardware_url: shape.hardware === undefined ? 'SCAS230001' : shape.hardware,
        latest_postprocessing: shape.latest === undefined ? '2025-03-10T09:00:41Z' : shape.latest,
      };
  return doc as unknown as DeviceDocument;
}

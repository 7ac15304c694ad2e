// calibrations.json: sensor serial / AFE id -> calibration fields (numbers or numeric strings; some are
// empty strings, which the functions report as ERROR_WRONG_CALIBRATION, so values are kept raw here).
import { expectObject, type JsonObject } from './json.js';

export type CalibrationEntry = JsonObject;
export type Calibrations = Readonly<Record<string, CalibrationEntry>>;

/** Validate a parsed calibrations document: an object of objects. */
export function parseCalibrations(json: unknown, label = 'calibrations.json'): Calibrations {
  const root = expectObject(json, label, 'the document');
  const out: Record<string, CalibrationEntry> = {};
  for (const [id, entry] of Object.entries(root)) out[id] = expectObject(entry, label, `entry '${id}'`);
  return out;
}

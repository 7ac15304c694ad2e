// Hardware descriptions (hardware/<id>.json): which sensor serial sits in which slot.
import { DocumentError } from '../errors.js';
import { describe, expectArray, expectObject, expectString, optionalString } from './json.js';

export interface HardwareVersion {
  /** Slot (e.g. `AS_48_32`, `PT_49_23`) -> sensor serial / AFE id. */
  readonly ids: Readonly<Record<string, string>>;
  /** Ignored, as in the original (quirk Q5): every version is applied in file order. */
  readonly from: string | null;
  readonly to: string | null;
}

export interface Hardware {
  readonly blueprintUrl: string;
  readonly description: string | null;
  readonly versions: readonly HardwareVersion[];
}

/** Validate a parsed hardware description. Serials may be strings or integers (kept as strings). */
export function parseHardware(json: unknown, label = 'hardware'): Hardware {
  const root = expectObject(json, label, 'the document');
  const versions = expectArray(root.versions ?? [], label, 'versions').map((v, i) => {
    const version = expectObject(v, label, `versions[${i}]`);
    const ids = expectObject(version.ids ?? {}, label, `versions[${i}].ids`);
    const out: Record<string, string> = {};
    for (const [slot, serial] of Object.entries(ids)) {
      if (typeof serial === 'string') out[slot] = serial;
      else if (typeof serial === 'number' && Number.isInteger(serial)) out[slot] = String(serial);
      else
        throw new DocumentError(
          `${label}: versions[${i}].ids.${slot} must be a serial string, got ${describe(serial)}`,
        );
    }
    return {
      ids: out,
      from: optionalString(version.from, label, `versions[${i}].from`),
      to: optionalString(version.to, label, `versions[${i}].to`),
    };
  });
  return {
    blueprintUrl: expectString(root.blueprint_url, label, 'blueprint_url'),
    description: optionalString(root.description, label, 'description'),
    versions,
  };
}

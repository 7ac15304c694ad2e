// Reads the hardware descriptions of the upstream-data folder once at start-up: which hardware names
// exist and which ADC sensors (ids 133–151) each one needs (spec §9.4: AS_/PT_ slots → ADC channels).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeError, LocalFileError } from '../errors.js';
import { ADC_BASE_IDS } from './catalog.js';

/** A usable hardware description: its name (file name without `.json`) and the ADC sensor ids it reads. */
export interface HardwareEntry {
  readonly name: string;
  readonly adcSensorIds: readonly number[];
}

const SLOT = /^(?:AS|PT)_([0-9A-F]{2})_([0-3])([0-3])$/i;

/** ADC sensor ids named by the slots of a parsed hardware description (sorted, unique). */
export function adcSensorIds(description: unknown): number[] {
  const ids = new Set<number>();
  const versions = (description as { versions?: unknown } | null)?.versions;
  if (!Array.isArray(versions)) return [];
  for (const version of versions) {
    const slots = (version as { ids?: unknown } | null)?.ids;
    if (slots === null || typeof slots !== 'object') continue;
    for (const slot of Object.keys(slots)) {
      const m = SLOT.exec(slot);
      const base = m ? ADC_BASE_IDS[(m[1] ?? '').toUpperCase()] : undefined;
      if (!m || base === undefined) continue;
      ids.add(base + Number(m[2]));
      ids.add(base + Number(m[3]));
    }
  }
  return [...ids].sort((a, b) => a - b);
}

/** Every hardware description in `<dataDir>/hardware` that parses and names at least one ADC channel. */
export async function scanHardware(dataDir: string): Promise<HardwareEntry[]> {
  const dir = path.join(dataDir, 'hardware');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new LocalFileError(`cannot list ${dir}: ${describeError(error)}`, 'E_DEVAPI_DATA', {
      cause: error,
    });
  }
  const entries = await Promise.all(
    names.map(async (file): Promise<HardwareEntry | undefined> => {
      const ids = adcSensorIds(parseOrNull(await readText(path.join(dir, file))));
      return ids.length === 0 ? undefined : { name: file.slice(0, -'.json'.length), adcSensorIds: ids };
    }),
  );
  return entries.filter((e): e is HardwareEntry => e !== undefined);
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new LocalFileError(`cannot read ${file}: ${describeError(error)}`, 'E_DEVAPI_DATA', {
      cause: error,
    });
  }
}

/** The parsed JSON, or null for malformed text (such a description is not offered to simulated devices). */
function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

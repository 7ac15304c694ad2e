// Access to the shared golden vectors and upstream data files (read in place, never copied).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBlueprint } from '../../../src/process/resolve/blueprint.js';
import { type Calibrations, parseCalibrations } from '../../../src/process/resolve/calibrations.js';
import { parseHardware } from '../../../src/process/resolve/hardware.js';
import { type Names, parseNames } from '../../../src/process/resolve/names.js';
import { upstreamDataDir, vectorsDir } from '../../helpers/shared.js';

/** Names of every vector folder. */
export function vectorNames(): string[] {
  return readdirSync(vectorsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** Path of a file inside a vector folder. */
export function vectorFile(vector: string, file: string): string {
  return path.join(vectorsDir, vector, file);
}

/** A vector's JSON file. */
export function vectorJson<T = Record<string, unknown>>(vector: string, file: string): T {
  return JSON.parse(readFileSync(vectorFile(vector, file), 'utf8')) as T;
}

/** An upstream data JSON file, by its path under upstream-data/. */
export function upstreamJson(relative: string): unknown {
  return JSON.parse(readFileSync(path.join(upstreamDataDir, relative), 'utf8'));
}

/** Every hardware id of upstream-data/hardware. */
export function hardwareIds(): string[] {
  return readdirSync(path.join(upstreamDataDir, 'hardware'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

let calibrationsCache: Calibrations | undefined;
let namesCache: Names | undefined;

/** The real calibrations.json. */
export function upstreamCalibrations(): Calibrations {
  calibrationsCache ??= parseCalibrations(upstreamJson('calibrations/calibrations.json'));
  return calibrationsCache;
}

/** The real names/SCDevice.json. */
export function upstreamNames(): Names {
  namesCache ??= parseNames(upstreamJson('names/SCDevice.json'));
  return namesCache;
}

/** A blueprint of upstream-data/blueprints by file name (e.g. `sc_air.json`). */
export function upstreamBlueprint(file: string) {
  return parseBlueprint(upstreamJson(`blueprints/${file}`), file);
}

/** A hardware description of upstream-data/hardware by id. */
export function upstreamHardware(id: string) {
  return parseHardware(upstreamJson(`hardware/${id}.json`), id);
}

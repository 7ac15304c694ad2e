// Loads the shared API fixtures (devices 90101–90105, the 90101 readings, the login users) into a store,
// so the stand-in answers exactly like the fixture files. The fixture folder is read where the caller
// says it is; nothing is copied into this repository.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeError, LocalFileError } from '../errors.js';
import type { DevApiStore } from './store.js';
import type { DeviceDocument } from './types.js';

/** The "now" of the fixture world (fixtures/api/README.md). */
export const FIXTURE_NOW = new Date('2025-03-10T14:03:07Z');

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new LocalFileError(`cannot load fixture ${file}: ${describeError(error)}`, 'E_DEVAPI_FIXTURE', {
      cause: error,
    });
  }
}

async function list(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new LocalFileError(`cannot list ${dir}: ${describeError(error)}`, 'E_DEVAPI_FIXTURE', {
      cause: error,
    });
  }
}

interface ReadingsFixture {
  sensor_id: number;
  component_id: number | null;
  readings: [string, number | null][];
}

/** Put the fixture devices, their readings and users into the store; returns the device ids. */
export async function loadFixtureWorld(store: DevApiStore, fixturesDir: string): Promise<number[]> {
  const devicesDir = path.join(fixturesDir, 'devices');
  const files = (await list(devicesDir)).filter((f) => /^\d+\.json$/.test(f));
  if (files.length === 0) {
    throw new LocalFileError(`no fixture devices in ${devicesDir}`, 'E_DEVAPI_FIXTURE');
  }
  const ids: number[] = [];
  for (const file of files) {
    const doc = (await readJson(path.join(devicesDir, file))) as DeviceDocument;
    const readingsDir = path.join(fixturesDir, 'readings', String(doc.id));
    const componentIds: Record<number, number> = {};
    const series: ReadingsFixture[] = [];
    for (const name of (await list(readingsDir)).filter((f) => f.endsWith('.json'))) {
      const fixture = (await readJson(path.join(readingsDir, name))) as ReadingsFixture;
      if (fixture.component_id === null || !Array.isArray(fixture.readings)) continue;
      componentIds[fixture.sensor_id] = fixture.component_id;
      series.push(fixture);
    }
    store.putDevice(doc, { componentIds });
    for (const s of series) store.setReadings(doc.id, s.sensor_id, [...s.readings].reverse());
    ids.push(doc.id);
  }
  for (const file of (await list(path.join(fixturesDir, 'users'))).filter((f) => f.endsWith('.json'))) {
    store.putUser((await readJson(path.join(fixturesDir, 'users', file))) as Record<string, unknown>);
  }
  return ids;
}

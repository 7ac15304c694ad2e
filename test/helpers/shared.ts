// Where the shared reference material lives (vectors, upstream data, fixtures): ../shared next to the
// project, or SCFLOWS_SHARED_DIR. Tests read it in place; it is never copied into this repository.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = path.resolve(
  process.env.SCFLOWS_SHARED_DIR ?? path.join(projectDir, '..', 'shared'),
);
export const vectorsDir = path.join(sharedDir, 'vectors');
export const upstreamDataDir = path.join(sharedDir, 'upstream-data');
export const fixturesDir = path.join(sharedDir, 'fixtures', 'api');

// GET /data/<path>: the data documents the connector fetches from raw.githubusercontent.com (hardware,
// blueprints, calibrations, names), served from the upstream-data folder or from a test's override.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeError, LocalFileError } from '../../errors.js';
import { type Reply, text } from '../http.js';
import { type DevApiStore, normalizeDataPath } from '../store.js';

const TEXT = 'text/plain; charset=utf-8';

/** Reads (and caches) documents of one upstream-data folder. */
export class DataFiles {
  readonly #root: string;
  readonly #cache = new Map<string, string | null>();

  constructor(root: string) {
    this.#root = path.resolve(root);
  }

  /** The text of a document, or null when there is no such file. */
  async read(docPath: string): Promise<string | null> {
    const cached = this.#cache.get(docPath);
    if (cached !== undefined) return cached;
    const file = path.resolve(this.#root, docPath);
    if (!file.startsWith(this.#root + path.sep)) return null;
    let body: string | null;
    try {
      body = await readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'ENOTDIR') {
        throw new LocalFileError(`cannot read ${file}: ${describeError(error)}`, 'E_DEVAPI_DATA', {
          cause: error,
        });
      }
      body = null;
    }
    this.#cache.set(docPath, body);
    return body;
  }
}

/** Answer a data-document GET (`docPath` is the part after `/data/`). */
export async function getDataDocument(store: DevApiStore, files: DataFiles, docPath: string): Promise<Reply> {
  const key = normalizeDataPath(docPath);
  const override = store.dataOverride(key);
  if (override !== undefined) return text(override.status, override.body, override.contentType);
  if (key.split('/').includes('..')) return text(404, '404: Not Found', TEXT);
  const body = await files.read(key);
  return body === null ? text(404, '404: Not Found', TEXT) : text(200, body, TEXT);
}

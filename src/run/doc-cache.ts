// The data documents of a run (hardware, blueprints, calibrations, names), cached on disk under the public
// dir: one JSON file per URL, named by the URL's sha256 and replaced atomically, so the cron processes
// sharing the directory only ever read whole files. A fresh copy is used without a request; a stale or
// missing one is fetched again. When the fetch fails, a stale copy stands in (reported through onStale),
// except for a 404: the document is gone and the error stands. Only successful fetches are cached, and one
// cache instance (one run) asks for each URL at most once.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ApiError, LocalFileError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';

export interface CachedDocument {
  text: string;
  source: 'network' | 'cache' | 'stale-cache';
}

export interface DocumentCache {
  get(url: string): Promise<CachedDocument>;
}

export interface DocumentCacheOptions {
  dir: string;
  /** A copy younger than this is used without fetching. */
  freshMs: number;
  now: () => Date;
  fetch: (url: string) => Promise<string>;
  /** Called when a stale copy is used because the fetch failed (the caller logs a warning). */
  onStale?: (url: string, error: unknown) => void;
}

interface CacheEntry {
  url: string;
  fetchedAt: string;
  text: string;
}

/** A document cache over `dir`; `get` resolves to the text and where it came from. */
export function createDocumentCache(options: DocumentCacheOptions): DocumentCache {
  const memo = new Map<string, Promise<CachedDocument>>();

  const load = async (url: string): Promise<CachedDocument> => {
    const file = path.join(options.dir, `${createHash('sha256').update(url).digest('hex')}.json`);
    const cached = await readEntry(file, url);
    const now = options.now().getTime();
    if (cached) {
      const age = now - Date.parse(cached.fetchedAt);
      // A copy from the future (the clock went back) counts as stale rather than fresh for ever.
      if (age >= 0 && age < options.freshMs) return { text: cached.text, source: 'cache' };
    }
    let text: string;
    try {
      text = await options.fetch(url);
    } catch (error) {
      const gone = error instanceof ApiError && error.code === 'E_API_NOT_FOUND';
      if (!cached || gone) throw error;
      options.onStale?.(url, error);
      return { text: cached.text, source: 'stale-cache' };
    }
    const entry: CacheEntry = { url, fetchedAt: new Date(now).toISOString(), text };
    await writeFileAtomic(file, JSON.stringify(entry));
    return { text, source: 'network' };
  };

  return {
    get: (url) => {
      let document = memo.get(url);
      if (!document) {
        document = load(url);
        memo.set(url, document);
      }
      return document;
    },
  };
}

// The cached copy of `url`, or undefined when there is none. A file that is not a cache entry of this
// URL (foreign or damaged) counts as no copy: the next successful fetch replaces it.
async function readEntry(file: string, url: string): Promise<CacheEntry | undefined> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new LocalFileError(`cannot read document cache file "${file}" (${code ?? 'error'})`, 'E_READ', {
      cause: error,
    });
  }
  let entry: unknown;
  try {
    entry = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const { url: cachedUrl, fetchedAt, text } = (entry ?? {}) as Partial<CacheEntry>;
  const valid =
    cachedUrl === url &&
    typeof text === 'string' &&
    typeof fetchedAt === 'string' &&
    !Number.isNaN(Date.parse(fetchedAt));
  return valid ? { url, fetchedAt, text } : undefined;
}

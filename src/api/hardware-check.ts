// `check_postprocessing` (spec §6.3): a postprocessing record is valid when its hardware document fetches
// and parses as a JSON object whose known keys have the right types. Each distinct document is fetched
// once per checker (memoised by fetch URL), at most `concurrency` at a time.
import { ApiError, describeError } from '../errors.js';
import { createLimiter } from '../util/limit.js';
import { resolveHardwareUrl } from './documents.js';
import type { Postprocessing } from './types.js';

export type Validity = { valid: true; hardwareUrl: string } | { valid: false; reason: string };

export type PostprocessingChecker = (postprocessing: Postprocessing | null) => Promise<Validity>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const strOrNull = (v: unknown) => v === undefined || v === null || typeof v === 'string';

/** The problem with a hardware document's text, or undefined when it is a valid hardware description. */
export function hardwareDocumentProblem(text: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'is not JSON';
  }
  if (!isObject(json)) return 'is not a JSON object';
  for (const key of ['blueprint_url', 'description', 'forwarding'] as const) {
    if (!strOrNull(json[key])) return `"${key}" is not a string or null`;
  }
  const { versions } = json;
  if (versions !== undefined && versions !== null) {
    if (!Array.isArray(versions)) return '"versions" is not a list or null';
    if (!versions.every(isObject)) return '"versions" holds something other than objects';
  }
  return undefined;
}

/** A memoising §6.3 checker over `fetchDocument`. */
export function createPostprocessingChecker(
  fetchDocument: (url: string) => Promise<string>,
  dataUrl: string,
  concurrency = 8,
): PostprocessingChecker {
  const limit = createLimiter(concurrency);
  const byUrl = new Map<string, Promise<Validity>>();
  const check = async (url: string): Promise<Validity> => {
    let text: string;
    try {
      text = await limit(() => fetchDocument(url));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return { valid: false, reason: `hardware document ${describeError(error)}` };
    }
    const problem = hardwareDocumentProblem(text);
    return problem === undefined
      ? { valid: true, hardwareUrl: url }
      : { valid: false, reason: `hardware document ${url} ${problem}` };
  };
  return (postprocessing) => {
    if (postprocessing === null) return Promise.resolve({ valid: false, reason: 'no postprocessing record' });
    const resolved = resolveHardwareUrl(postprocessing.hardware_url, dataUrl);
    if (resolved === undefined) {
      return Promise.resolve({ valid: false, reason: 'postprocessing has no hardware_url' });
    }
    // Devices sharing a document share one promise (no per-device allocation beyond the lookup).
    let pending = byUrl.get(resolved.fetch);
    if (pending === undefined) {
      pending = check(resolved.fetch);
      byUrl.set(resolved.fetch, pending);
    }
    return pending;
  };
}

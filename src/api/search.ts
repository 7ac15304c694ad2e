// GET /devices/?q[postprocessing_id_not_null]=1 with Link: rel="next" paging (spec §3.1–3.3).
import { ApiError } from '../errors.js';
import { type HttpClient, parseJsonBody } from './http.js';
import { parseDevice, type SearchedDevice } from './types.js';

const MAX_PAGES = 100_000;

/** Every device with a postprocessing record, following `Link` headers; `[]` is an empty page. */
export async function searchPostprocessingDevices(
  http: HttpClient,
  base: string,
  perPage: number,
): Promise<SearchedDevice[]> {
  const byId = new Map<number, SearchedDevice>();
  const seen = new Set<string>();
  let url: string | undefined =
    `${base}/devices/?${encodeURIComponent('q[postprocessing_id_not_null]')}=1&per_page=${perPage}`;
  while (url !== undefined) {
    if (seen.has(url) || seen.size >= MAX_PAGES) break;
    seen.add(url);
    const response = await http({ method: 'GET', url, auth: true });
    const what = `device search page ${seen.size}`;
    const body = parseJsonBody(response, what);
    if (!Array.isArray(body)) throw new ApiError('E_API_BAD_RESPONSE', `${what}: answer is not a JSON array`);
    for (const item of body) {
      const { id, state, last_reading_at, postprocessing } = parseDevice(item, what);
      byId.set(id, { id, state, last_reading_at, postprocessing });
    }
    if (body.length === 0) break;
    const next = nextLink(response.headers.link, url);
    if (next !== undefined && new URL(next).origin !== new URL(base).origin) {
      // The token must never follow a link to another host.
      throw new ApiError('E_API_BAD_RESPONSE', `${what}: Link rel="next" points to another host`);
    }
    url = next;
  }
  return [...byId.values()];
}

/** The rel="next" URL of a Link header, unless it is the current page. */
export function nextLink(header: string | string[] | undefined, current: string): string | undefined {
  const text = Array.isArray(header) ? header.join(',') : header;
  if (!text) return undefined;
  for (const part of text.split(',')) {
    const [target, ...params] = part.trim().split(';');
    const url = target?.trim().match(/^<(.*)>$/)?.[1];
    const isNext = params.some((p) => /^\s*rel\s*=\s*"?next"?\s*$/i.test(p));
    if (url && isNext) return url === current ? undefined : url;
  }
  return undefined;
}

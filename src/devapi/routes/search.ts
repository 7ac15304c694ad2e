// GET /v0/devices/?q[...] (spec §3): a small ransack subset, stable id order, page/per_page paging and
// the Total, Per-Page and Link headers of api-pagination. Filtered id lists are cached per store version,
// so a page costs only the rendering of its own documents.
import type { DeviceSummary } from '../device-record.js';
import { type ApiRequest, jsonText, type Reply, replies } from '../http.js';
import type { DevApiStore } from '../store.js';
import { epochSecondsOf } from '../time.js';

const DEFAULT_PER_PAGE = 25;
type Test = (id: number, s: DeviceSummary, value: string) => boolean;

const truthy = (v: string) => !['0', 'false', 'f', 'no'].includes(v.toLowerCase());
const PREDICATES: Record<string, Test> = {
  postprocessing_id_not_null: (_id, s, v) => s.hasPostprocessing === truthy(v),
  postprocessing_id_null: (_id, s, v) => s.hasPostprocessing !== truthy(v),
  id_eq: (id, _s, v) => id === Number(v),
  id_not_eq: (id, _s, v) => id !== Number(v),
  id_gt: (id, _s, v) => id > Number(v),
  id_gteq: (id, _s, v) => id >= Number(v),
  id_lt: (id, _s, v) => id < Number(v),
  id_lteq: (id, _s, v) => id <= Number(v),
  state_eq: (_id, s, v) => s.state === v,
};

/** RFC-3986-ish escaping as Ruby's CGI.escape does it (space → `+`). */
function cgiEscape(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

function positiveInt(text: string | null, fallback: number): number {
  const n = Number(text);
  return text !== null && Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Caches the filtered id list of each distinct query. */
export class SearchCache {
  readonly #entries = new Map<string, { version: number; ids: number[] }>();

  ids(
    store: DevApiStore,
    filters: [Test, string][],
    descending: boolean,
    isAdmin: boolean,
    key: string,
  ): number[] {
    const cached = this.#entries.get(key);
    if (cached?.version === store.version) return cached.ids;
    const nowSec = epochSecondsOf(store.now());
    const ids: number[] = [];
    for (const id of store.deviceIds()) {
      const summary = store.record(id)?.summary(nowSec);
      if (summary === undefined || (summary.isPrivate && !isAdmin)) continue;
      if (filters.every(([test, value]) => test(id, summary, value))) ids.push(id);
    }
    if (descending) ids.reverse();
    this.#entries.set(key, { version: store.version, ids });
    return ids;
  }
}

function linkHeader(req: ApiRequest, page: number, lastPage: number): string | undefined {
  const params = new Map<string, string>();
  for (const [k, v] of req.query) params.set(k, v);
  const url = (p: number) => {
    params.set('page', String(p));
    const query = [...params].map(([k, v]) => `${cgiEscape(k)}=${cgiEscape(v)}`).sort();
    return `${req.baseUrl}${req.path}?${query.join('&')}`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`<${url(1)}>; rel="first"`, `<${url(page - 1)}>; rel="prev"`);
  if (page < lastPage) links.push(`<${url(lastPage)}>; rel="last"`, `<${url(page + 1)}>; rel="next"`);
  return links.length > 0 ? links.join(', ') : undefined;
}

/** Answer a device search. */
export function searchDevices(store: DevApiStore, req: ApiRequest, cache: SearchCache): Reply {
  const filters: [Test, string][] = [];
  let descending = false;
  const keyParts: string[] = [];
  for (const [name, value] of req.query) {
    const m = /^q\[([^\]]+)\]$/.exec(name);
    if (!m) continue;
    const term = m[1] ?? '';
    if (term === 'sort') {
      if (!/^\s*id(\s+(asc|desc))?\s*$/i.test(value)) return replies.ransack(`sort ${value}`);
      descending = /desc/i.test(value);
      continue;
    }
    const test = PREDICATES[term];
    if (test === undefined) return replies.ransack(term);
    if (value === '') continue; // ransack ignores blank values
    filters.push([test, value]);
    keyParts.push(`${term}=${value}`);
  }
  const key = `${req.isAdmin ? 'admin' : 'public'}|${descending}|${keyParts.sort().join('&')}`;
  const ids = cache.ids(store, filters, descending, req.isAdmin, key);
  const perPage = positiveInt(req.query.get('per_page'), DEFAULT_PER_PAGE);
  const page = positiveInt(req.query.get('page'), 1);
  const lastPage = Math.max(1, Math.ceil(ids.length / perPage));
  const nowSec = epochSecondsOf(store.now());
  const parts: string[] = [];
  for (const id of ids.slice((page - 1) * perPage, page * perPage)) {
    const json = store.record(id)?.json(nowSec, req.isAdmin);
    if (json !== undefined) parts.push(json);
  }
  const headers: Record<string, string> = {};
  const link = ids.length === 0 ? undefined : linkHeader(req, page, lastPage);
  if (link !== undefined) headers.Link = link;
  headers.Total = String(ids.length);
  headers['Per-Page'] = String(perPage);
  return jsonText(200, `[${parts.join(',')}]`, headers);
}

// The /__dev/ control endpoints: the store's scenario API over HTTP, so that a separate process (a demo,
// an end-to-end test of the built CLI) can drive the stand-in. Never subject to faults or logging.
import { AppError, describeError, UsageError } from '../errors.js';
import type { FaultSettings } from './faults.js';
import { loadFixtureWorld } from './fixture-world.js';
import { json, parseJson, type Reply } from './http.js';
import type { DevApiStore } from './store.js';
import type { DeviceDocument } from './types.js';

function mapJson(map: Map<number, Map<number, number>>): Record<string, Record<string, number>> {
  return Object.fromEntries([...map].map(([k, v]) => [k, Object.fromEntries(v)]));
}

const bad = (message: string) => json(400, { error: message });
const done = (extra: Record<string, unknown> = {}) => json(200, { ok: true, ...extra });

function after(effect: () => void, reply: () => Reply): Reply {
  effect();
  return reply();
}

function jsonBody(body: string): unknown {
  const parsed = parseJson(body);
  if (!parsed.ok) throw new UsageError('the body is not JSON', 'E_DEVAPI_CONTROL');
  return parsed.value;
}

async function dispatch(
  store: DevApiStore,
  method: string,
  parts: string[],
  query: URLSearchParams,
  body: string,
) {
  const [what, a, b, c] = parts;
  const id = Number(a);
  if (what === 'state' && method === 'GET') return json(200, store.snapshot());
  if (what === 'requests' && method === 'GET') return json(200, store.requestLog);
  if (what === 'patches' && method === 'GET') return json(200, store.patchLog);
  if (what === 'logs' && method === 'DELETE') return after(() => store.clearLogs(), done);
  if (what === 'faults') {
    if (method === 'GET') return json(200, store.faults);
    const settings = jsonBody(body) as Partial<FaultSettings>;
    if (method === 'PUT')
      return after(
        () => store.setFaults(settings),
        () => json(200, store.faults),
      );
    if (method === 'PATCH')
      return after(
        () => store.faultController.update(settings),
        () => json(200, store.faults),
      );
  }
  if (what === 'now' && method === 'PUT') {
    const { now } = jsonBody(body) as { now?: string | null };
    const date = now === null || now === undefined ? null : new Date(now);
    if (date !== null && Number.isNaN(date.getTime())) return bad(`not a date: ${String(now)}`);
    store.setNow(date);
    return done({ now: store.now().toISOString() });
  }
  if (what === 'devices' && Number.isInteger(id)) {
    if (b === undefined && method === 'GET') {
      const doc = store.getDevice(id);
      return doc === undefined ? json(404, { error: `no device ${id}` }) : json(200, doc);
    }
    if (b === undefined && method === 'PUT') {
      const value = jsonBody(body) as { document?: DeviceDocument; componentIds?: Record<number, number> };
      const doc = (value.document ?? value) as DeviceDocument;
      if (doc.id !== id) return bad(`the document id must be ${id}`);
      store.putDevice(doc, { componentIds: value.componentIds ?? {} });
      return done();
    }
    if (b === undefined && method === 'DELETE') return done({ existed: store.deleteDevice(id) });
    if (b === 'readings' && c !== undefined && method === 'PUT') {
      const points = jsonBody(body);
      if (!Array.isArray(points)) return bad('the body must be a list of [time, value] pairs');
      store.setReadings(id, Number(c), points as [string | number, number | null][]);
      return done();
    }
    if (b === 'readings' && method === 'DELETE')
      return after(() => store.clearReadings(id, c === undefined ? undefined : Number(c)), done);
  }
  if (what === 'posted') {
    if (method === 'DELETE') return after(() => store.clearPosted(), done);
    if (method === 'GET' && Number.isInteger(id)) {
      return json(200, {
        values: mapJson(store.posted(id)),
        counts: mapJson(store.postedReadings.counts(id)),
      });
    }
    if (method === 'GET') return json(200, store.postedReadings.toJSON());
  }
  if (what === 'data') {
    const docPath = parts.slice(1).join('/');
    if (method === 'DELETE')
      return after(() => store.clearDataDocument(docPath === '' ? undefined : docPath), done);
    if (method === 'PUT' && docPath !== '') {
      const status = Number(query.get('status') ?? 200);
      const contentType = query.get('contentType') ?? undefined;
      store.setDataDocument(docPath, body, { status, ...(contentType ? { contentType } : {}) });
      return done();
    }
  }
  if (what === 'fixture-world' && method === 'POST') {
    const { fixturesDir } = jsonBody(body) as { fixturesDir?: string };
    if (typeof fixturesDir !== 'string') return bad('fixturesDir is required');
    return done({ devices: await loadFixtureWorld(store, fixturesDir) });
  }
  return json(404, { error: `no control endpoint ${method} /__dev/${parts.join('/')}` });
}

/** Answer a /__dev/ request (`parts`: the path segments after `__dev`). */
export async function control(
  store: DevApiStore,
  method: string,
  parts: string[],
  query: URLSearchParams,
  body: string,
): Promise<Reply> {
  try {
    return await dispatch(store, method, parts, query, body);
  } catch (error) {
    if (error instanceof AppError) return bad(describeError(error));
    throw error;
  }
}

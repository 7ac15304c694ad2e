// Maps /v0 and /data requests to their handlers; unknown routes get the Rails routing 404.
import { type ApiRequest, type Reply, replies } from './http.js';
import { type DataFiles, getDataDocument } from './routes/data.js';
import { getDevice, patchDevice } from './routes/device.js';
import { postReadings } from './routes/post-readings.js';
import { getReadings } from './routes/readings.js';
import { type SearchCache, searchDevices } from './routes/search.js';
import { getUser } from './routes/users.js';
import type { DevApiStore } from './store.js';

export interface RouterContext {
  readonly store: DevApiStore;
  readonly files: DataFiles;
  readonly search: SearchCache;
}

/** Answer one API or data request. */
export async function route(ctx: RouterContext, req: ApiRequest): Promise<Reply> {
  const { store } = ctx;
  const { method, path } = req;
  if (path.startsWith('/data/') && (method === 'GET' || method === 'HEAD')) {
    return getDataDocument(store, ctx.files, path.slice('/data/'.length));
  }
  const parts = path.split('/').filter((p) => p !== '');
  if (parts[0] !== 'v0') return replies.routeNotFound(path);
  const [, collection, id, sub, ...rest] = parts;
  if (collection === 'devices' && rest.length === 0) {
    if (id === undefined && method === 'GET') return searchDevices(store, req, ctx.search);
    if (id !== undefined && sub === undefined) {
      if (method === 'GET') return getDevice(store, req, id);
      if (method === 'PATCH' || method === 'PUT') return patchDevice(store, req, id);
    }
    if (id !== undefined && sub === 'readings') {
      if (method === 'GET') return getReadings(store, req, id);
      if (method === 'POST') return postReadings(store, req, id);
    }
  }
  if (collection === 'users' && id !== undefined && sub === undefined && method === 'GET') {
    return getUser(store, id);
  }
  return replies.routeNotFound(path);
}

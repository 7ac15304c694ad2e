// startDevApi: the stand-in Smart Citizen API as a real node:http server on loopback (the request
// pipeline is in handler.ts). Options, defaults, start-up checks and a clean close.
import { existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeError, LocalFileError, UsageError } from '../errors.js';
import type { FaultSettings } from './faults.js';
import { loadFixtureWorld } from './fixture-world.js';
import { type HandlerContext, handle, send } from './handler.js';
import { scanHardware } from './hardware.js';
import { json } from './http.js';
import { DataFiles } from './routes/data.js';
import { SearchCache } from './routes/search.js';
import { DevApiStore } from './store.js';
import { Throttle, type ThrottleOptions } from './throttle.js';

export interface DevApiOptions {
  /** Default 0 (any free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Simulated fleet size (default 25). */
  devices?: number;
  /** Fleet seed (default 1). */
  seed?: number;
  /** Id of the first simulated device (default 10001). */
  firstDeviceId?: number;
  /** Folder with hardware/, blueprints/, calibrations/, names/ (default `<project>/../shared/upstream-data`). */
  upstreamDataDir?: string;
  /** Admin bearer token (default `dev-admin-token`). */
  adminToken?: string;
  /** The clock: a fixed instant or a function (default: real time). */
  now?: Date | (() => Date);
  faults?: Partial<FaultSettings>;
  /** Throttle non-admin callers (off by default). */
  throttle?: ThrottleOptions;
  /** Also load the fixture world from this fixtures/api folder. */
  fixturesDir?: string;
  requestLogLimit?: number;
  /** Called with errors that turned into 500 answers. */
  onError?: (error: unknown) => void;
}

export interface DevApi {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `url + '/v0'` (SC_API_URL) */
  readonly apiUrl: string;
  /** `url + '/data'` (SC_DATA_URL) */
  readonly dataUrl: string;
  readonly adminToken: string;
  readonly store: DevApiStore;
  close(): Promise<void>;
}

/** `<project>/../shared/upstream-data`, the project being the nearest folder with a package.json. */
export function defaultUpstreamDataDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, '..', 'shared', 'upstream-data');
}

function clockOf(now: DevApiOptions['now']): () => Date {
  if (now instanceof Date) return () => now;
  return now ?? (() => new Date());
}

async function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new UsageError(`port ${port} on ${host} is already in use`));
      else
        reject(
          new UsageError(`cannot listen on ${host}:${port}: ${describeError(error)}`, 'E_USAGE', {
            cause: error,
          }),
        );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  return server.address() as AddressInfo;
}

/** Start a stand-in Smart Citizen API; resolves once it listens. */
export async function startDevApi(options: DevApiOptions = {}): Promise<DevApi> {
  const dataDir = path.resolve(options.upstreamDataDir ?? defaultUpstreamDataDir());
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    throw new LocalFileError(`upstream-data folder not found: ${dataDir}`, 'E_DEVAPI_DATA');
  }
  const adminToken = options.adminToken ?? 'dev-admin-token';
  const store = new DevApiStore({
    seed: options.seed ?? 1,
    devices: options.devices ?? 25,
    firstDeviceId: options.firstDeviceId ?? 10001,
    now: clockOf(options.now),
    hardware: await scanHardware(dataDir),
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.requestLogLimit ? { requestLogLimit: options.requestLogLimit } : {}),
  });
  if (options.fixturesDir !== undefined) await loadFixtureWorld(store, options.fixturesDir);
  const host = options.host ?? '127.0.0.1';
  let port = options.port ?? 0;
  const ctx: HandlerContext = {
    store,
    files: new DataFiles(dataDir),
    search: new SearchCache(),
    adminToken,
    throttle: options.throttle ? new Throttle(options.throttle) : undefined,
    fallbackHost: () => hostPort(publicHost(host), port),
  };
  const server = createServer((req, res) => {
    handle(ctx, req, res).catch((error: unknown) => {
      options.onError?.(error);
      if (res.headersSent) res.destroy();
      else
        send(
          res,
          json(500, { id: 'internal_server_error', message: describeError(error), url: '', errors: '' }),
        );
    });
  });
  const address = await listen(server, port, host);
  port = address.port;
  const url = `http://${hostPort(publicHost(host), address.port)}`;
  return {
    url,
    apiUrl: `${url}/v0`,
    dataUrl: `${url}/data`,
    adminToken,
    store,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function publicHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  return host === '::' ? '::1' : host;
}

function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

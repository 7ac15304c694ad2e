// `scflows dev-api`: run the stand-in Smart Citizen API until the signal aborts, printing its URLs and
// the environment lines that point scflows at it.
import { existsSync, statSync } from 'node:fs';
import { startDevApi } from '../devapi/index.js';
import { LocalFileError, UsageError } from '../errors.js';

export interface DevApiCommandOptions {
  port: number;
  host: string;
  devices: number;
  seed: number;
  upstreamDataDir: string;
  adminToken: string;
  fault5xxRate: number;
  fault429Rate: number;
  faultDropRate: number;
  latencyMs: number;
  faultSeed: number;
  /** Pin the stand-in's clock (default: real time). */
  now?: Date;
}

export interface DevApiCommandIo {
  stdout: (line: string) => void;
  signal: AbortSignal;
}

function check(options: DevApiCommandOptions): void {
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new UsageError(`--port must be an integer from 0 to 65535, got ${options.port}`);
  }
  if (!Number.isInteger(options.devices) || options.devices < 0) {
    throw new UsageError(`--devices must be a whole number, got ${options.devices}`);
  }
  const rates = options.fault5xxRate + options.fault429Rate + options.faultDropRate;
  if (!(rates <= 1)) throw new UsageError('the fault rates together must not exceed 1');
  if (options.adminToken.trim() === '') throw new UsageError('--token must not be empty');
  if (!existsSync(options.upstreamDataDir) || !statSync(options.upstreamDataDir).isDirectory()) {
    throw new LocalFileError(`upstream-data folder not found: ${options.upstreamDataDir}`);
  }
}

/** Serve the stand-in API until `io.signal` aborts, then close it. */
export async function runDevApi(options: DevApiCommandOptions, io: DevApiCommandIo): Promise<void> {
  check(options);
  if (io.signal.aborted) return;
  const api = await startDevApi({
    port: options.port,
    host: options.host,
    devices: options.devices,
    seed: options.seed,
    upstreamDataDir: options.upstreamDataDir,
    adminToken: options.adminToken,
    ...(options.now ? { now: options.now } : {}),
    faults: {
      rate5xx: options.fault5xxRate,
      rate429: options.fault429Rate,
      dropRate: options.faultDropRate,
      latencyMs: options.latencyMs,
      seed: options.faultSeed,
    },
  });
  io.stdout(`dev-api listening on ${api.url} (api ${api.apiUrl}, data ${api.dataUrl})`);
  io.stdout(`SC_API_URL=${api.apiUrl}`);
  io.stdout(`SC_DATA_URL=${api.dataUrl}`);
  io.stdout(`SC_BEARER=${api.adminToken}`);
  await new Promise<void>((resolve) => {
    if (io.signal.aborted) resolve();
    else io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await api.close();
}

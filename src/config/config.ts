// The only reader of the environment. `loadConfig` merges the env file (SCFLOWS_ENV_FILE) under the
// process environment, validates every variable with env-var, reports all problems at once and returns a
// frozen, typed Config that is passed down to everything else.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import envVar from 'env-var';
import { ConfigError } from '../errors.js';

export const DEFAULT_API_URL = 'https://api.smartcitizen.me/v0';
export const DEFAULT_DATA_URL = 'https://raw.githubusercontent.com/fablabbcn/smartcitizen-data/master';

export interface Config {
  /** Project root (where bin/ and dist/ live); cron entries `cd` here. */
  readonly projectDir: string;
  /** API base without trailing slash, e.g. `https://api.smartcitizen.me/v0`. */
  readonly apiUrl: string;
  readonly bearer: string | undefined;
  /** Data documents base without trailing slash. */
  readonly dataUrl: string;
  readonly publicDir: string;
  readonly envFile: string;
  /** Whether SCFLOWS_PUBLIC_DIR / SCFLOWS_ENV_FILE were set explicitly (cron entries then carry them). */
  readonly explicitPaths: { readonly publicDir: boolean; readonly envFile: boolean };
  /** Absolute path of the node binary cron entries call. */
  readonly nodePath: string;
  readonly http: {
    readonly timeoutMs: number;
    /** Retries after the first attempt. */
    readonly retries: number;
    readonly backoffMs: number;
    readonly maxRetryAfterMs: number;
  };
  readonly search: { readonly perPage: number };
  readonly run: {
    readonly loadLimit: number;
    readonly maxWindows: number;
    readonly postChunk: number;
    readonly docCacheMinutes: number;
    readonly runsRetentionDays: number;
    readonly lockStaleMinutes: number;
  };
}

export interface ConfigInput {
  projectDir: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The node binary running now (process.execPath). */
  execPath: string;
}

/** Read the env file (if any) and the environment into a validated, frozen Config. */
export function loadConfig(input: ConfigInput): Config {
  const problems: string[] = [];
  const envFile = path.resolve(input.projectDir, input.env.SCFLOWS_ENV_FILE || '.env');
  const fileVars = readEnvFile(envFile, input.env.SCFLOWS_ENV_FILE !== undefined, problems);
  const merged: Record<string, string | undefined> = { ...fileVars, ...input.env };
  const env = envVar.from(merged);

  // Values are quoted in messages, except the token's.
  const get = <T>(name: string, fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch (error) {
      const shown = name === 'SC_BEARER' ? '' : `, got "${merged[name]}"`;
      problems.push(`${oneLine(error).replace(/, but is set to .*$/, '')}${shown}`);
      return fallback;
    }
  };
  const url = (name: string, def: string): string =>
    get(name, () => stripSlash(env.get(name).default(def).asUrlString()), def);
  const int = (name: string, def: number, min: number, max: number): number =>
    get(
      name,
      () => {
        const value = env.get(name).default(String(def)).asIntPositive();
        if (value < min || value > max) {
          throw new Error(`env-var: "${name}" should be an integer from ${min} to ${max}`);
        }
        return value;
      },
      def,
    );

  const publicRaw = merged.SCFLOWS_PUBLIC_DIR;
  const config: Config = {
    projectDir: input.projectDir,
    apiUrl: url('SC_API_URL', DEFAULT_API_URL),
    bearer: get('SC_BEARER', () => env.get('SC_BEARER').asString(), undefined) || undefined,
    dataUrl: url('SC_DATA_URL', DEFAULT_DATA_URL),
    publicDir: path.resolve(input.projectDir, publicRaw || 'public'),
    envFile,
    explicitPaths: { publicDir: Boolean(publicRaw), envFile: Boolean(input.env.SCFLOWS_ENV_FILE) },
    nodePath: merged.SCFLOWS_NODE || input.execPath,
    http: {
      timeoutMs: int('SCFLOWS_HTTP_TIMEOUT_MS', 30_000, 100, 600_000),
      retries: int('SCFLOWS_HTTP_ATTEMPTS', 4, 1, 20) - 1,
      backoffMs: int('SCFLOWS_HTTP_BACKOFF_MS', 1000, 1, 600_000),
      maxRetryAfterMs: int('SCFLOWS_MAX_RETRY_AFTER_MS', 60_000, 1, 3_600_000),
    },
    search: { perPage: int('SCFLOWS_SEARCH_PER_PAGE', 100, 1, 1000) },
    run: {
      loadLimit: int('SCFLOWS_LOAD_LIMIT', 500, 1, 100_000),
      maxWindows: int('SCFLOWS_MAX_WINDOWS', 100, 1, 100_000),
      postChunk: int('SCFLOWS_POST_CHUNK', 500, 1, 10_000),
      docCacheMinutes: int('SCFLOWS_DOC_CACHE_MINUTES', 60, 1, 525_600),
      runsRetentionDays: int('SCFLOWS_RUNS_RETENTION_DAYS', 90, 1, 36_500),
      lockStaleMinutes: int('SCFLOWS_LOCK_STALE_MINUTES', 360, 1, 525_600),
    },
  };
  if (!path.isAbsolute(config.nodePath)) {
    problems.push(`SCFLOWS_NODE must be an absolute path, got "${config.nodePath}"`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

function readEnvFile(file: string, explicit: boolean, problems: string[]): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !explicit) return {};
    problems.push(`SCFLOWS_ENV_FILE "${file}" cannot be read (${code ?? 'error'})`);
    return {};
  }
  try {
    return parseEnv(text) as Record<string, string>;
  } catch (error) {
    problems.push(`SCFLOWS_ENV_FILE "${file}" is not a valid env file: ${oneLine(error)}`);
    return {};
  }
}

function stripSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^env-var:\s*/, '').split('\n')[0] ?? text;
}

/** The admin token, or a ConfigError naming SC_BEARER and why `purpose` needs it. */
export function requireBearer(config: Pick<Config, 'bearer' | 'envFile'>, purpose: string): string {
  if (config.bearer) return config.bearer;
  throw new ConfigError([
    `SC_BEARER is required to ${purpose}: set it in ${config.envFile} (see env.example)`,
  ]);
}

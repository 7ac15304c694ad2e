// Fault injection: 5xx answers, 429 throttling answers, added latency and dropped connections, decided
// per request from a fault seed and the running count of eligible requests, so a given seed always
// produces the same sequence. Never applies to the /__dev/ control endpoints.
import { UsageError } from '../errors.js';
import { hash, unit } from './random.js';

export interface FaultSettings {
  /** Share of eligible requests answered 500, 502 or 503. */
  rate5xx: number;
  /** Share answered 429 `Retry later`. */
  rate429: number;
  /** Send `Retry-After: 1` with injected 429s. */
  retryAfter: boolean;
  /** Share of connections destroyed without an answer (POST/PATCH: half of them after applying). */
  dropRate: number;
  /** Latency added to every eligible request. */
  latencyMs: number;
  /** Extra latency, uniformly 0..latencyJitterMs. */
  latencyJitterMs: number;
  seed: number;
  /** Path globs (`*` = any characters) the faults are limited to; empty = every /v0 and /data path. */
  paths: string[];
  /** Methods the faults are limited to; empty = all. */
  methods: string[];
}

export type FaultKind = 'none' | '5xx' | '429' | 'drop-before' | 'drop-after';

export interface FaultDecision {
  readonly kind: FaultKind;
  readonly status: number;
  readonly delayMs: number;
}

export const NO_FAULTS: FaultSettings = Object.freeze({
  rate5xx: 0,
  rate429: 0,
  retryAfter: false,
  dropRate: 0,
  latencyMs: 0,
  latencyJitterMs: 0,
  seed: 1,
  paths: [],
  methods: [],
}) as FaultSettings;

const SERVER_ERRORS = [500, 502, 503];
const NONE: FaultDecision = { kind: 'none', status: 0, delayMs: 0 };

function globToRegExp(glob: string): RegExp {
  const body = glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${body.join('.*')}$`);
}

function validated(settings: FaultSettings): FaultSettings {
  const rates = [settings.rate5xx, settings.rate429, settings.dropRate];
  if (rates.some((r) => typeof r !== 'number' || !(r >= 0 && r <= 1)) || rates.reduce((a, b) => a + b) > 1) {
    throw new UsageError('fault rates must be numbers from 0 to 1 whose sum is at most 1', 'E_DEVAPI_FAULTS');
  }
  for (const ms of [settings.latencyMs, settings.latencyJitterMs]) {
    if (typeof ms !== 'number' || !(ms >= 0))
      throw new UsageError('fault latencies must be >= 0 ms', 'E_DEVAPI_FAULTS');
  }
  if (!Number.isFinite(settings.seed))
    throw new UsageError('the fault seed must be a number', 'E_DEVAPI_FAULTS');
  if (!Array.isArray(settings.paths) || !Array.isArray(settings.methods)) {
    throw new UsageError('fault paths and methods must be lists', 'E_DEVAPI_FAULTS');
  }
  return {
    ...settings,
    retryAfter: Boolean(settings.retryAfter),
    paths: settings.paths.map(String),
    methods: settings.methods.map((m) => String(m).toUpperCase()),
  };
}

/** The current fault settings and the sequence they produce. */
export class FaultController {
  #settings: FaultSettings = NO_FAULTS;
  #patterns: RegExp[] = [];
  #count = 0;

  constructor(initial: Partial<FaultSettings> = {}) {
    this.set(initial);
  }

  /** A copy of the current settings. */
  get settings(): FaultSettings {
    return { ...this.#settings, paths: [...this.#settings.paths], methods: [...this.#settings.methods] };
  }

  /** Replace the settings (unset keys fall back to no fault) and restart the sequence. */
  set(settings: Partial<FaultSettings>): void {
    this.#settings = validated({ ...NO_FAULTS, ...settings });
    this.#patterns = this.#settings.paths.map(globToRegExp);
    this.#count = 0;
  }

  /** Change some settings, keep the others, and restart the sequence. */
  update(settings: Partial<FaultSettings>): void {
    this.set({ ...this.#settings, ...settings });
  }

  /** The fault for the next request (only eligible requests advance the sequence). */
  decide(method: string, path: string): FaultDecision {
    const s = this.#settings;
    if (s.rate5xx + s.rate429 + s.dropRate === 0 && s.latencyMs + s.latencyJitterMs === 0) return NONE;
    if (s.methods.length > 0 && !s.methods.includes(method.toUpperCase())) return NONE;
    if (this.#patterns.length > 0 && !this.#patterns.some((p) => p.test(path))) return NONE;
    const n = this.#count++;
    const delayMs = s.latencyMs + Math.floor(unit(s.seed, n, 3) * s.latencyJitterMs);
    const u = unit(s.seed, n, 1);
    if (u < s.dropRate) {
      const writes = method !== 'GET' && method !== 'HEAD';
      const after = writes && hash(s.seed, n, 2) % 2 === 0;
      return { kind: after ? 'drop-after' : 'drop-before', status: 0, delayMs };
    }
    if (u < s.dropRate + s.rate5xx) {
      return {
        kind: '5xx',
        status: SERVER_ERRORS[hash(s.seed, n, 4) % SERVER_ERRORS.length] ?? 500,
        delayMs,
      };
    }
    if (u < s.dropRate + s.rate5xx + s.rate429) return { kind: '429', status: 429, delayMs };
    return { kind: 'none', status: 0, delayMs };
  }
}

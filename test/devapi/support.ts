// Shared helpers of the stand-in API tests: start servers on port 0, read fixtures in place, fetch JSON.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type DevApi, type DevApiOptions, FIXTURE_NOW, startDevApi } from '../../src/devapi/index.js';
import { fixturesDir, upstreamDataDir } from '../helpers/shared.js';

export { fixturesDir, upstreamDataDir };

/** A parsed fixture file (path relative to fixtures/api). */
export function fixture<T = unknown>(relative: string): T {
  return JSON.parse(readFileSync(path.join(fixturesDir, relative), 'utf8')) as T;
}

/** The stand-in serving only the fixture world, its clock at the fixture "now". */
export function startFixtureApi(options: DevApiOptions = {}): Promise<DevApi> {
  return startDevApi({ devices: 0, now: FIXTURE_NOW, upstreamDataDir, fixturesDir, ...options });
}

/** The stand-in with a simulated fleet. */
export function startFleetApi(options: DevApiOptions = {}): Promise<DevApi> {
  return startDevApi({
    devices: 40,
    seed: 3,
    now: new Date('2026-01-15T12:00:00Z'),
    upstreamDataDir,
    ...options,
  });
}

export function admin(api: DevApi, extra: Record<string, string> = {}): Record<string, string> {
  return { Authorization: `Bearer ${api.adminToken}`, ...extra };
}

export interface JsonAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** Fetch and parse a JSON answer. */
export async function getJson<T = unknown>(url: string, init: RequestInit = {}): Promise<JsonAnswer<T>> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) as T };
}

/** Send a JSON body. */
export function sendJson(url: string, method: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

// Data documents (hardware, blueprints, calibrations, names): where they live and how they are fetched.
// A URL under the default data base is fetched from SC_DATA_URL instead, so a mirror or the stand-in
// serves it; a bare hardware name expands to {SC_DATA_URL}/hardware/<name>.json (spec §6.3).
import { DEFAULT_DATA_URL } from '../config/config.js';
import type { HttpClient } from './http.js';

// The connector's permissive "looks like a URL" test: http(s)://, www., or host.tld/...
const URL_LIKE =
  /(https?:\/\/[^\s"'<>]+|www\.[^\s"'<>]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,4}\/[^\s"'<>]*)/i;

/** The first URL-looking substring of `text`, or undefined. */
export function findUrl(text: string | null): string | undefined {
  if (!text) return undefined;
  const match = text.match(URL_LIKE)?.[1];
  if (!match) return undefined;
  return /^https?:\/\//i.test(match) ? match : `https://${match}`;
}

/** Map a document URL to where it is fetched: the default data base is replaced by `dataUrl`. */
export function documentUrl(url: string, dataUrl: string): string {
  return url.startsWith(`${DEFAULT_DATA_URL}/`) ? `${dataUrl}${url.slice(DEFAULT_DATA_URL.length)}` : url;
}

/**
 * Resolve a postprocessing `hardware_url` (full URL or bare name). Returns the canonical URL (what the
 * PATCH sends back, as upstream does) and the URL to fetch; undefined when there is nothing to resolve.
 */
export function resolveHardwareUrl(
  hardwareUrl: string | null,
  dataUrl: string,
): { canonical: string; fetch: string } | undefined {
  if (hardwareUrl === null || hardwareUrl.trim() === '') return undefined;
  const canonical = findUrl(hardwareUrl) ?? `${DEFAULT_DATA_URL}/hardware/${hardwareUrl.trim()}.json`;
  return { canonical, fetch: documentUrl(canonical, dataUrl) };
}

/** Fetch a document's text without the bearer token (they are public files). */
export async function fetchDocument(http: HttpClient, url: string): Promise<string> {
  const response = await http({ method: 'GET', url, auth: false });
  return response.body;
}

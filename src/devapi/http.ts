// Answers as values (status, headers, body) and the API's error bodies (spec §8.1, key order kept), so
// route handlers stay pure and the server decides whether to send, delay or drop them.
import type { IncomingHttpHeaders } from 'node:http';

export const JSON_TYPE = 'application/json; charset=utf-8';

export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** What a route handler sees of a request. */
export interface ApiRequest {
  readonly method: string;
  /** Decoded path without the query string. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** Bearer token (header or `access_token`), if any. */
  readonly token: string | undefined;
  readonly isAdmin: boolean;
  /** `http://host:port` as the client addressed the server. */
  readonly baseUrl: string;
}

/** A JSON answer. */
export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return jsonText(status, JSON.stringify(value), headers);
}

/** A JSON answer whose body is already serialised. */
export function jsonText(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'Content-Type': JSON_TYPE, ...headers }, body };
}

/** A plain-text answer. */
export function text(status: number, body: string, contentType = 'text/plain; charset=utf-8'): Reply {
  return { status, headers: { 'Content-Type': contentType }, body };
}

function idError(status: number, id: string, message: string, url = ''): Reply {
  return json(status, { id, message, url, errors: '' });
}

export const replies = {
  deviceNotFound: (id: string) => idError(404, 'record_not_found', `Couldn't find Device with 'id'=${id}`),
  userNotFound: () => idError(404, 'record_not_found', "Couldn't find User"),
  routeNotFound: (path: string) => idError(404, 'not_found', `No route matches ${path}`),
  forbidden: () => idError(403, 'forbidden', 'You do not have the access permissions to do this'),
  parameterMissing: (param: string) =>
    idError(400, 'parameter_missing', `param is missing or the value is empty: ${param}`),
  badRequest: (message: string) => idError(400, 'bad_request', message),
  messageStatus: (message: string) => json(400, { message, status: 400 }),
  badDate: (param: string) =>
    json(400, {
      message: `The ${param} parameter must be an ISO8601 format date or datetime or an integer number of seconds since the start of the UNIX epoch.`,
      status: 400,
    }),
  ransack: (term: string) => json(400, { message: `Invalid search term ${term}`, status: 400 }),
  ok: () => idError(200, 'ok', 'Data successfully sent to queue'),
  badTimestamp: () => idError(200, 'bad', 'Timestamp cannot be empty!'),
  serverError: (status: number) =>
    status === 500
      ? idError(500, 'internal_server_error', 'Internal Server Error')
      : text(status, `<html><body><h1>${status}</h1>nginx</body></html>\n`, 'text/html'),
  throttled: (retryAfter: boolean): Reply => ({
    status: 429,
    headers: retryAfter
      ? { 'Content-Type': 'text/plain', 'Retry-After': '1' }
      : { 'Content-Type': 'text/plain' },
    body: 'Retry later\n',
  }),
};

/** Parse a JSON request body (empty counts as `{}`); `ok: false` when it is not JSON. */
export function parseJson(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: body.trim() === '' ? {} : JSON.parse(body) };
  } catch {
    return { ok: false };
  }
}

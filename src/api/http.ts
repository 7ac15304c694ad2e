// The one got instance of a run, built from Config: explicit timeouts, retries as data (429/5xx/timeouts,
// honouring Retry-After, POST and PATCH included because every scflows write is idempotent), and errors
// wrapped into ApiError with secrets redacted (got puts full URLs into its own messages).
import got, { type Got, HTTPError, type Method, RequestError } from 'got';
import type { Config } from '../config/config.js';
import { ApiError } from '../errors.js';
import { redact } from './redact.js';

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  url: string;
}

export interface HttpRequest {
  method: Method;
  url: string;
  json?: unknown;
  /** Send the bearer token (API calls); data documents are fetched without it. */
  auth: boolean;
  /** Statuses returned to the caller instead of thrown (e.g. 404 for "not found" handling). */
  accept?: readonly number[];
}

export type HttpClient = (request: HttpRequest) => Promise<HttpResponse>;

const RETRY_STATUS = [408, 429, 500, 502, 503, 504, 521, 522, 524];
const RETRY_ERRORS = [
  'ETIMEDOUT',
  'ECONNRESET',
  'EADDRINUSE',
  'ECONNREFUSED',
  'EPIPE',
  'ENOTFOUND',
  'ENETUNREACH',
  'EAI_AGAIN',
];

/** Build the HTTP client every API module uses. */
export function createHttpClient(config: Pick<Config, 'bearer' | 'http'>): HttpClient {
  const { timeoutMs, retries, backoffMs, maxRetryAfterMs } = config.http;
  const instance: Got = got.extend({
    timeout: { request: timeoutMs },
    throwHttpErrors: false,
    followRedirect: true,
    retry: {
      limit: retries,
      methods: ['GET', 'POST', 'PATCH', 'PUT', 'HEAD', 'DELETE'],
      statusCodes: RETRY_STATUS,
      errorCodes: RETRY_ERRORS,
      maxRetryAfter: maxRetryAfterMs,
      calculateDelay: ({ computedValue, attemptCount, retryAfter }) => {
        if (computedValue === 0) return 0;
        if (retryAfter !== undefined) return computedValue;
        return Math.min(backoffMs * 2 ** (attemptCount - 1), maxRetryAfterMs);
      },
    },
  });
  return async (request) => {
    const headers: Record<string, string> = {};
    if (request.auth && config.bearer) headers.authorization = `Bearer ${config.bearer}`;
    const where = `${request.method} ${redact(request.url, config.bearer)}`;
    let response: HttpResponse;
    try {
      const res = await instance(request.url, {
        method: request.method,
        headers,
        ...(request.json === undefined ? {} : { json: request.json }),
        // got retries HTTP errors only when it throws them: let it, then catch below.
        throwHttpErrors: true,
      });
      response = { status: res.statusCode, headers: res.headers, body: res.body, url: res.url };
    } catch (error) {
      if (error instanceof HTTPError) {
        const res = error.response;
        response = {
          status: res.statusCode,
          headers: res.headers,
          body: String(res.body ?? ''),
          url: res.url,
        };
      } else {
        throw wrapTransportError(error, where, config.bearer);
      }
    }
    if (response.status >= 200 && response.status < 300) return response;
    if (request.accept?.includes(response.status)) return response;
    throw statusError(response.status, where);
  };
}

function statusError(status: number, where: string): ApiError {
  const code =
    status === 401 || status === 403
      ? 'E_API_AUTH'
      : status === 404
        ? 'E_API_NOT_FOUND'
        : status === 429
          ? 'E_API_THROTTLED'
          : status >= 500
            ? 'E_API_SERVER'
            : 'E_API_STATUS';
  const hint = code === 'E_API_AUTH' ? ' (check SC_BEARER: an admin token is required)' : '';
  return new ApiError(code, `${where} answered HTTP ${status}${hint}`, status, {
    retryable: status === 429 || status >= 500,
  });
}

function wrapTransportError(error: unknown, where: string, secret: string | undefined): ApiError {
  if (error instanceof RequestError) {
    const code = error.code ?? 'ERR';
    const timeout = code === 'ETIMEDOUT' || error.name === 'TimeoutError';
    return new ApiError(
      timeout ? 'E_API_TIMEOUT' : 'E_API_UNREACHABLE',
      `${where} failed: ${timeout ? 'timed out' : redact(code, secret)}`,
      undefined,
      // No `cause`: got's error carries the request options, bearer header included.
      { retryable: true },
    );
  }
  const text = error instanceof Error ? error.message : String(error);
  return new ApiError('E_API_UNREACHABLE', `${where} failed: ${redact(text, secret)}`, undefined, {
    retryable: true,
  });
}

/** Parse a JSON body or throw an ApiError naming the request. */
export function parseJsonBody(response: HttpResponse, what: string): unknown {
  try {
    return JSON.parse(response.body);
  } catch {
    const start = response.body.slice(0, 40).replace(/\s+/g, ' ');
    throw new ApiError(
      'E_API_BAD_RESPONSE',
      `${what}: answer is not JSON (starts with "${start}")`,
      response.status,
    );
  }
}

// The request pipeline of the stand-in: /__dev/ goes straight to the control endpoints; everything else
// passes throttling and fault injection, then the router, and is answered, delayed or dropped and logged.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { control } from './control.js';
import { type ApiRequest, json, type Reply, replies } from './http.js';
import { type RouterContext, route } from './router.js';
import type { Throttle } from './throttle.js';
import { epochSecondsOf, isoSeconds } from './time.js';

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface HandlerContext extends RouterContext {
  readonly adminToken: string;
  readonly throttle: Throttle | undefined;
  /** `host:port` for answers to clients that sent no Host header. */
  readonly fallbackHost: () => string;
}

function bearerOf(req: IncomingMessage, query: URLSearchParams): string | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  return m?.[1]?.trim() ?? query.get('access_token') ?? undefined;
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Write an answer (with Content-Length). */
export function send(res: ServerResponse, reply: Reply): void {
  const body = Buffer.from(reply.body, 'utf8');
  res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(body.length) });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function safeDecode(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname; // a malformed escape stays as it is; the router then finds no such route
  }
}

const tooLarge = () => json(413, { error: 'body too large' });

/** Handle one request (resolves once answered, dropped or refused). */
export async function handle(ctx: HandlerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { store } = ctx;
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', 'http://stand-in');
  const path = safeDecode(url.pathname);
  const hasBody = method !== 'GET' && method !== 'HEAD';
  if (path === '/__dev' || path.startsWith('/__dev/')) {
    const body = hasBody ? await readBody(req) : '';
    const parts = path
      .split('/')
      .filter((p) => p !== '')
      .slice(1);
    send(res, body === undefined ? tooLarge() : await control(store, method, parts, url.searchParams, body));
    return;
  }
  const arrivedAt = isoSeconds(epochSecondsOf(store.now()));
  // Real arrival time (not the simulated clock), for latency measurements such as the cold-start bench.
  const receivedAtMs = Date.now();
  const query = Object.fromEntries(url.searchParams);
  const log = (status: number, fault?: string) =>
    store.logRequest({
      method,
      path,
      query,
      status,
      ...(fault ? { fault } : {}),
      at: arrivedAt,
      receivedAtMs,
    });
  const token = bearerOf(req, url.searchParams);
  const isAdmin = token === ctx.adminToken;
  const address = req.socket.remoteAddress ?? '?';
  if (ctx.throttle && !isAdmin && ctx.throttle.hit(address, epochSecondsOf(store.now()))) {
    send(res, replies.throttled(false));
    return log(429, 'throttle');
  }
  const fault = store.faultController.decide(method, path);
  if (fault.delayMs > 0) await sleep(fault.delayMs);
  if (fault.kind === 'drop-before') {
    req.socket.destroy();
    return log(0, fault.kind);
  }
  if (fault.kind === '5xx' || fault.kind === '429') {
    send(
      res,
      fault.kind === '429' ? replies.throttled(store.faults.retryAfter) : replies.serverError(fault.status),
    );
    return log(fault.status, fault.kind);
  }
  const body = hasBody ? await readBody(req) : '';
  if (body === undefined) {
    send(res, tooLarge());
    return log(413);
  }
  const request: ApiRequest = {
    method,
    path,
    query: url.searchParams,
    headers: req.headers,
    body,
    token,
    isAdmin,
    baseUrl: `http://${req.headers.host ?? ctx.fallbackHost()}`,
  };
  const reply = await route(ctx, request);
  if (fault.kind === 'drop-after') {
    req.socket.destroy(); // the change is applied, the answer is lost
    return log(0, fault.kind);
  }
  send(res, reply);
  log(reply.status);
}

// A tiny real HTTP server on 127.0.0.1:0 answering every request with one fixed status (for the API
// answers the stand-in does not produce, e.g. 401 and 403), counting the requests it got.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StatusServer {
  readonly url: string;
  readonly requests: string[];
  close(): Promise<void>;
}

/** Start a server that answers `status` with a JSON error body. */
export async function startStatusServer(status: number): Promise<StatusServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ id: 'error', message: `status ${status}`, url: null, errors: null }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A loopback URL where nothing listens (a server is started, its port noted, and closed). */
export async function unreachableUrl(): Promise<string> {
  const server = await startStatusServer(500);
  await server.close();
  return server.url;
}

/**
 * An HTTP server that answers every POST with its headers and the start of a JSON
 * body, then sends nothing more (a stalled Odoo or proxy).
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface StallingServer {
  url: string;
  /** Requests received so far. */
  readonly hits: number;
  close(): Promise<void>;
}

export async function startStallingServer(): Promise<StallingServer> {
  const sockets = new Set<Socket>();
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits++;
    req.resume();
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"jsonrpc": "2.0", "id": 1, "result": ');
    // …and nothing else, ever.
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get hits() {
      return hits;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

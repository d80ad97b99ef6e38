// A TCP proxy between SIP phones and Kamailio that can stop carrying data without closing
// anything, as a NAT that forgot a connection or a sleeping laptop does: `stall('both')` stops
// reading in both directions (the bytes wait in the kernel's buffers, as TCP retransmits them on
// a real path), `stall('up')` only phone → server, `stall('down')` only server → phone;
// `resume()` lets everything through again. A close on one side is passed on only while that
// direction flows (a stalled path carries no FIN either). New connections during a stall are
// accepted but carry nothing, like every other. `onData(connection, direction, bytes)`, if given,
// sees every chunk as it is passed on (benchmarks count what crosses the wire).
import net from 'node:net';

/**
 * @param {string} upstream ws://host:port of the PBX
 * @param {{ onData?: (connection: number, direction: 'up'|'down', bytes: Buffer) => void }} [opts]
 * @returns {Promise<{ url: string, stall(dir?: 'both'|'up'|'down'): void, resume(): void, readonly connections: number, close(): Promise<void> }>}
 */
export async function startStallProxy(upstream, opts = {}) {
  const { hostname, port } = new URL(upstream);
  /** @type {'none'|'both'|'up'|'down'} */
  let stalled = 'none';
  let connections = 0;
  /** @type {Set<{ client: net.Socket, server: net.Socket, apply(): void }>} */
  const pairs = new Set();
  const upFlows = () => stalled === 'none' || stalled === 'down';
  const downFlows = () => stalled === 'none' || stalled === 'up';

  const proxy = net.createServer((client) => {
    connections += 1;
    const id = connections;
    const server = net.connect(Number(port), hostname);
    /** Closes waiting for their direction to flow again. */
    let clientEnded = false;
    let serverEnded = false;
    const pair = {
      client,
      server,
      apply() {
        if (upFlows()) client.resume();
        else client.pause();
        if (downFlows()) server.resume();
        else server.pause();
        if (clientEnded && upFlows()) server.end();
        if (serverEnded && downFlows()) client.end();
      },
    };
    pairs.add(pair);
    client.on('data', (d) => {
      opts.onData?.(id, 'up', d);
      server.write(d);
    });
    server.on('data', (d) => {
      opts.onData?.(id, 'down', d);
      client.write(d);
    });
    client.on('end', () => {
      clientEnded = true;
      pair.apply();
    });
    server.on('end', () => {
      serverEnded = true;
      pair.apply();
    });
    const gone = () => {
      pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    client.on('close', () => (upFlows() ? gone() : undefined));
    server.on('close', () => (downFlows() ? gone() : undefined));
    client.on('error', () => {});
    server.on('error', () => {});
    pair.apply();
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {net.AddressInfo} */ (proxy.address());
  const applyAll = () => {
    for (const p of pairs) p.apply();
  };
  return {
    url: `ws://127.0.0.1:${address.port}`,
    stall(dir = 'both') {
      stalled = dir;
      applyAll();
    },
    resume() {
      stalled = 'none';
      applyAll();
      // A socket that closed while its direction was stalled goes now.
      for (const p of [...pairs]) {
        if (p.client.destroyed || p.server.destroyed) {
          pairs.delete(p);
          p.client.destroy();
          p.server.destroy();
        }
      }
    },
    get connections() {
      return connections;
    },
    close: () =>
      new Promise((resolve) => {
        for (const p of pairs) {
          p.client.destroy();
          p.server.destroy();
        }
        proxy.close(() => resolve(undefined));
      }),
  };
}

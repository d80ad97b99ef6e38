// A WebSocket tap between SIP phones and Kamailio: forwards every frame both ways and
// timestamps each new INVITE as it crosses the wire (epoch ms, sub-millisecond). It can also
// cut the line, as a network outage would: `cut()` drops every connection without a closing
// handshake, and while `refusing` is true new connections are dropped as soon as they open.
import { WebSocket, WebSocketServer } from 'ws';

const epoch = () => performance.timeOrigin + performance.now();

/**
 * @param {string} upstream e.g. lab.wsUrl
 * @returns {Promise<{ url: string, invites: Map<string, {at: number, from: string}>, cut(): void, refusing: boolean, close(): Promise<void> }>}
 */
export async function startWsTap(upstream) {
  const invites = new Map();
  let refusing = false;
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: (p) => (p.has('sip') ? 'sip' : false) });
  server.on('connection', (client) => {
    if (refusing) {
      client.terminate();
      return;
    }
    const pending = [];
    const up = new WebSocket(upstream, 'sip');
    up.on('open', () => pending.splice(0).forEach((m) => up.send(m)));
    up.on('message', (data, isBinary) => client.send(isBinary ? data : data.toString()));
    up.on('close', () => client.close());
    up.on('error', () => client.close());
    client.on('message', (data, isBinary) => {
      const at = epoch();
      const text = isBinary ? '' : data.toString();
      if (text.startsWith('INVITE ')) {
        const callId = /\r\nCall-ID:\s*(\S+)/i.exec(text)?.[1] ?? '';
        const from = /\r\nFrom:[^\r\n]*<sip:([^@>]+)@/i.exec(text)?.[1] ?? '';
        if (callId && !invites.has(callId)) invites.set(callId, { at, from });
      }
      const out = isBinary ? data : text;
      if (up.readyState === WebSocket.OPEN) up.send(out);
      else pending.push(out);
    });
    client.on('close', () => up.close());
  });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `ws://127.0.0.1:${port}`,
    invites,
    cut() {
      for (const c of server.clients) c.terminate();
    },
    get refusing() {
      return refusing;
    },
    set refusing(value) {
      refusing = value;
    },
    close: () =>
      new Promise((resolve) => {
        for (const c of server.clients) c.terminate();
        server.close(() => resolve());
      }),
  };
}

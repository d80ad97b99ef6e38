// Lab media gateway: Sipwise's rtpengine (Debian `rtpengine-daemon`) on 127.0.0.1 in userspace
// (no kernel module: --table=-1), controlled by Kamailio's rtpengine module over the ng protocol
// (UDP). It bridges WebRTC (ICE, DTLS-SRTP, rtcp-mux, Opus) and plain RTP/AVP, as a PBX does.
//
//   import { startRtpengine } from './rtpengine.mjs';
//   const gw = await startRtpengine();   // { ngSocket: 'udp:127.0.0.1:PORT', ng(command), stop() }
import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import { spawnDaemon, waitReady } from './daemon.mjs';
import { freeUdpPort } from './ports.mjs';

export const RTPENGINE_BIN = '/usr/bin/rtpengine';

/** Bencodes the few shapes the ng protocol needs (strings, integers, lists, dictionaries). */
function bencode(v) {
  if (typeof v === 'number') return `i${Math.trunc(v)}e`;
  if (typeof v === 'string') return `${Buffer.byteLength(v)}:${v}`;
  if (Array.isArray(v)) return `l${v.map(bencode).join('')}e`;
  return `d${Object.keys(v).sort().map((k) => bencode(k) + bencode(v[k])).join('')}e`;
}

/** Decodes an ng answer (bencoded dictionary). */
function bdecode(buf) {
  let i = 0;
  const read = () => {
    const c = String.fromCharCode(buf[i]);
    if (c === 'i') {
      const end = buf.indexOf(0x65, i);
      const n = Number(buf.subarray(i + 1, end).toString());
      i = end + 1;
      return n;
    }
    if (c === 'l' || c === 'd') {
      i++;
      const items = [];
      while (buf[i] !== 0x65) items.push(read());
      i++;
      if (c === 'l') return items;
      const o = {};
      for (let k = 0; k < items.length; k += 2) o[items[k]] = items[k + 1];
      return o;
    }
    const colon = buf.indexOf(0x3a, i);
    const len = Number(buf.subarray(i, colon).toString());
    const s = buf.subarray(colon + 1, colon + 1 + len).toString();
    i = colon + 1 + len;
    return s;
  };
  return read();
}

/** One ng command to rtpengine at 127.0.0.1:port; resolves with its answer, null on timeout. */
export function ngCommand(port, message, timeoutMs = 500) {
  return new Promise((resolve) => {
    const sock = dgram.createSocket('udp4');
    const cookie = randomBytes(6).toString('hex');
    const done = (v) => {
      clearTimeout(timer);
      sock.close();
      resolve(v);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    sock.on('message', (m) => {
      const space = m.indexOf(0x20);
      if (m.subarray(0, space).toString() === cookie) done(bdecode(m.subarray(space + 1)));
    });
    sock.on('error', () => done(null));
    sock.send(`${cookie} ${bencode(message)}`, port, '127.0.0.1');
  });
}

/** @param {{maxLifetimeMs?: number}} [opts] */
export async function startRtpengine(opts = {}) {
  const ngPort = await freeUdpPort();
  const portMin = 20000 + Math.floor(Math.random() * 90) * 100;
  const daemon = await spawnDaemon({
    name: 'rtpengine',
    bin: RTPENGINE_BIN,
    maxLifetimeMs: opts.maxLifetimeMs,
    args: (dir) => [
      '--config-file=none',
      '--table=-1', // userspace forwarding: no kernel module
      '--interface=127.0.0.1',
      `--listen-ng=127.0.0.1:${ngPort}`,
      `--port-min=${portMin}`, `--port-max=${portMin + 99}`,
      `--pidfile=${dir}/rtpengine.pid`,
      '--foreground', '--log-stderr', '--log-level=6',
      '--delete-delay=0',
    ],
  });
  await waitReady(daemon, 'rtpengine', async () => (await ngCommand(ngPort, { command: 'ping' }, 200))?.result === 'pong');
  return {
    ngPort,
    /** For Kamailio's rtpengine module (`rtpengine_sock`). */
    ngSocket: `udp:127.0.0.1:${ngPort}`,
    ng: (message) => ngCommand(ngPort, message, 2000),
    log: daemon.log,
    stop: daemon.stop,
  };
}

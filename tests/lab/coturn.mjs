// Lab TURN server: Debian's coturn on 127.0.0.1 with one long-term-credential user.
//
//   import { startTurn } from './coturn.mjs';
//   const turn = await startTurn();   // { url, username, credential, realm, port, stop() }
//
// Relayed addresses are on 127.0.0.1 too; the browsers' own candidates are on the machine's
// other address, which coturn may relay to (not a loopback peer).
import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import { spawnDaemon, waitReady } from './daemon.mjs';
import { freeUdpPort } from './ports.mjs';

export const TURN_BIN = '/usr/bin/turnserver';

/** Whether a STUN Binding request to 127.0.0.1:port gets a success response. */
export function stunAnswers(port, timeoutMs = 300) {
  return new Promise((resolve) => {
    const sock = dgram.createSocket('udp4');
    const tx = randomBytes(12);
    const req = Buffer.concat([Buffer.from([0x00, 0x01, 0x00, 0x00, 0x21, 0x12, 0xa4, 0x42]), tx]);
    const done = (ok) => {
      clearTimeout(timer);
      sock.close();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    sock.on('message', (m) => done(m.length >= 20 && m.readUInt16BE(0) === 0x0101 && m.subarray(8, 20).equals(tx)));
    sock.on('error', () => done(false));
    sock.send(req, port, '127.0.0.1');
  });
}

/**
 * @param {{username?: string, credential?: string, realm?: string, maxLifetimeMs?: number}} [opts]
 */
export async function startTurn(opts = {}) {
  const username = opts.username ?? 'agent';
  const credential = opts.credential ?? 'turn-secret';
  const realm = opts.realm ?? 'lab.test';
  const port = await freeUdpPort();
  const relayBase = 40000 + Math.floor(Math.random() * 200) * 100;
  const daemon = await spawnDaemon({
    name: 'coturn',
    bin: TURN_BIN,
    maxLifetimeMs: opts.maxLifetimeMs,
    args: (dir) => [
      '-n', // no config file
      '--lt-cred-mech', '--user', `${username}:${credential}`, '--realm', realm,
      '--listening-ip', '127.0.0.1', '--relay-ip', '127.0.0.1', '--listening-port', String(port),
      '--min-port', String(relayBase), '--max-port', String(relayBase + 99),
      '--no-cli', '--no-tls', '--no-dtls', '--no-tcp-relay',
      '--pidfile', `${dir}/turnserver.pid`, '--userdb', `${dir}/turndb`, '--log-file', 'stdout', '--simple-log',
    ],
  });
  await waitReady(daemon, 'coturn', () => stunAnswers(port));
  return {
    url: `turn:127.0.0.1:${port}?transport=udp`,
    port,
    username,
    credential,
    realm,
    log: daemon.log,
    stop: daemon.stop,
  };
}

// Local PBX lab for tests: a Kamailio SIP-over-WebSocket registrar/proxy on
// 127.0.0.1 only, with digest accounts 1001..1004, an in-memory presence server
// (message-summary for voicemail, dialog state for colleagues' lines) and no database.
//
//   import { startLab } from './kamailio.mjs';
//   const lab = await startLab();          // { wsUrl, domain, accounts, stop() }
//   ...
//   await lab.stop();
//
// CLI: `node tests/lab/kamailio.mjs [--port N] [--domain D] [--log FILE]
//       [--max-lifetime-ms MS] [--debug LEVEL]` prints the lab as JSON and runs
// until Ctrl-C / SIGTERM.
//
// Kamailio runs as a lab daemon (daemon.mjs): its own process group, stopped by stop(), when
// this node process exits, and by the daemon watchdog when this process dies or the maximum
// lifetime is reached.

import { randomBytes } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnDaemon, waitReady } from './daemon.mjs';
import { kamailioFiles } from './kamailio-config.mjs';
import { ensureKamailio } from './kamailio-install.mjs';
import { freeTcpPort, freeUdpPort } from './ports.mjs';

export { renderConfig } from './kamailio-config.mjs';
export { ensureKamailio, findKamailio } from './kamailio-install.mjs';
export { freeTcpPort, freeUdpPort } from './ports.mjs';

/**
 * @typedef {object} LabAccount
 * @property {string} user      SIP user / extension, e.g. "1001"
 * @property {string} password  digest password, e.g. "secret1001"
 */

/**
 * @typedef {object} LabOptions
 * @property {number} [port]           WebSocket (TCP) port; default: a free port
 * @property {number} [udpPort]        UDP port; default: a free port
 * @property {string} [domain]         SIP domain (not resolved); default "lab.test"
 * @property {LabAccount[]} [accounts] default 1001..1004 / "secret<user>"
 * @property {string} [log]            file that receives kamailio's stderr (appended)
 * @property {number} [debug]          kamailio debug level (-1..4); default 2 with log, else 1
 * @property {number} [maxLifetimeMs]  hard stop after this long; default 30 min
 * @property {number} [startTimeoutMs] how long to wait for the WebSocket port; default 20 s
 * @property {number} [shmMb]          shared memory MB (-m); default 64
 * @property {number} [pkgMb]          private memory MB (-M); default 8
 * @property {boolean} [installIfMissing] apt-get install kamailio if missing; default true
 * @property {number} [maxExpires]     longest registration the registrar grants, s; default 3600
 * @property {string} [rtpengine]      ng socket of a media gateway (tests/lab/rtpengine.mjs), e.g.
 *   "udp:127.0.0.1:22222": calls between WebSocket clients and UDP phones then go through it
 */

/**
 * @typedef {object} Lab
 * @property {string} wsUrl            e.g. "ws://127.0.0.1:40123"
 * @property {string} domain           e.g. "lab.test"
 * @property {LabAccount[]} accounts
 * @property {number} wsPort
 * @property {number} udpPort
 * @property {string} udpUri           e.g. "sip:127.0.0.1:40124;transport=udp"
 * @property {number} pid              kamailio main process id (= its process group)
 * @property {string} dir              temp dir with kamailio.cfg (removed on stop)
 * @property {string} logFile          where kamailio's stderr goes
 * @property {() => boolean} isRunning
 * @property {() => Promise<void>} stop  idempotent
 * @property {Promise<number|null>} exited  resolves with the exit code when kamailio exits
 */

/** @type {LabAccount[]} */
export const DEFAULT_ACCOUNTS = ['1001', '1002', '1003', '1004'].map((user) => ({
  user,
  password: `secret${user}`,
}));

export const DEFAULT_DOMAIN = 'lab.test';
const DEFAULT_MAX_LIFETIME_MS = 30 * 60 * 1000;

/** @param {string} msg */
function note(msg) {
  process.stderr.write(`[lab] ${msg}\n`);
}

/**
 * Resolves when a WebSocket upgrade on the port succeeds (kamailio's xhttp +
 * websocket modules answer 101).
 * @param {number} port
 * @returns {Promise<boolean>}
 */
function wsHandshake(port) {
  return new Promise((resolve) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      path: '/',
      method: 'GET',
      timeout: 1000,
      headers: {
        Host: `127.0.0.1:${port}`,
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
        'Sec-WebSocket-Protocol': 'sip',
      },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode === 101);
    });
    req.on('response', (res) => {
      res.resume();
      resolve(false);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

/**
 * Starts the lab PBX.
 * @param {LabOptions} [opts]
 * @returns {Promise<Lab>}
 */
export async function startLab(opts = {}) {
  const { bin, moduleDir } = await ensureKamailio(opts);
  const domain = opts.domain || DEFAULT_DOMAIN;
  const accounts = (opts.accounts || DEFAULT_ACCOUNTS).map((a) => ({ ...a }));
  const maxLifetimeMs = opts.maxLifetimeMs ?? DEFAULT_MAX_LIFETIME_MS;
  const startTimeoutMs = opts.startTimeoutMs ?? 20000;
  const debug = opts.debug ?? (opts.log ? 2 : 1);
  const attempts = opts.port || opts.udpPort ? 1 : 4; // retry only with ports we picked

  let lastError = /** @type {Error | null} */ (null);
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const wsPort = opts.port || (await freeTcpPort());
    const udpPort = opts.udpPort || (await freeUdpPort());
    try {
      return await launch({ bin, moduleDir, domain, accounts, wsPort, udpPort, debug, maxLifetimeMs, startTimeoutMs, opts });
    } catch (e) {
      lastError = /** @type {Error} */ (e);
      const portClash = /address already in use/i.test(lastError.message);
      if (!portClash || attempt === attempts) break;
      note(`port clash on ${wsPort}/${udpPort}, retrying with other ports`);
    }
  }
  throw lastError;
}

/**
 * @param {{bin: string, moduleDir: string, domain: string, accounts: LabAccount[], wsPort: number,
 *   udpPort: number, debug: number, maxLifetimeMs: number, startTimeoutMs: number, opts: LabOptions}} p
 * @returns {Promise<Lab>}
 */
async function launch(p) {
  const config = {
    wsPort: p.wsPort, udpPort: p.udpPort, domain: p.domain, accounts: p.accounts, moduleDir: p.moduleDir, debug: p.debug,
    maxExpires: p.opts.maxExpires,
    rtpengine: p.opts.rtpengine,
  };
  const daemon = await spawnDaemon({
    name: 'kamailio',
    bin: p.bin,
    files: (dir) => kamailioFiles(config, dir),
    logFile: p.opts.log,
    maxLifetimeMs: p.maxLifetimeMs,
    args: (dir) => [
      '-DD', // stay in the foreground (children still forked)
      '-E', // log to stderr
      '-f', path.join(dir, 'kamailio.cfg'),
      '-Y', dir, // runtime dir (default /run/kamailio may not exist / be writable)
      '-w', dir, // working dir
      '-m', String(p.opts.shmMb ?? 64),
      '-M', String(p.opts.pkgMb ?? 8),
      '-a', 'no',
      ...(p.opts.rtpengine ? ['-A', 'WITH_RTPENGINE'] : []),
    ],
  });
  try {
    await waitReady(daemon, 'kamailio', () => Promise.race([wsHandshake(p.wsPort), daemon.exited.then(() => false)]), p.startTimeoutMs);
  } catch (e) {
    const bind = /bind\(.*\) on ([0-9.]+:\d+)\s*:\s*Address already in use/i.exec(String(/** @type {Error} */ (e).message));
    throw bind ? new Error(`kamailio could not listen on ${bind[1]}: address already in use`) : e;
  }
  return {
    wsUrl: `ws://127.0.0.1:${p.wsPort}`,
    domain: p.domain,
    accounts: p.accounts,
    wsPort: p.wsPort,
    udpPort: p.udpPort,
    udpUri: `sip:127.0.0.1:${p.udpPort};transport=udp`,
    pid: daemon.pid,
    dir: daemon.dir,
    logFile: daemon.logFile,
    isRunning: daemon.isRunning,
    /**
     * The registrations of `user` in Kamailio's location table (RPC `ul.dump`): each Contact
     * address and the Call-ID of the REGISTER that made it.
     */
    async registrations(user) {
      const res = await fetch(`http://127.0.0.1:${p.wsPort}/RPC`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', method: 'ul.dump', id: 1 }),
      });
      const body = await res.json();
      const domains = body.result?.Domains ?? [];
      const contacts = [];
      for (const d of domains) {
        for (const rec of d.Domain?.AoRs ?? []) {
          const aor = rec.Info?.AoR ?? '';
          if (aor === user || aor.startsWith(`${user}@`)) for (const c of rec.Info?.Contacts ?? []) contacts.push({ contact: c.Contact?.Address, callId: c.Contact?.['Call-ID'] });
        }
      }
      return contacts;
    },
    stop: daemon.stop,
    exited: daemon.exited,
  };
}

// ---------------------------------------------------------------- CLI

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {LabOptions} */
  const o = { maxLifetimeMs: 24 * 3600 * 1000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`missing value for ${a}`);
      return v;
    };
    const key = a.split('=')[0];
    if (key === '--port') o.port = Number(val());
    else if (key === '--udp-port') o.udpPort = Number(val());
    else if (key === '--domain') o.domain = val();
    else if (key === '--log') o.log = val();
    else if (key === '--debug') o.debug = Number(val());
    else if (key === '--max-lifetime-ms') o.maxLifetimeMs = Number(val());
    else if (key === '-h' || key === '--help') {
      process.stdout.write(
        'usage: node tests/lab/kamailio.mjs [--port N] [--udp-port N] [--domain D] [--log FILE] [--debug N] [--max-lifetime-ms MS]\n',
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const lab = await startLab(opts);
  const { wsUrl, domain, accounts, wsPort, udpPort, udpUri, pid, logFile } = lab;
  process.stdout.write(`${JSON.stringify({ wsUrl, domain, accounts, wsPort, udpPort, udpUri, pid, logFile }, null, 2)}\n`);
  note('lab running; Ctrl-C to stop');
  const keepAlive = setInterval(() => {}, 1 << 30);
  let shuttingDown = false;
  const shutdown = async (/** @type {string} */ sig) => {
    if (shuttingDown) return;
    shuttingDown = true;
    note(`${sig}: stopping`);
    clearInterval(keepAlive);
    await lab.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => void shutdown('SIGHUP'));
  const code = await lab.exited;
  if (shuttingDown) return;
  clearInterval(keepAlive);
  note(`kamailio exited (code ${code})`);
  await lab.stop();
  process.exit(code === 0 ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e) => {
    process.stderr.write(`[lab] ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}

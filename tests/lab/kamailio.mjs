// Local PBX lab for tests: a Kamailio SIP-over-WebSocket registrar/proxy on
// 127.0.0.1 only, with digest accounts 1001..1004 and no database.
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
// Kamailio runs in its own process group. It is stopped by stop(), when this
// node process exits (exit hook), and by a detached watchdog process when
// this node process dies without running exit hooks (SIGKILL, crash) or when
// the maximum lifetime is reached.

import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startWatchdog } from './daemon.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TEMPLATE = path.join(HERE, 'kamailio.cfg.tpl');

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

/** @returns {string | null} absolute path of the kamailio binary */
export function findKamailio() {
  const dirs = (process.env.PATH || '').split(path.delimiter).filter(Boolean);
  for (const d of [...dirs, '/usr/sbin', '/usr/local/sbin', '/sbin']) {
    const p = path.join(d, 'kamailio');
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* keep looking */
    }
  }
  return null;
}

/**
 * Module directory of the installed kamailio (parsed from `kamailio -h`).
 * @param {string} bin
 * @returns {string}
 */
function findModuleDir(bin) {
  const r = spawnSync(bin, ['-h'], { encoding: 'utf8' });
  const text = `${r.stdout || ''}${r.stderr || ''}`;
  const m = /-L path[^\n]*\n?[^(]*\(default:\s*([^)]+)\)/.exec(text);
  const candidates = [
    m ? m[1].trim() : '',
    '/usr/lib/x86_64-linux-gnu/kamailio/modules',
    '/usr/lib/aarch64-linux-gnu/kamailio/modules',
    '/usr/lib/kamailio/modules',
    '/usr/local/lib64/kamailio/modules',
    '/usr/local/lib/kamailio/modules',
  ].filter(Boolean);
  for (const c of candidates) {
    if (fs.existsSync(path.join(c, 'tm.so'))) return c;
  }
  return candidates[0];
}

/**
 * @param {string[]} args
 * @returns {Promise<number>}
 */
function runApt(args) {
  return new Promise((resolve) => {
    const child = spawn('apt-get', args, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d) => process.stderr.write(d));
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('error', () => resolve(127));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/**
 * Makes sure kamailio and its WebSocket modules are installed (Debian/Ubuntu),
 * installing them with apt-get when missing.
 * @param {{installIfMissing?: boolean}} [opts]
 * @returns {Promise<{bin: string, moduleDir: string}>}
 */
export async function ensureKamailio(opts = {}) {
  let bin = findKamailio();
  let moduleDir = bin ? findModuleDir(bin) : '';
  const hasWs = () => !!moduleDir && fs.existsSync(path.join(moduleDir, 'websocket.so'));
  if (bin && hasWs()) return { bin, moduleDir };
  if (opts.installIfMissing === false) {
    throw new Error('kamailio (with kamailio-websocket-modules) is not installed');
  }
  const pkgs = ['kamailio', 'kamailio-websocket-modules'];
  const install = ['-o', 'DPkg::Lock::Timeout=600', 'install', '-y', '--no-install-recommends', ...pkgs];
  note(`kamailio ${bin ? 'websocket modules ' : ''}not found: installing ${pkgs.join(' ')} with apt-get ...`);
  let code = await runApt(install);
  if (code !== 0) {
    note('apt-get install failed; running apt-get update and retrying ...');
    await runApt(['-o', 'DPkg::Lock::Timeout=600', 'update']);
    code = await runApt(install);
  }
  bin = findKamailio();
  moduleDir = bin ? findModuleDir(bin) : '';
  if (code !== 0 || !bin || !hasWs()) {
    throw new Error(
      `could not install ${pkgs.join(' ')} (apt-get exit ${code}); install them by hand (needs root)`,
    );
  }
  note(`installed kamailio at ${bin}`);
  return { bin, moduleDir };
}

/** @returns {Promise<number>} a TCP port free on 127.0.0.1 right now */
export function freeTcpPort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(addr.port));
    });
  });
}

/** @returns {Promise<number>} a UDP port free on 127.0.0.1 right now */
export function freeUdpPort() {
  return new Promise((resolve, reject) => {
    const sock = dgram.createSocket('udp4');
    sock.unref();
    sock.on('error', reject);
    sock.bind(0, '127.0.0.1', () => {
      const { port } = sock.address();
      sock.close(() => resolve(port));
    });
  });
}

/**
 * Renders the kamailio config.
 * @param {{wsPort: number, udpPort: number, domain: string, accounts: LabAccount[], moduleDir: string, debug: number, maxExpires?: number}} p
 * @returns {string}
 */
export function renderConfig(p) {
  if (p.rtpengine && !/^udp:127\.0\.0\.1:\d+$/.test(p.rtpengine)) throw new Error(`bad rtpengine socket ${p.rtpengine}`);
  if (!/^[A-Za-z0-9.-]+$/.test(p.domain)) throw new Error(`bad domain ${p.domain}`);
  for (const a of p.accounts) {
    if (!/^[A-Za-z0-9_.-]+$/.test(a.user)) throw new Error(`bad user ${a.user}`);
    if (!/^[A-Za-z0-9_.:@%+=-]+$/.test(a.password)) throw new Error(`bad password for ${a.user}`);
  }
  const users = p.accounts
    .map((a) => `\t$sht(users=>${a.user}) = "${a.password}";`)
    .join('\n');
  /** @type {Record<string, string>} */
  const vars = {
    DEBUG: String(p.debug),
    WS_PORT: String(p.wsPort),
    UDP_PORT: String(p.udpPort),
    DOMAIN: p.domain,
    MPATH: p.moduleDir.endsWith('/') ? p.moduleDir : `${p.moduleDir}/`,
    AUTH_SECRET: randomBytes(12).toString('hex'),
    USERS: users,
    MAX_EXPIRES: String(p.maxExpires ?? 3600),
    RTPENGINE_SOCK: p.rtpengine ?? '',
  };
  const tpl = fs.readFileSync(TEMPLATE, 'utf8');
  return tpl.replace(/\{\{([A-Z_]+)\}\}/g, (m, name) => {
    if (!(name in vars)) throw new Error(`unknown template variable ${m}`);
    return vars[name];
  });
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
 * Text of a file from byte offset `from` (this run's part of an appended log).
 * @param {string} file @param {number} from
 */
function tail(file, from) {
  try {
    return fs.readFileSync(file).subarray(from).toString('utf8');
  } catch {
    return '';
  }
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

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
  const config = renderConfig({
    wsPort: p.wsPort, udpPort: p.udpPort, domain: p.domain, accounts: p.accounts, moduleDir: p.moduleDir, debug: p.debug,
    maxExpires: p.opts.maxExpires,
    rtpengine: p.opts.rtpengine,
  });
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'kamailio-lab-'));
  const cfgFile = path.join(dir, 'kamailio.cfg');
  const logFile = p.opts.log ? path.resolve(p.opts.log) : path.join(dir, 'kamailio.log');
  await fsp.writeFile(cfgFile, config);
  const logStart = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
  const logFd = fs.openSync(logFile, 'a');

  const args = [
    '-DD', // stay in the foreground (children still forked)
    '-E', // log to stderr
    '-f', cfgFile,
    '-Y', dir, // runtime dir (default /run/kamailio may not exist / be writable)
    '-w', dir, // working dir
    '-m', String(p.opts.shmMb ?? 64),
    '-M', String(p.opts.pkgMb ?? 8),
    '-a', 'no',
    ...(p.opts.rtpengine ? ['-A', 'WITH_RTPENGINE'] : []),
  ];
  const child = spawn(p.bin, args, {
    detached: true, // own process group: kill(-pid) takes all children
    stdio: ['ignore', logFd, logFd],
    cwd: dir,
  });
  fs.closeSync(logFd);
  child.unref();

  const logTail = () => tail(logFile, logStart).split('\n').slice(-30).join('\n');

  let exitCode = /** @type {number|null} */ (null);
  let running = true;
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      running = false;
      exitCode = code ?? (signal ? 128 : null);
      resolve(exitCode);
    });
    child.on('error', (err) => {
      running = false;
      note(`cannot run ${p.bin}: ${err.message}`);
      resolve(127);
    });
  });

  const pgid = /** @type {number} */ (child.pid);
  const killGroup = (/** @type {NodeJS.Signals} */ sig) => {
    try {
      process.kill(-pgid, sig);
    } catch {
      /* already gone */
    }
  };
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);

  const watchdog = startWatchdog(pgid, Date.now() + p.maxLifetimeMs, dir);

  let stopping = /** @type {Promise<void> | null} */ (null);
  const stop = () => {
    if (stopping) return stopping;
    stopping = (async () => {
      clearTimeout(lifetimeTimer);
      if (running) {
        killGroup('SIGTERM');
        const done = await Promise.race([exited.then(() => true), sleep(3000).then(() => false)]);
        if (!done) {
          killGroup('SIGKILL');
          await Promise.race([exited, sleep(2000)]);
        }
      }
      // children may outlive the main process for a moment
      killGroup('SIGKILL');
      process.off('exit', onExit);
      try {
        if (watchdog.pid) process.kill(watchdog.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
      await fsp.rm(dir, { recursive: true, force: true }).catch(() => {});
    })();
    return stopping;
  };
  const lifetimeTimer = setTimeout(() => {
    note(`max lifetime ${p.maxLifetimeMs} ms reached, stopping kamailio`);
    void stop();
  }, p.maxLifetimeMs);
  lifetimeTimer.unref();

  // wait for the WebSocket listener
  const deadline = Date.now() + p.startTimeoutMs;
  for (;;) {
    if (!running) {
      const log = logTail();
      await stop();
      const bind = /bind\(.*\) on ([0-9.]+:\d+)\s*:\s*Address already in use/i.exec(log);
      throw new Error(
        bind
          ? `kamailio could not listen on ${bind[1]}: address already in use`
          : `kamailio exited during start-up (code ${exitCode}); last log lines:\n${log}`,
      );
    }
    if (await Promise.race([wsHandshake(p.wsPort), exited.then(() => false)])) break;
    if (Date.now() > deadline) {
      const log = logTail();
      await stop();
      throw new Error(`kamailio did not accept WebSocket connections on port ${p.wsPort} within ${p.startTimeoutMs} ms; log:\n${log}`);
    }
    await sleep(50);
  }

  return {
    wsUrl: `ws://127.0.0.1:${p.wsPort}`,
    domain: p.domain,
    accounts: p.accounts,
    wsPort: p.wsPort,
    udpPort: p.udpPort,
    udpUri: `sip:127.0.0.1:${p.udpPort};transport=udp`,
    pid: pgid,
    dir,
    logFile,
    isRunning: () => running,
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
    stop,
    exited,
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

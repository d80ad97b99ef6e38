// Lab daemons (Kamailio, coturn, rtpengine, baresip): each runs in its own process group in a temp dir, and
// stops by itself — on stop(), when this node process exits (exit hook), and through a detached
// watchdog when this process dies without running its hooks or the lifetime is over.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const DEFAULT_MAX_LIFETIME_MS = 30 * 60 * 1000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The watchdog: a detached node process that kills the daemon's process group when the parent
// node process goes away or the lifetime is over, then removes the temp dir.
const WATCHDOG_SRC = String.raw`
const [parentPid, pgid, deadline, dir, name] = process.argv.slice(1).map((v, i) => (i < 3 ? Number(v) : v));
const startPpid = process.ppid;
const fs = require('node:fs');
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
let killing = false;
const parentAlive = () => process.ppid === startPpid && alive(parentPid);
function cleanup() { if (!parentAlive()) { try { fs.rmSync(dir, { recursive: true, force: true }); } catch {} } process.exit(0); }
function kill(why) {
  if (killing) return; killing = true;
  try { process.stderr.write('[lab watchdog] stopping ' + name + ': ' + why + '\n'); } catch {}
  try { process.kill(-pgid, 'SIGTERM'); } catch {}
  const t0 = Date.now();
  const iv = setInterval(() => {
    if (!alive(pgid) || Date.now() - t0 > 3000) {
      try { process.kill(-pgid, 'SIGKILL'); } catch {}
      clearInterval(iv); cleanup();
    }
  }, 100);
}
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => {});
setInterval(() => {
  if (killing) return;
  if (!alive(pgid)) cleanup();
  else if (!parentAlive()) kill('parent process ' + parentPid + ' is gone');
  else if (Date.now() > deadline) kill('max lifetime reached');
}, 500);
`;

/**
 * Starts the watchdog for a process group.
 * @param {number} pgid @param {number} deadline @param {string} dir @param {string} [name]
 */
function startWatchdog(pgid, deadline, dir, name) {
  const wd = spawn(process.execPath, ['-e', WATCHDOG_SRC, String(process.pid), String(pgid), String(deadline), dir, name], {
    detached: true,
    stdio: 'ignore',
  });
  wd.unref();
  return wd;
}

/**
 * @typedef {object} Daemon
 * @property {number} pid            = its process group
 * @property {string} dir            its temp dir (removed on stop)
 * @property {string} logFile
 * @property {() => string} log      what it wrote so far
 * @property {() => boolean} isRunning
 * @property {Promise<number|null>} exited
 * @property {() => Promise<void>} stop  idempotent
 */

/**
 * Spawns `bin` with `args(dir)` in a new temp dir, its output to a log file there.
 * `files` are written there first (a function gets the dir, for files that name it; "a/b" makes a/).
 * `logFile` (optional) is a log outside the temp dir, appended to: log() then returns this run's part.
 * @param {{name: string, bin: string, args: (dir: string) => string[], maxLifetimeMs?: number, files?: Record<string, string> | ((dir: string) => Record<string, string>), logFile?: string}} p
 * @returns {Promise<Daemon>}
 */
export async function spawnDaemon(p) {
  if (!fs.existsSync(p.bin)) throw new Error(`${p.bin} not found: apt-get install it (see .ci/run)`);
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), `${p.name}-lab-`));
  const files = typeof p.files === 'function' ? p.files(dir) : (p.files ?? {});
  for (const [file, text] of Object.entries(files)) {
    await fsp.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await fsp.writeFile(path.join(dir, file), text);
  }
  const logFile = p.logFile ? path.resolve(p.logFile) : path.join(dir, `${p.name}.log`);
  const logStart = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
  const logFd = fs.openSync(logFile, 'a');
  const child = spawn(p.bin, p.args(dir), { detached: true, stdio: ['ignore', logFd, logFd], cwd: dir });
  fs.closeSync(logFd);
  child.unref();
  let running = true;
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      running = false;
      resolve(code ?? (signal ? 128 : null));
    });
    child.on('error', () => {
      running = false;
      resolve(127);
    });
  });
  const pgid = /** @type {number} */ (child.pid);
  const killGroup = (sig) => {
    try {
      process.kill(-pgid, sig);
    } catch {
      /* gone */
    }
  };
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);
  const maxLifetimeMs = p.maxLifetimeMs ?? DEFAULT_MAX_LIFETIME_MS;
  const watchdog = startWatchdog(pgid, Date.now() + maxLifetimeMs, dir, p.name);
  const log = () => {
    try {
      return fs.readFileSync(logFile).subarray(logStart).toString('utf8');
    } catch {
      return '';
    }
  };
  let stopping = null;
  const stop = () => {
    stopping ??= (async () => {
      clearTimeout(lifetime);
      if (running) {
        killGroup('SIGTERM');
        if (!(await Promise.race([exited.then(() => true), sleep(3000).then(() => false)]))) killGroup('SIGKILL');
        await Promise.race([exited, sleep(2000)]);
      }
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
  const lifetime = setTimeout(() => {
    process.stderr.write(`[lab] ${p.name}: max lifetime ${maxLifetimeMs} ms reached, stopping it\n`);
    void stop();
  }, maxLifetimeMs);
  lifetime.unref();
  return { pid: pgid, dir, logFile, log, isRunning: () => running, exited, stop };
}

/**
 * Waits until `ready()` is true, failing with the daemon's log if it exits or takes too long.
 * @param {Daemon} d @param {string} name @param {() => Promise<boolean>|boolean} ready @param {number} [timeoutMs]
 */
export async function waitReady(d, name, ready, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!d.isRunning()) {
      const log = d.log();
      await d.stop();
      throw new Error(`${name} exited during start-up; its log:\n${log.split('\n').slice(-30).join('\n')}`);
    }
    if (await ready()) return;
    if (Date.now() > deadline) {
      const log = d.log();
      await d.stop();
      throw new Error(`${name} was not ready within ${timeoutMs} ms; its log:\n${log.split('\n').slice(-30).join('\n')}`);
    }
    await sleep(50);
  }
}

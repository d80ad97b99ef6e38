// Finds the installed Kamailio and its module folder; installs Debian's packages when missing.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Debian packages the lab Kamailio needs (WebSocket transport; presence for MWI and BLF). */
export const KAMAILIO_PACKAGES = ['kamailio', 'kamailio-websocket-modules', 'kamailio-presence-modules'];
const NEEDED_MODULES = ['websocket.so', 'presence.so', 'presence_mwi.so', 'presence_dialoginfo.so', 'pua_dialoginfo.so'];

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
 * Makes sure kamailio and its WebSocket and presence modules are installed (Debian/Ubuntu),
 * installing them with apt-get when missing.
 * @param {{installIfMissing?: boolean}} [opts]
 * @returns {Promise<{bin: string, moduleDir: string}>}
 */
export async function ensureKamailio(opts = {}) {
  let bin = findKamailio();
  let moduleDir = bin ? findModuleDir(bin) : '';
  const hasWs = () => !!moduleDir && NEEDED_MODULES.every((m) => fs.existsSync(path.join(moduleDir, m)));
  if (bin && hasWs()) return { bin, moduleDir };
  const pkgs = KAMAILIO_PACKAGES;
  if (opts.installIfMissing === false) {
    throw new Error(`kamailio (with its modules: ${pkgs.join(' ')}) is not installed`);
  }
  const install = ['-o', 'DPkg::Lock::Timeout=600', 'install', '-y', '--no-install-recommends', ...pkgs];
  note(`kamailio ${bin ? 'modules ' : ''}not found: installing ${pkgs.join(' ')} with apt-get ...`);
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

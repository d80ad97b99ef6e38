// Node side of the remote phone: bundle tests/lab/remote-phone/remote.js
// (SIP.js included) into one browser file, serve it, and open it in a
// puppeteer browser.
//
//   const phone = await startRemotePhoneServer();      // { url, dir, close() }
//   const page = await openRemotePhone(browser, phone.url);
//   await page.evaluate((o) => remote.register(o), { wsUrl, domain, user, password });

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './http.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SRC_DIR = path.join(HERE, 'remote-phone');
export const DEFAULT_OUT_DIR = path.join(HERE, '.build', 'remote-phone');

/**
 * Bundles one browser entry into a single IIFE file. Uses esbuild when it is
 * installed, otherwise rolldown (which Vite 8 / WXT bring along).
 * @param {string} entry @param {string} outFile
 * @returns {Promise<'esbuild'|'rolldown'>}
 */
async function bundle(entry, outFile) {
  /** @type {any} */
  let esbuild = null;
  try {
    const name = 'esbuild'; // optional: not a dependency of this project
    esbuild = await import(name);
  } catch {
    /* not installed */
  }
  if (esbuild && typeof esbuild.build === 'function') {
    await esbuild.build({
      entryPoints: [entry],
      outfile: outFile,
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      logLevel: 'error',
    });
    return 'esbuild';
  }
  /** @type {any} */
  let rolldown;
  try {
    const name = 'rolldown'; // comes with vite (wxt)
    rolldown = await import(name);
  } catch {
    throw new Error('neither esbuild nor rolldown can be imported: cannot bundle the remote phone');
  }
  await rolldown.build({
    input: entry,
    platform: 'browser',
    logLevel: 'silent',
    output: { file: outFile, format: 'iife' },
  });
  return 'rolldown';
}

/**
 * Builds the remote phone page into `outDir` (default tests/lab/.build/remote-phone):
 * index.html + remote.bundle.js. Skips the bundling when the bundle is newer
 * than its sources (pass {force: true} to rebuild).
 * @param {{outDir?: string, force?: boolean}} [opts]
 * @returns {Promise<{dir: string, bundler: string}>}
 */
export async function buildRemotePhone(opts = {}) {
  const outDir = path.resolve(opts.outDir || DEFAULT_OUT_DIR);
  await fsp.mkdir(outDir, { recursive: true });
  const entry = path.join(SRC_DIR, 'remote.js');
  const outFile = path.join(outDir, 'remote.bundle.js');
  await fsp.copyFile(path.join(SRC_DIR, 'index.html'), path.join(outDir, 'index.html'));

  const mtime = (/** @type {string} */ f) => {
    try {
      return fs.statSync(f).mtimeMs;
    } catch {
      return 0;
    }
  };
  const sipPkg = path.join(HERE, '..', '..', 'node_modules', 'sip.js', 'package.json');
  const fresh = !opts.force && mtime(outFile) > Math.max(mtime(entry), mtime(sipPkg), mtime(fileURLToPath(import.meta.url)));
  if (fresh) return { dir: outDir, bundler: 'cached' };

  const tmp = `${outFile}.${process.pid}.tmp.js`;
  const bundler = await bundle(entry, tmp);
  await fsp.rename(tmp, outFile); // atomic: parallel test runs never see half a file
  return { dir: outDir, bundler };
}

/**
 * Builds (if needed) and serves the remote phone on 127.0.0.1.
 * @param {{outDir?: string, force?: boolean}} [opts]
 * @returns {Promise<{url: string, port: number, dir: string, close: () => Promise<void>}>}
 */
export async function startRemotePhoneServer(opts = {}) {
  const { dir } = await buildRemotePhone(opts);
  const srv = await startStaticServer(dir);
  return { url: srv.url, port: srv.port, dir, close: srv.close };
}

/**
 * @typedef {object} RemotePhoneOptions
 * @property {string} [wsUrl]       with user/password/domain: register right away
 * @property {string} [domain]
 * @property {string} [user]
 * @property {string} [password]
 * @property {boolean} [autoAnswer]
 * @property {'auto'|'rtp'|'tone'|'off'} [dtmfDetect]  RFC 4733 receive detection (default auto = rtp)
 * @property {number} [tone]  the phone's microphone is a steady sine at this frequency (Hz), to tell its audio from others'
 * @property {number} [timeoutMs]   page load + registration timeout (default 15 s)
 */

/**
 * Opens the remote phone in a new page of `browser` (puppeteer) and waits for
 * `window.remote`; registers when user/password/wsUrl/domain are given.
 * Page console errors are forwarded to stderr with a "[remote USER]" prefix.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} url   startRemotePhoneServer().url
 * @param {RemotePhoneOptions} [opts]
 * @returns {Promise<import('puppeteer-core').Page>}
 */
export async function openRemotePhone(browser, url, opts = {}) {
  const timeout = opts.timeoutMs ?? 15000;
  const page = await browser.newPage();
  const tag = `[remote ${opts.user || '?'}]`;
  page.on('pageerror', (e) => process.stderr.write(`${tag} page error: ${e instanceof Error ? e.message : String(e)}\n`));
  page.on('console', (m) => {
    if (m.type() === 'error') process.stderr.write(`${tag} console: ${m.text()}\n`);
  });
  await page.goto(url, { waitUntil: 'load', timeout });
  await page.waitForFunction('window.remoteReady === true', { timeout });
  if (opts.user && opts.password && opts.wsUrl && opts.domain) {
    await page.evaluate(
      (o) => /** @type {any} */ (window).remote.register(o),
      {
        wsUrl: opts.wsUrl,
        domain: opts.domain,
        user: opts.user,
        password: opts.password,
        autoAnswer: opts.autoAnswer,
        dtmfDetect: opts.dtmfDetect,
        tone: opts.tone,
        timeoutMs: timeout,
      },
    );
  }
  return page;
}

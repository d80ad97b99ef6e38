// Debian Firefox ESR with the built MV2 extension installed as a temporary add-on, driven by
// puppeteer-core over WebDriver BiDi (never a downloaded browser).
//
// What differs from Chromium (support/chrome.mjs):
// - `page.goto('moz-extension://…')` is refused over BiDi, so extension pages are opened by the
//   extension itself (`browser.tabs.create` evaluated in one of its pages). The first one is the
//   microphone page that the background opens on install.
// - puppeteer's `page.url()` stays `about:blank` for moz-extension tabs (BiDi reports no
//   navigation for them), and `waitForTarget` never matches them: pages are found by asking each
//   tab for its `location.href`.
// - The extension's UUID (its origin) is random per profile unless fixed by the pref
//   `extensions.webextensions.uuids`, which we set.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../../lab/browser.mjs';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
/** The unpacked build to install; `E2E_FIREFOX_EXT_DIR` points elsewhere (e.g. another checkout's build). */
export const FIREFOX_BUILD = process.env.E2E_FIREFOX_EXT_DIR || path.join(ROOT, '.output/firefox-mv2');
export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
/** `browser_specific_settings.gecko.id` in the Firefox manifest (wxt.config.ts). */
export const GECKO_ID = '@odoo-voip-softphone';
/** Fixed moz-extension UUID for tests, so the extension origin is known in advance. */
export const EXTENSION_UUID = '6b1f3c2e-8a4d-4e59-9c71-2d0e5f4a7b13';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** Prefs for a test profile: fake microphone without a prompt, fixed extension UUID, quiet. */
export function firefoxPrefs(uuid = EXTENSION_UUID) {
  return {
    // getUserMedia returns a fake (tone) microphone track and never prompts.
    'media.navigator.streams.fake': true,
    'media.navigator.permission.disabled': true,
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
    // No first-run pages, update checks or telemetry pings in a test run.
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'app.update.auto': false,
    'app.update.enabled': false,
    'extensions.update.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
  };
}

/**
 * Starts headless Firefox ESR with the test prefs (no extension installed by the remote
 * protocol): on a fresh temporary profile that puppeteer creates and deletes, or on `userDataDir`,
 * which is kept.
 * @param {{ headless?: boolean, prefs?: Record<string, unknown>, dumpio?: boolean, uuid?: string,
 *   env?: Record<string, string | undefined>, userDataDir?: string }} [opts] `env`: the browser's
 *   environment (a virtual display, the lab's D-Bus)
 * @returns {Promise<import('puppeteer-core').Browser>}
 */
export async function launchFirefox(opts = {}) {
  if (!fs.existsSync(FIREFOX_PATH)) {
    throw new Error(`${FIREFOX_PATH} not found: apt-get install -y firefox-esr (never download a browser)`);
  }
  process.env.PUPPETEER_SKIP_DOWNLOAD = '1';
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: opts.headless ?? true,
    extraPrefsFirefox: { ...firefoxPrefs(opts.uuid ?? EXTENSION_UUID), ...opts.prefs },
    dumpio: opts.dumpio ?? process.env.E2E_FIREFOX_DUMPIO === '1',
    protocolTimeout: 60_000,
    timeout: 60_000,
    ...(opts.env ? { env: opts.env } : {}),
    ...(opts.userDataDir ? { userDataDir: opts.userDataDir } : {}),
  });
}

/**
 * Starts headless Firefox ESR on a fresh temporary profile (puppeteer creates and deletes it)
 * and installs the built extension as a temporary add-on.
 * @param {{ extDir?: string, headless?: boolean, prefs?: Record<string, unknown>, dumpio?: boolean,
 *   uuid?: string, env?: Record<string, string | undefined> }} [opts] `env`: the browser's environment
 *   (a virtual display, the lab's D-Bus)
 * @returns {Promise<{ browser: import('puppeteer-core').Browser, extensionId: string, origin: string,
 *   close: () => Promise<void> }>}
 */
export async function launchFirefoxWithExtension(opts = {}) {
  const extDir = opts.extDir ?? FIREFOX_BUILD;
  if (!fs.existsSync(path.join(extDir, 'manifest.json'))) {
    throw new Error(`${extDir}/manifest.json not found: run \`npx wxt build -b firefox\` first`);
  }
  const uuid = opts.uuid ?? EXTENSION_UUID;
  const browser = await launchFirefox(opts);
  try {
    const extensionId = await withTimeout(browser.installExtension(extDir), 30_000, 'installing the add-on');
    return { browser, extensionId, origin: `moz-extension://${uuid}`, close: () => closeFirefox(browser) };
  } catch (e) {
    await closeFirefox(browser);
    throw e;
  }
}

/**
 * Firefox ESR with the extension, and a headless Chromium beside it for the far ends, started
 * together. `close()` closes both; if either failed to start, the other is closed before the
 * error is thrown.
 * @param {Parameters<typeof launchFirefoxWithExtension>[0]} [opts] for Firefox
 */
export async function launchFirefoxBesideChromium(opts) {
  const [ff, cr] = await Promise.allSettled([launchFirefoxWithExtension(opts), launchChromium()]);
  const close = () => Promise.allSettled([
    ff.status === 'fulfilled' ? closeFirefox(ff.value.browser) : null,
    cr.status === 'fulfilled' ? withTimeout(cr.value.close(), 15_000, 'closing Chromium').catch(() => cr.value.process()?.kill('SIGKILL')) : null,
  ]);
  if (ff.status === 'rejected' || cr.status === 'rejected') {
    await close();
    throw ff.status === 'rejected' ? ff.reason : cr.reason;
  }
  return { firefox: ff.value.browser, extensionId: ff.value.extensionId, chromium: cr.value, close };
}

/**
 * Closes Firefox; if it does not exit in time, kills the process group we started (puppeteer
 * launches it detached, so the group id is its pid). Never throws.
 * @param {import('puppeteer-core').Browser | undefined | null} browser
 */
export async function closeFirefox(browser, timeoutMs = 15_000) {
  if (!browser) return;
  const proc = browser.process();
  const exited = proc && proc.exitCode === null && proc.signalCode === null
    ? new Promise((resolve) => proc.once('exit', resolve))
    : Promise.resolve();
  try {
    await withTimeout(browser.close(), timeoutMs, 'closing Firefox');
  } catch (e) {
    process.stderr.write(`[firefox] ${e.message}; killing it\n`);
  }
  if (proc?.pid && proc.exitCode === null && proc.signalCode === null) {
    try {
      process.kill(-proc.pid, 'SIGKILL');
    } catch {
      try {
        proc.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  await withTimeout(exited, 5_000, 'waiting for Firefox to exit').catch(() => {});
}

/**
 * The tab showing the extension page `file` (e.g. 'mic-permission.html'), once it has loaded.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} file
 * @param {{ timeout?: number, exclude?: Set<import('puppeteer-core').Page>, search?: string }} [opts]
 *   `exclude`: tabs that must not match (e.g. those open before the page was asked for);
 *   `search`: the query the page must have (e.g. '?popout=1', the widget window)
 */
export async function waitForExtensionPage(browser, file, opts = {}) {
  const { timeout = 15_000, exclude = new Set(), search } = opts;
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const page of await browser.pages()) {
      if (exclude.has(page)) continue;
      const href = await hrefOf(page);
      if (href.startsWith('moz-extension://') && new URL(href).pathname === `/${file}` && (search === undefined || new URL(href).search === search)) {
        await withTimeout(
          page.waitForFunction(() => document.readyState === 'complete', { timeout: 10_000 }),
          12_000,
          `${file} loading`,
        );
        page.on('pageerror', (e) => process.stderr.write(`[firefox ${file}] page error: ${e.message}\n`));
        return page;
      }
    }
    if (Date.now() > deadline) {
      const seen = await Promise.all((await browser.pages()).map(hrefOf));
      throw new Error(`no Firefox tab showing ${file} within ${timeout} ms (tabs: ${seen.join(', ')})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Opens an extension page in a new tab the way the extension itself would (`tabs.create` run in
 * one of its pages: BiDi may not navigate to moz-extension URLs) and returns it, in front.
 * @param {import('puppeteer-core').Browser} browser
 * @param {import('puppeteer-core').Page} fromPage any open page of the extension
 * @param {string} file e.g. 'popup.html'
 */
export async function openExtensionPage(browser, fromPage, file) {
  const before = new Set(await browser.pages());
  await fromPage.evaluate((url) => globalThis.browser.tabs.create({ url }).then(() => undefined), `/${file}`);
  const page = await waitForExtensionPage(browser, file, { exclude: before });
  await page.bringToFront();
  return page;
}

/** A tab's real location; '' while it is between documents or closed. */
export async function hrefOf(page) {
  if (page.isClosed()) return '';
  return withTimeout(page.evaluate(() => location.href), 2_000, 'reading location').catch(() => '');
}

/** Rejects after `ms` with a message naming `what`. */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Answers Firefox's own permission prompt (the doorhanger under the address bar) as a user does
 * with the keyboard: Alt+A for Allow, Alt+B for Block (the underlined letters of its buttons).
 * Waits until the prompt's window shows on the virtual display, then gives Firefox's
 * click-jacking guard (security.notification_enable_delay, 500 ms) time before the key.
 * @param {{ display: string, keys: (...k: string[]) => void }} xvfb the display Firefox runs on
 * @param {'allow' | 'block'} answer
 */
export async function answerPermissionPrompt(xvfb, answer) {
  const windows = () => {
    try {
      return execFileSync('xdotool', ['search', '--onlyvisible', '--class', 'firefox'], { env: { ...process.env, DISPLAY: xvfb.display } })
        .toString().trim().split('\n').filter(Boolean);
    } catch {
      return []; // xdotool exits 1 when nothing matches
    }
  };
  const deadline = Date.now() + 15_000;
  // The browser window, and the prompt's panel on top of it.
  while (windows().length < 2) {
    if (Date.now() > deadline) throw new Error('Firefox showed no permission prompt within 15 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 1000));
  xvfb.keys(answer === 'allow' ? 'alt+a' : 'alt+b');
}

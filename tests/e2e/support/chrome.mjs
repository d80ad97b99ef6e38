// Debian Chromium with the built extension loaded, driven by puppeteer-core.
import path from 'node:path';
import { launchChromium } from '../../lab/browser.mjs';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const CHROME_BUILD = path.join(ROOT, '.output/chrome-mv3');

/**
 * Starts Chromium with the unpacked MV3 build; returns the browser, the extension id and its
 * service worker.
 * @param {{ extDir?: string, headless?: boolean, args?: string[] }} [opts]
 */
export async function launchWithExtension(opts = {}) {
  const browser = await launchChromium({
    headless: opts.headless ?? true,
    pipe: true,
    enableExtensions: [opts.extDir ?? CHROME_BUILD],
    args: opts.args ?? [],
    dumpio: opts.dumpio ?? false,
    ...(opts.protocolTimeout ? { protocolTimeout: opts.protocolTimeout } : {}),
    ...(opts.userDataDir ? { userDataDir: opts.userDataDir } : {}),
    ...(opts.env ? { env: opts.env } : {}),
  });
  const workerTarget = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'),
    { timeout: 20_000 },
  );
  const extensionId = new URL(workerTarget.url()).host;
  return { browser, extensionId, workerTarget };
}

/** The service worker as a puppeteer WebWorker (it may have been restarted: look it up again). */
export async function serviceWorker(browser) {
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'),
    { timeout: 20_000 },
  );
  return target.worker();
}

/** The offscreen document (phone host) as a page, once the background has created it. */
export async function offscreenPage(browser) {
  const target = await browser.waitForTarget((t) => t.url().endsWith('/offscreen.html'), { timeout: 20_000 });
  return target.asPage();
}

/** Opens an extension page (popup.html, options.html …) in a normal tab. */
export async function openExtensionPage(browser, extensionId, file) {
  const page = await browser.newPage();
  page.on('pageerror', (e) => process.stderr.write(`[${file}] page error: ${e.message}\n`));
  await page.goto(`chrome-extension://${extensionId}/${file}`, { waitUntil: "load" });
  // Headless Chromium with an extension crashes on a mouse click into a tab that is not in
  // front, so every page we drive is brought to the front first, as a user would.
  await page.bringToFront();
  return page;
}

/**
 * Every URL any tab of the browser has had from now on, read from the DevTools protocol's own
 * target events. Puppeteer's waitForTarget can miss a tab that the browser closes at once, as it
 * does with a tab opened only to hand a mailto: link to the mail app.
 */
export async function recordTabUrls(browser) {
  const cdp = await browser.target().createCDPSession();
  const urls = [];
  const seen = ({ targetInfo }) => {
    if (targetInfo.type === 'page' && targetInfo.url && !urls.includes(targetInfo.url)) urls.push(targetInfo.url);
  };
  cdp.on('Target.targetCreated', seen);
  cdp.on('Target.targetInfoChanged', seen);
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  return { urls, stop: () => cdp.detach().catch(() => undefined) };
}

/**
 * Runs `expression` in the extension's content-script world of `page` (where its content
 * scripts run, with their `chrome.runtime`), and returns its value: for checking what the
 * background answers a content script, over the real messaging.
 */
export async function evaluateInContentScript(page, extensionId, expression) {
  const cdp = await page.createCDPSession();
  try {
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    // The top frame's world named after the extension's origin (puppeteer has its own there too).
    const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`);
    if (!world) throw new Error(`no content-script world in ${page.url()}`);
    const r = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * A web page's call as a user starts it: the lab's dial page, a click on its first call button, and
 * the extension's confirmation window that opens for it (its number shown).
 */
export async function confirmWindowOfPageCall(browser, serverUrl) {
  const page = await browser.newPage();
  await page.goto(`${serverUrl}click-to-call-e2e/dial.html`, { waitUntil: 'load' });
  await page.bringToFront();
  const host = await page.waitForSelector('#sales [data-voip-number]');
  await host.click();
  const target = await browser.waitForTarget((t) => t.url().includes('/confirm-call.html?id='), { timeout: 10_000 });
  const confirm = await target.asPage();
  await confirm.waitForSelector('[data-confirm-number]');
  return { page, confirm };
}

// A page left open while the extension is replaced (updated, reloaded, or removed and installed
// again): Chrome keeps the old content script running, cut off from the extension. It must not
// swallow the page's clicks or leave dead call buttons behind: the user's first input ends it,
// and the page is as it was.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startStaticServer } from '../lab/http.mjs';
import { CHROME_BUILD, ROOT, launchWithExtension } from './support/chrome.mjs';

const isWorker = (t) => t.type() === 'service_worker' && t.url().endsWith('/background.js');
const marks = () => document.querySelectorAll('[data-voip-number]').length;

let server;
let browser;
let workerTarget;
let extensionId;

/**
 * A fresh install opens the microphone page in front, whenever the browser gets to it; a click
 * into a tab behind it hangs headless Chromium. Wait for it and close it.
 */
async function closeMicPage() {
  const mic = await browser.waitForTarget((t) => t.url().endsWith('/mic-permission.html'), { timeout: 20_000 });
  await (await mic.page())?.close();
}

async function openPage(url) {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  // Headless Chromium with an extension crashes on a click into a tab that is not in front.
  await page.bringToFront();
  return page;
}

before(async () => {
  server = await startStaticServer(path.join(ROOT, 'tests/fixtures'));
  ({ browser, workerTarget, extensionId } = await launchWithExtension());
  await closeMicPage();
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.close();
});

describe('Chrome: content scripts orphaned by a new copy of the extension', { concurrency: false }, () => {
  it('leave a tel: click to the page and take their call buttons out', async () => {
    const page = await openPage(`${server.url}click-to-call-e2e/orphan.html`);
    await page.waitForSelector('#sales [data-voip-number]');
    // While the extension is there, the softphone takes tel: links (the page sees them handled).
    // The broken one, whose only answer is a notice: a dial attempt would bring up more windows.
    await page.click('#bad-tel');
    assert.deepEqual(await page.evaluate(() => window.clicks.at(-1)), { target: 'bad-tel', defaultPrevented: true });

    // A new copy of the extension, as an update brings. (chrome.runtime.reload() would be closer,
    // but this Chromium does not bring back an extension loaded over the DevTools protocol after
    // it: it stays unloaded.)
    await browser.uninstallExtension(extensionId);
    assert.equal(await browser.installExtension(CHROME_BUILD), extensionId);
    await browser.waitForTarget((t) => isWorker(t) && t !== workerTarget, { timeout: 20_000 });
    await closeMicPage();
    // (Coming back in front is itself a moment the old script checks whether it is orphaned.)
    await page.bringToFront();

    await page.click('#tel');
    assert.deepEqual(await page.evaluate(() => window.clicks.at(-1)), { target: 'tel', defaultPrevented: false }, 'the click reached the page untouched');
    assert.equal(await page.evaluate(marks), 0, 'no dead call button is left');
    assert.equal(await page.$eval('#sales', (p) => p.textContent), 'Ada Lovelace, account manager: +1 650 555 0102 (Mon–Fri)');
    await page.close();

    // The reloaded extension marks the pages opened from now on.
    const fresh = await openPage(`${server.url}click-to-call-e2e/orphan.html`);
    await fresh.waitForSelector('#sales [data-voip-number]');
    await fresh.close();
  });
});

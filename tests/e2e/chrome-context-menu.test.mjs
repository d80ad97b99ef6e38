// The context-menu item "Call “selection”" in Chromium's own native menu: headless Chromium has
// none, so this test runs a headed Chromium on a virtual display (Xvfb) and picks the item with
// the keyboard (xdotool), as a user would. What it checks is what the user gets: the far end
// rings, or the Incorrect Number notice with the +country hint.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchWithExtension, openExtensionPage, serviceWorker } from './support/chrome.mjs';
import { startLabSession } from './support/lab-session.mjs';
import { saveAccount, waitForRegistration } from './support/ui.mjs';
import { startXvfb } from './support/xvfb.mjs';

let xvfb;
let session;
let browser;
let extensionId;
let page;
let worker;
let ada;
let widgetTab;

/** Selects the element's text, opens the context menu on it, and picks our item (the one above "Inspect"). */
async function callSelection(selector) {
  await page.bringToFront();
  await page.evaluate((s) => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(s));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  }, selector);
  // On the selected text itself (its first line box), or the click would drop the selection.
  const box = await page.$eval(selector, (el) => {
    const r = el.getClientRects()[0];
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  await page.mouse.click(box.x, box.y, { button: 'right' });
  // The native menu takes a moment to open on this 2-core machine; keys sent earlier are lost.
  await new Promise((r) => setTimeout(r, 1500));
  xvfb.keys('Up', 'Up', 'Return');
}

before(async () => {
  xvfb = await startXvfb();
  session = await startLabSession();
  ({ browser, extensionId } = await launchWithExtension({
    headless: false,
    env: { ...process.env, DISPLAY: xvfb.display },
    args: ['--window-size=1200,760', '--window-position=0,0'],
  }));
  ada = await session.remote(browser, '1002', { autoAnswer: true });
  const options = await openExtensionPage(browser, extensionId, 'options.html');
  await saveAccount(options, { wsUrl: session.lab.wsUrl, domain: session.lab.domain, username: '1001', secret: session.account('1001').password });
  widgetTab = await openExtensionPage(browser, extensionId, 'popup.html');
  await waitForRegistration(widgetTab, 'registered');
  worker = await serviceWorker(browser);
  // What the notices say, as the service worker shows them.
  await worker.evaluate(() => {
    globalThis.notified = [];
    const original = chrome.notifications.create.bind(chrome.notifications);
    chrome.notifications.create = (id, options, ...rest) => {
      globalThis.notified.push(`${options.title}: ${options.message}`);
      return original(id, options, ...rest);
    };
  });
  page = await browser.newPage();
  await page.setContent(
    '<p style="font: 24px sans-serif; margin: 60px; white-space: nowrap">Call Ada on <span id="number">+1 (650) 555-0102</span> ' +
      'or come by <span id="words">next Tuesday</span>.</p>',
  );
  // The install tab and blank tabs closed: this page is in front and the menu opens over it.
  for (const p of await browser.pages()) {
    if (p !== page && (p.url() === 'about:blank' || p.url().endsWith('/mic-permission.html'))) await p.close();
  }
});

after(async () => {
  await browser?.close().catch(() => {});
  await session?.stop();
  xvfb?.stop();
});

describe('context menu "Call “selection”" (headed Chromium on Xvfb)', () => {
  it('dials a selected number: the far end answers, and the toolbar popup shows the call', async () => {
    const since = await ada.evaluate(() => remote.lastSeq);
    const known = new Set(browser.targets());
    await callSelection('#number');
    const established = await ada.evaluate((s) => remote.waitForEvent('established', { since: s }), since);
    assert.ok(established);
    const shown = await browser.waitForTarget((t) => !known.has(t) && t.url().endsWith('/popup.html'), { timeout: 10_000 });
    const popup = await shown.asPage();
    await popup.waitForSelector('[data-call-state]', { timeout: 10_000 });
    await ada.evaluate(() => remote.hangupAll());
    // It keeps the focus while open (the next menu would not open): close it, as a click away would.
    await popup.close();
  });

  it('a selection that is not a number gets the Incorrect Number notice with the +country hint', async () => {
    const since = await ada.evaluate(() => remote.lastSeq);
    await callSelection('#words');
    const start = Date.now();
    let notices = [];
    while (Date.now() - start < 10_000) {
      notices = await worker.evaluate(() => globalThis.notified);
      if (notices.some((n) => n.startsWith('Incorrect Number'))) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const notice = notices.find((n) => n.startsWith('Incorrect Number'));
    assert.ok(notice, JSON.stringify(notices));
    assert.match(notice, /What was picked on the page is not a number that can be called\..*\+16506913277/);
    // The page's own text never appears under the extension's name.
    assert.doesNotMatch(notice, /Tuesday/);
    assert.equal(await ada.evaluate((s) => remote.events.filter((e) => e.seq > s && e.type === 'invite').length, since), 0, 'nothing dialled');
  });
});

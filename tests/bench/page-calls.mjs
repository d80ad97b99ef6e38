// Benchmark: what the confirmation of a page's call costs, in the call-setup run (same browser,
// Kamailio and WebSocket tap as the popup-click figure it is compared with). A user's real click
// (the pointer comes over the call button, rests, clicks) on a page's call button:
//  - on a site not trusted: click → the confirmation window's number painted (Element Timing in
//    that window), and Enter there (sent from here: the window closes on it) → INVITE on the wire;
//  - on a trusted site: click → INVITE on the wire (the click-time visibility checks included).
import path from 'node:path';
import { startStaticServer } from '../lab/http.mjs';
import { ROOT, serviceWorker } from '../e2e/support/chrome.mjs';
import { waitForInvite } from './popup-call.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The epoch time of the page's next click on our button, as the page's first listener sees it. */
const armClick = (page) =>
  page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.benchClick = new Promise((resolve) =>
      window.addEventListener('click', () => resolve(performance.timeOrigin + performance.now()), { capture: true, once: true }),
    );
  });

/** Hangs up from the popup (a tab here) and waits for its call screen to go. */
async function hangUp(popup) {
  await popup.bringToFront();
  await popup.waitForSelector('button[aria-label="Hang up"]', { timeout: 10_000 });
  await popup.click('button[aria-label="Hang up"]');
  await popup.waitForSelector('button[aria-label="Hang up"]', { hidden: true, timeout: 10_000 });
  await sleep(150);
}

async function clickButton(page) {
  await page.bringToFront();
  const box = await (await page.waitForSelector('#sales [data-voip-number]')).boundingBox();
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(at.x, at.y);
  await sleep(400);
  await armClick(page);
  await page.mouse.click(at.x, at.y);
}

/** The confirmation window once it is there; the epoch time its number was painted. */
async function confirmShown(browser) {
  const target = await browser.waitForTarget((t) => t.url().includes('/confirm-call.html?id='), { timeout: 10_000 });
  const win = await target.asPage();
  await win.waitForSelector('[data-confirm-number]');
  const painted = await win.evaluate(
    () =>
      new Promise((resolve) =>
        new PerformanceObserver((list) => {
          const e = list.getEntries().find((x) => x.identifier === 'confirm-number');
          if (e) resolve(performance.timeOrigin + (e.renderTime || e.loadTime));
        }).observe({ type: 'element', buffered: true }),
      ),
  );
  return { win, painted };
}

/**
 * @param {{ browser: any, popup: any, tap: any, known: Set<string>, rounds: number, warmup: number }} run
 *   the call-setup run's browser, its popup (registered through the tap), the tap and the INVITEs
 *   already counted.
 */
export async function benchPageCalls({ browser, popup, tap, known, rounds, warmup }) {
  const server = await startStaticServer(path.join(ROOT, 'tests/fixtures'));
  const worker = await serviceWorker(browser);
  const page = await browser.newPage();
  const shown = [];
  const confirmed = [];
  const trusted = [];
  try {
    await page.goto(`${server.url}click-to-call-e2e/dial.html`, { waitUntil: 'load' });
    const setTrust = (sites) => worker.evaluate((c) => chrome.storage.local.set({ clickToCall: c }), { enabled: true, disabledSites: [], trustedSites: sites });

    await setTrust([]);
    for (let round = 0; round < rounds + warmup; round++) {
      await clickButton(page);
      const { win, painted } = await confirmShown(browser);
      const clicked = await page.evaluate(() => /** @type {any} */ (window).benchClick);
      await win.bringToFront();
      // The window closes on Enter: the key press is timed from here, as it is sent.
      const entered = performance.timeOrigin + performance.now();
      await win.keyboard.down('Enter');
      await win.keyboard.up('Enter').catch(() => {}); // the window may be gone already
      const [id, inv] = await waitForInvite(tap, '1001', known);
      known.add(id);
      if (round >= warmup) {
        shown.push(painted - clicked);
        confirmed.push(inv.at - entered);
      }
      await hangUp(popup);
    }

    await setTrust(['127.0.0.1']);
    for (let round = 0; round < rounds + warmup; round++) {
      await clickButton(page);
      const [id, inv] = await waitForInvite(tap, '1001', known);
      known.add(id);
      const clicked = await page.evaluate(() => /** @type {any} */ (window).benchClick);
      if (round >= warmup) trusted.push(inv.at - clicked);
      await hangUp(popup);
    }
    return { shown, confirmed, trusted };
  } finally {
    await worker.evaluate(() => chrome.storage.local.remove('clickToCall')).catch(() => {});
    await page.close().catch(() => {});
    await server.close();
  }
}

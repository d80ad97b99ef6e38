// Benchmarks of the widget on the local provider, in the real popup in Chromium:
//  - popup open → first list rendered, empty vs with 10,000 contacts and 5,000 calls;
//  - search keystroke → results rendered with 100,000 contacts, beside a plain Array.filter
//    over the same contacts held in memory (the baseline), in the same run.
// Needs the bench build: `npx wxt build --mode bench` (bench.html seeds the extension's data).
import path from 'node:path';
import { ROOT, launchWithExtension, openExtensionPage } from '../e2e/support/chrome.mjs';

const BENCH_BUILD = path.join(ROOT, '.output/chrome-mv3-bench');

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const settle = (ms = 8_000) => new Promise((resolve) => setTimeout(resolve, ms));
export const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];

/**
 * Opens the real toolbar popup `rounds` times (chrome.action.openPopup from the service worker,
 * as a click on the toolbar icon would) with `tab` as its remembered tab; returns the popup's own
 * User Timing marks, in ms from its navigation start.
 */
export async function openTimes(browser, worker, front, tab, rounds) {
  const times = [];
  await front.evaluate((t) => localStorage.setItem('softphone.tab', t), tab);
  for (let i = 0; i < rounds; i++) {
    await front.bringToFront();
    const opened = browser.waitForTarget((t) => t.url().endsWith('/popup.html'), { timeout: 10_000 });
    // Chrome refuses to open the popup while no browser window has the focus yet ("Failed to open
    // popup"), as it may right after another page closed: the window is brought forward and asked again.
    for (let attempt = 1; ; attempt++) {
      const refused = await worker.evaluate(() => chrome.action.openPopup().then(() => null, (e) => String(e?.message ?? e)));
      if (!refused) break;
      if (attempt === 3) throw new Error(`the toolbar popup would not open: ${refused}`);
      await front.bringToFront();
      await settle(500);
    }
    const popup = await (await opened).asPage();
    await popup.waitForFunction(() => performance.getEntriesByName('popup:interactive').length > 0, { timeout: 10_000 });
    times.push(await popup.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        script: at('popup:script'), mounted: at('popup:mounted'), interactive: at('popup:interactive'),
        dcl: nav?.domContentLoadedEventEnd ?? NaN,
      };
    }));
    await popup.close();
  }
  return times;
}

export async function benchWidget({ rounds = 11, search = true } = {}) {
  const { browser, extensionId, workerTarget } = await launchWithExtension({ extDir: BENCH_BUILD, protocolTimeout: 600_000 });
  const worker = await workerTarget.worker();
  const step = (what) => process.stderr.write(`  ${what}…\n`);
  try {
    const helper = await openExtensionPage(browser, extensionId, 'bench.html');
    await helper.waitForFunction(() => globalThis.bench !== undefined);
    step('popup open, empty');
    const openEmpty = await openTimes(browser, worker, helper, 'contacts', rounds);
    step('seeding 10,000 contacts and 5,000 calls');
    await helper.evaluate(() => globalThis.bench.seed(10_000, 5_000));
    // Writing 10,000 contacts leaves the browser compacting its IndexedDB files for a while;
    // a user opens the popup long after an import, so let that finish first.
    await settle();
    step('popup open, with data');
    const openContacts = await openTimes(browser, worker, helper, 'contacts', rounds);
    const openRecent = await openTimes(browser, worker, helper, 'recent', rounds);
    const openActivities = await openTimes(browser, worker, helper, 'activities', rounds);
    if (!search) return { rounds, openEmpty, openContacts, openRecent, openActivities, total: 0, keystrokes: [], median, p90 };
    step('seeding 90,000 more contacts');
    const total = await helper.evaluate(() => globalThis.bench.seed(90_000, 0, 10_000));
    step('typing');
    await helper.evaluate(() => globalThis.bench.loadAll());

    // Type a real name, letter by letter, then part of a number, in the real popup.
    const popup = await browser.newPage();
    await popup.evaluateOnNewDocument(() => {
      localStorage.setItem('softphone.tab', 'contacts');
      window.benchKey = { t0: 0, t1: 0, want: null };
      document.addEventListener('input', () => (window.benchKey.t0 = performance.now()), true);
      new MutationObserver(() => {
        const panel = document.querySelector('#tab-panel');
        if (panel && window.benchKey.want !== null && panel.getAttribute('data-query') === window.benchKey.want) {
          window.benchKey.t1 = performance.now();
          window.benchKey.want = null;
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-query'] });
    });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.bringToFront();
    await popup.waitForSelector('#tab-panel[data-loaded="true"]');
    const name = await helper.evaluate(() => globalThis.bench.sampleName(43_210));
    const queries = [...name].map((_, i) => name.slice(0, i + 1)).filter((q) => !q.endsWith(' '));
    const digits = ['6', '69', '691', '6913'];
    const keystrokes = [];
    for (const [typed, list] of [[name, queries], ['', digits]]) {
      await popup.$eval('#search', (el) => {
        el.value = '';
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await popup.waitForSelector('#tab-panel[data-query=""]');
      void typed;
      let prev = '';
      for (const q of list) {
        await popup.evaluate((want) => (window.benchKey = { t0: 0, t1: 0, want }), q);
        // Type what this prefix adds (a skipped space comes with the next letter); t0 is the last input event.
        await popup.type('#search', q.slice(prev.length));
        prev = q;
        await popup.waitForFunction(() => window.benchKey.want === null, { timeout: 10_000 });
        const { t0, t1 } = await popup.evaluate(() => window.benchKey);
        const base = await helper.evaluate((query) => globalThis.bench.arrayFilter(query), q);
        keystrokes.push({ query: q, ms: t1 - t0, baselineMs: base.ms });
      }
    }
    return { rounds, openEmpty, openContacts, openRecent, openActivities, total: total.contacts, keystrokes, median, p90 };
  } finally {
    await browser.close().catch(() => {});
  }
}

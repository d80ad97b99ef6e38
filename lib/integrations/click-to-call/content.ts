/**
 * Click-to-call in a web page: call buttons after the numbers the scanner finds, and tel: /
 * callto: links dialled by the softphone. Runs only where the user left it on, and never on a
 * page that opts out with <meta name="softphone" content="off">.
 */
import browser from 'webextension-polyfill';
import { t } from '../../i18n';
import { MAX_RESOLVE_ITEMS, type ContentChannel } from '../../messaging/content';
import type { ReplyOf } from '../../messaging/define';
import { parseTabMessage, type PageSite } from '../../messaging/tab';
import { CLICK_TO_CALL_KEY, isActiveInFrame, readClickToCall, siteOf } from '../../click-to-call/settings';
import { endWhenOrphaned, listenWhileValid } from '../lifetime';
import type { IntegrationContext } from '../types';
import { ClickHandler } from './clicks';
import { PageOptOut, topPageUrl } from './frames';
import { numberOfHost, type MarkText } from './marker';
import { HOST_TAG } from './runs';
import { Scanner } from './scanner';

/** After the scanner's last shadow-root sweep. */
const SETTLED_MS = 3_500;

const TEXT: MarkText = {
  label: (display) => t('clickToCall.callLabel', display),
  title: (display, ext) => (ext ? t('clickToCall.extNote', display, ext) : t('clickToCall.callLabel', display)),
};

async function resolve(ctx: IntegrationContext, items: { number: string; ext: string }[]) {
  // An orphan (the extension was updated under this page) asks no more; asking ends it.
  if (ctx.isInvalid) return items.map(() => null);
  // The background takes a bounded batch per message; the batches go together.
  const batches: { number: string; ext: string }[][] = [];
  for (let i = 0; i < items.length; i += MAX_RESOLVE_ITEMS) batches.push(items.slice(i, i + MAX_RESOLVE_ITEMS));
  const answers = await Promise.all(
    batches.map(async (batch) => {
      const r = (await browser.runtime.sendMessage({ type: 'cs:resolve', items: batch }).catch(() => null)) as ReplyOf<ContentChannel['cs:resolve']> | null;
      return r?.ok ? r.value : batch.map(() => null);
    }),
  );
  return answers.flat();
}

/** Resolves once the document is parsed (at once if it already is). */
function parsed(ctx: IntegrationContext, doc: Document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true, signal: ctx.signal }));
}

/**
 * After the page's first frame: its own first style and layout (hundreds of ms on a large page)
 * come first, and the scan never delays what the user sees first. A page nobody sees (a
 * background tab) renders no frame, and waits for nothing.
 */
function afterFirstFrame(ctx: IntegrationContext, doc: Document): Promise<void> {
  if (doc.visibilityState !== 'visible') return Promise.resolve();
  return new Promise((resolve) => {
    // Not more than a second, should the browser hold frames back (an occluded window).
    const fallback = ctx.setTimeout(resolve, 1_000);
    ctx.requestAnimationFrame(() =>
      ctx.setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

/**
 * Buttons left by an orphaned copy of this script (the extension was updated and this copy
 * injected into the open page): they would call nothing now, and a number that has a button
 * gets no second one, so they go before this copy marks the page.
 */
function removeStaleButtons(doc: Document): void {
  for (const host of doc.querySelectorAll(HOST_TAG)) if (numberOfHost(host) === undefined) host.remove();
}

/**
 * Runs from document_start: the settings are read and the click listener is in place (first in
 * the capture phase) while the page loads; the page is scanned as soon as its DOM is parsed.
 * Everything ends with `ctx`: then the buttons go, and clicks are the page's own again.
 */
export async function startClickToCall(ctx: IntegrationContext, doc: Document = document): Promise<void> {
  const win = (doc.defaultView ?? window) as Window & typeof globalThis;
  // A manifest script starts while the page loads; one that finds it parsed was injected later.
  const injectedLate = doc.readyState !== 'loading';
  // The document's own origin (not location.origin, which is 'null' for about:srcdoc).
  const site = siteOf(location.href, globalThis.origin);
  // A frame goes by the tab's top page ("Disable on this site" and the page's opt-out are about it).
  const top = topPageUrl(win);
  const topSite = top === undefined ? undefined : siteOf(top);
  let stored: unknown;
  let changed = false;
  let ready = false;
  let active = false;
  let scanner: Scanner | null = null;
  const apply = () => {
    const on = ready && scanner !== null && !pageOff.isOff && isActiveInFrame(readClickToCall(stored), site, topSite);
    if (on === active || !scanner) return;
    active = on;
    if (on) void scanner.start();
    else scanner.stop();
  };
  const pageOff = new PageOptOut(win, ctx.signal, () => apply());
  endWhenOrphaned(ctx, win);
  const clicks = new ClickHandler(win, (msg) => void browser.runtime.sendMessage(msg).catch(() => undefined));
  ctx.onInvalidated(() => clicks.stop());
  // Asked again here too: a click that came with no input before it (none the browser reported).
  win.addEventListener('click', (ev) => active && ctx.isValid && clicks.click(ev), { capture: true, signal: ctx.signal });
  for (const type of ['pointerover', 'focusin']) win.addEventListener(type, (ev) => active && clicks.approach(ev), { capture: true, passive: true, signal: ctx.signal });
  listenWhileValid(ctx, browser.storage.onChanged, (changes, area) => {
    if (area !== 'local' || !(CLICK_TO_CALL_KEY in changes)) return;
    stored = changes[CLICK_TO_CALL_KEY]?.newValue;
    changed = true;
    apply();
  });
  const settings = browser.storage.local.get(CLICK_TO_CALL_KEY).then(
    (r) => r[CLICK_TO_CALL_KEY],
    () => undefined,
  );
  await parsed(ctx, doc);
  // The page's opt-out, or that of a page this frame is in (its frames are told).
  if (pageOff.check(doc) || ctx.isInvalid) return;
  await afterFirstFrame(ctx, doc);
  if (ctx.isInvalid) return;
  // For the benchmark: when the page has had its first frame and the scan may begin.
  performance.mark('softphone:c2c-start');
  if (injectedLate) removeStaleButtons(doc);
  scanner = new Scanner(doc, { resolve: (items) => resolve(ctx, items), text: TEXT, signal: ctx.signal });
  // The popup asks which site this is, for its "Disable on this site" switch (top frame only).
  if (win === win.top) {
    listenWhileValid(ctx, browser.runtime.onMessage, (msg: unknown, sender: browser.Runtime.MessageSender) => {
      if (sender.id !== browser.runtime.id || parseTabMessage(msg)?.type !== 'tab:site') return undefined;
      return Promise.resolve({ site, active } satisfies PageSite);
    });
  }
  const first = await settings;
  if (ctx.isInvalid) return;
  // A change that came in meanwhile is newer than what was read.
  if (!changed) stored = first;
  ready = true;
  apply();
  // For the benchmark: the page's timeline gets the scanner's main-thread time once the first
  // scan is done, and again when the later shadow-root sweeps are over (a mark costs microseconds).
  if (active) {
    const report = (name: string) =>
      performance.mark(name, {
        detail: { walkMs: scanner.walkMs, buildMs: scanner.buildMs, markMs: scanner.markMs, waitMs: scanner.waitMs, longestMs: scanner.longestMs, marked: scanner.marked },
      });
    void scanner.idle().then(() => report('softphone:c2c-scanned'));
    ctx.setTimeout(() => void scanner?.idle().then(() => report('softphone:c2c-settled')), SETTLED_MS);
  }
}

/**
 * Click-to-call in a web page: call buttons after the numbers the scanner finds, and tel: /
 * callto: links dialled by the softphone. Runs only where the user left it on, and never on a
 * page that opts out with <meta name="softphone" content="off">.
 */
import browser from 'webextension-polyfill';
import { t } from '../i18n';
import type { PageSite, ResolveResult } from '../messaging/content-protocol';
import type { MarkText } from './marker';
import { optedOut } from './opt-out';
import { Scanner } from './scanner';
import { CLICK_TO_CALL_KEY, isActiveOn, readClickToCall, siteOf } from './settings';

/** After the scanner's last shadow-root sweep. */
const SETTLED_MS = 3_500;

const TEXT: MarkText = {
  label: (display) => t('clickToCall.callLabel', display),
  title: (display, ext) => (ext ? t('clickToCall.extNote', display, ext) : t('clickToCall.callLabel', display)),
};


/** A plain left click with no modifier, made by the user (not by a script on the page). */
function isUserClick(ev: MouseEvent): boolean {
  return ev.isTrusted && ev.button === 0 && !ev.ctrlKey && !ev.metaKey && !ev.shiftKey && !ev.altKey;
}

function dial(number: string, ev: MouseEvent): void {
  ev.preventDefault();
  ev.stopPropagation();
  if (!isUserClick(ev)) return;
  void browser.runtime.sendMessage({ type: 'cs:dial', number }).catch(() => undefined);
}

/** tel:/callto: links: the softphone dials instead of the OS handler. */
function onLinkClick(ev: MouseEvent): void {
  if (!isUserClick(ev) || ev.defaultPrevented) return;
  const link = ev.composedPath().find((n): n is HTMLAnchorElement => (n as Element).localName === 'a' && (n as Element).hasAttribute('href'));
  const href = link?.getAttribute('href')?.trim() ?? '';
  if (!/^(?:tel|callto):/i.test(href)) return;
  ev.preventDefault();
  void browser.runtime.sendMessage({ type: 'cs:dialLink', href: href.slice(0, 256) }).catch(() => undefined);
}

async function resolve(items: { number: string; ext: string }[]) {
  const out = [];
  // The background takes a bounded batch per message.
  for (let i = 0; i < items.length; i += 400) {
    const batch = items.slice(i, i + 400);
    const r = (await browser.runtime.sendMessage({ type: 'cs:resolve', items: batch }).catch(() => null)) as ResolveResult | null;
    out.push(...(r?.ok ? r.value : batch.map(() => null)));
  }
  return out;
}

export async function startClickToCall(doc: Document = document): Promise<void> {
  if (optedOut(doc)) return;
  const site = siteOf(location.href);
  const scanner = new Scanner(doc, { resolve, text: TEXT, onCall: dial });
  let active = false;
  const apply = (stored: unknown) => {
    const on = isActiveOn(readClickToCall(stored), site);
    if (on === active) return;
    active = on;
    if (on) {
      doc.addEventListener('click', onLinkClick, true);
      void scanner.start();
    } else {
      doc.removeEventListener('click', onLinkClick, true);
      scanner.stop();
    }
  };
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && CLICK_TO_CALL_KEY in changes) apply(changes[CLICK_TO_CALL_KEY]?.newValue);
  });
  // The popup asks which site this is, for its "Disable on this site" switch (top frame only).
  if (window === window.top) {
    browser.runtime.onMessage.addListener((msg: unknown, sender: browser.Runtime.MessageSender) => {
      if (sender.id !== browser.runtime.id || (msg as { type?: unknown } | null)?.type !== 'page:site') return undefined;
      return Promise.resolve({ site, active } satisfies PageSite);
    });
  }
  apply((await browser.storage.local.get(CLICK_TO_CALL_KEY))[CLICK_TO_CALL_KEY]);
  // For the benchmark: the page's timeline gets the scanner's main-thread time once the first
  // scan is done, and again when the later shadow-root sweeps are over (a mark costs microseconds).
  if (active) {
    const report = (name: string) =>
      performance.mark(name, { detail: { walkMs: scanner.walkMs, markMs: scanner.markMs, longestMs: scanner.longestMs, marked: scanner.marked } });
    void scanner.idle().then(() => report('softphone:c2c-scanned'));
    setTimeout(() => void scanner.idle().then(() => report('softphone:c2c-settled')), SETTLED_MS);
  }
}

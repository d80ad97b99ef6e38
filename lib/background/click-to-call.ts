/**
 * The background's side of click-to-call: resolving the numbers content scripts found (the
 * parser and its metadata stay here, not in every page), dialling from a call button, a tel:
 * link or the context menu, and saying why when a number cannot be called.
 */
import browser from 'webextension-polyfill';
import { onLanguageApplied } from './language';
import { resolveNumber } from '../click-to-call/resolve';
import { CLICK_TO_CALL_KEY, isActiveOn, readClickToCall, siteOf, type ClickToCallSettings } from '../click-to-call/settings';
import { phoneError } from '../errors';
import { numberFromLink, type ContentChannel } from '../messaging/content';
import type { Channel, Handlers } from '../messaging/define';
import type { Sender } from '../messaging/senders';
import { t } from '../i18n';
import type { HostLink } from '../phone-host/link';
import { done, fail, type Result } from '../result';
import { loadAccount } from '../settings/store';
import { pageSafeError, showErrorNotice } from './error-notice';
import { dialFromPage, type PageCall } from './page-calls';
import { RateLimit } from './rate-limit';

export const MENU_ID = 'softphone-call-selection';

/** A page script is told why in a sentence; the notification has already said it to the user. */
async function dialForPage(link: HostLink, written: string, from: PageCall): Promise<Result<undefined, string>> {
  const r = await dialFromPage(link, written, from);
  return r.ok ? done : fail(pageSafeError(r.error).message);
}

/**
 * The click-to-call settings, read once and kept until they change: a large page sends many
 * resolve batches at once, and a storage read for each would hold every one of them up.
 */
let settingsRead: Promise<ClickToCallSettings> | null = null;
function clickToCallSettings(): Promise<ClickToCallSettings> {
  settingsRead ??= browser.storage.local.get(CLICK_TO_CALL_KEY).then(
    (stored) => readClickToCall(stored[CLICK_TO_CALL_KEY]),
    () => {
      // Not kept: the next request reads again. Meanwhile, what the content scripts assume too.
      settingsRead = null;
      return readClickToCall(undefined);
    },
  );
  return settingsRead;
}

/** Forget the kept settings when they change (and in tests, between cases). */
export function watchClickToCallSettings(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && CLICK_TO_CALL_KEY in changes) settingsRead = null;
  });
}

export interface ContentContext {
  link: HostLink;
  sender: Sender;
}

type ClickToCallChannel = Pick<ContentChannel, 'cs:resolve' | 'cs:dial' | 'cs:dialLink'>;

/**
 * Resolve batches a frame may send: a page of 2,000 numbers sends 5 (400 each) and later changes
 * a few more; 120 in 10 s is 48,000 numbers, far above any real page.
 */
const RESOLVE_LIMIT = new RateLimit(120, 10_000);

/** Click-to-call's requests, for a site where the user left it on. */
const handlers: Handlers<ClickToCallChannel, ContentContext> = {
  'cs:resolve': async (msg, { sender }) => {
    if (!RESOLVE_LIMIT.allow(`${sender.tab?.id}:${sender.frameId ?? 0}`)) return fail(t('clickToCall.tooMany'));
    const { defaultCountry } = await loadAccount();
    return { ok: true, value: msg.items.map((item) => resolveNumber(item.number, defaultCountry)) };
  },
  'cs:dial': (msg, { link, sender }) => dialForPage(link, msg.number, { site: siteOf(sender.url, sender.origin), via: 'button', seen: msg.seen }),
  'cs:dialLink': async (msg, { link, sender }) => {
    const written = numberFromLink(msg.href);
    if (written !== null) return dialForPage(link, written, { site: siteOf(sender.url, sender.origin), via: 'link', seen: msg.seen });
    const error = phoneError('incorrectNumber', msg.href);
    await showErrorNotice(error);
    return fail(pageSafeError(error).message);
  },
};

async function isOn({ sender }: ContentContext): Promise<boolean> {
  return isActiveOn(await clickToCallSettings(), siteOf(sender.url, sender.origin));
}

/** The same handlers, each answering only for a site where click-to-call is on. */
function whereOn<C extends Channel>(inner: Handlers<C, ContentContext>): Handlers<C, ContentContext> {
  const out: Partial<Record<keyof C, unknown>> = {};
  for (const key of Object.keys(inner) as (keyof C)[]) {
    const handler = inner[key] as (msg: unknown, ctx: ContentContext) => Promise<unknown>;
    out[key] = async (msg: unknown, ctx: ContentContext) => ((await isOn(ctx)) ? handler(msg, ctx) : fail(t('clickToCall.offHere')));
  }
  return out as Handlers<C, ContentContext>;
}

export const clickToCallHandlers = whereOn(handlers);

/** "Call <selection>" on selected text; created at every start (menus do not persist on Firefox). */
export function setUpContextMenu(link: HostLink): void {
  const menus = browser.contextMenus;
  if (!menus) return;
  void menus.removeAll().then(() => menus.create({ id: MENU_ID, title: t('clickToCall.menu'), contexts: ['selection'] }));
  onLanguageApplied(() => void menus.update(MENU_ID, { title: t('clickToCall.menu') }).catch(() => undefined));
  menus.onClicked.addListener((info) => {
    if (info.menuItemId !== MENU_ID || !info.selectionText) return;
    void dialFromPage(link, info.selectionText.trim().slice(0, 64), { site: siteOf(info.frameUrl ?? info.pageUrl), via: 'selection', seen: true });
  });
}

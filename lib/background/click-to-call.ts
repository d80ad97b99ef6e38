/**
 * The background's side of click-to-call: resolving the numbers content scripts found (the
 * parser and its metadata stay here, not in every page), dialling from a call button, a tel:
 * link or the context menu, and saying why when a number cannot be called.
 */
import browser from 'webextension-polyfill';
import { resolveNumber } from '../click-to-call/resolve';
import { CLICK_TO_CALL_KEY, isActiveOn, readClickToCall, siteOf, type ClickToCallSettings } from '../click-to-call/settings';
import { phoneError } from '../errors';
import {
  isOwnContentScript, numberFromLink, parseContentMessage, type ContentMessage, type ContentSender, type ResolveResult,
} from '../messaging/content-protocol';
import type { CommandResult } from '../messaging/protocol';
import { t } from '../i18n';
import { normaliseNumber } from '../phone-number';
import { loadAccount } from '../settings/store';
import { showErrorNotice } from './error-notice';
import type { HostLink } from './host-link';
import { handleKanban } from './odoo';

export const MENU_ID = 'softphone-call-selection';

/** Dials what a user picked on a page; a number that is not one gets the Incorrect Number notice. */
export async function dialFromPage(link: HostLink, written: string): Promise<CommandResult> {
  const { defaultCountry } = await loadAccount();
  const parsed = normaliseNumber(written, defaultCountry);
  const result: CommandResult = parsed.ok
    ? ((await link.send({ type: 'dial', target: parsed.target })) as CommandResult)
    : { ok: false, error: phoneError('incorrectNumber', written) };
  if (!result.ok) await showErrorNotice(result.error);
  // Show the in-call screen where the browser allows opening the popup without a click on it.
  else await (browser.action?.openPopup?.() ?? Promise.resolve()).catch(() => undefined);
  return result;
}

type ClickToCallMessage = Exclude<ContentMessage, { type: 'cs:odooQueueState' | 'cs:odooToggle' }>;

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

async function handle(link: HostLink, msg: ClickToCallMessage, sender: ContentSender): Promise<ResolveResult | CommandResult> {
  if (!isActiveOn(await clickToCallSettings(), siteOf(sender.url))) {
    return { ok: false, reason: 'Click-to-call is off on this site.' };
  }
  switch (msg.type) {
    case 'cs:resolve': {
      const { defaultCountry } = await loadAccount();
      return { ok: true, value: msg.items.map((item) => resolveNumber(item.number, defaultCountry)) };
    }
    case 'cs:dial':
      return dialFromPage(link, msg.number);
    case 'cs:dialLink': {
      const written = numberFromLink(msg.href);
      if (written === null) {
        const error = phoneError('incorrectNumber', msg.href);
        await showErrorNotice(error);
        return { ok: false, error };
      }
      return dialFromPage(link, written);
    }
  }
}

export function listenForContentScripts(link: HostLink): void {
  const origin = browser.runtime.getURL('/');
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && CLICK_TO_CALL_KEY in changes) settingsRead = null;
  });
  browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
    if (!isOwnContentScript(sender, origin, browser.runtime.id)) return undefined;
    const msg = parseContentMessage(raw);
    if (!msg) return Promise.resolve({ ok: false, reason: 'Malformed request.' });
    if (msg.type === 'cs:odooQueueState' || msg.type === 'cs:odooToggle') return handleKanban(msg, sender);
    return handle(link, msg, sender);
  });
}

/** "Call <selection>" on selected text; created at every start (menus do not persist on Firefox). */
export function setUpContextMenu(link: HostLink): void {
  const menus = browser.contextMenus;
  if (!menus) return;
  void menus.removeAll().then(() =>
    menus.create({ id: MENU_ID, title: t('clickToCall.menu'), contexts: ['selection'] }),
  );
  menus.onClicked.addListener((info) => {
    if (info.menuItemId !== MENU_ID || !info.selectionText) return;
    void dialFromPage(link, info.selectionText.trim().slice(0, 64));
  });
}

import browser from 'webextension-polyfill';
import type { PageSite } from '../messaging/tab';
import { CLICK_TO_CALL_KEY, readClickToCall, withSite, type ClickToCallSettings } from './settings';

/**
 * The site in the active tab, as its click-to-call content script reports it; null when the tab
 * has none (browser pages, the extension's own pages, a pop-out window).
 */
export async function activeSite(): Promise<PageSite | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  if (tab?.id === undefined) return null;
  const reply = (await browser.tabs.sendMessage(tab.id, { type: 'tab:site' }, { frameId: 0 }).catch(() => null)) as PageSite | null;
  return reply && typeof reply.site === 'string' ? reply : null;
}

export async function loadClickToCall(): Promise<ClickToCallSettings> {
  return readClickToCall((await browser.storage.local.get(CLICK_TO_CALL_KEY))[CLICK_TO_CALL_KEY]);
}

export async function saveClickToCall(settings: ClickToCallSettings): Promise<void> {
  await browser.storage.local.set({ [CLICK_TO_CALL_KEY]: settings });
}

/** Turns click-to-call on or off for one site; pages of that site follow at once. */
export async function setSiteEnabled(site: string, on: boolean): Promise<void> {
  await saveClickToCall(withSite(await loadClickToCall(), site, on));
}

/** The extension's own pages: their paths written once, and how each is opened. */
import browser from 'webextension-polyfill';

export const PAGES = {
  popup: '/popup.html',
  options: '/options.html',
  micPermission: '/mic-permission.html',
  /** A call a page asked for, waiting for the user's yes (lib/background/confirm-call.ts). */
  confirmCall: '/confirm-call.html',
  /** Chrome's phone host (lib/phone-host/offscreen). */
  offscreen: '/offscreen.html',
} as const;

/** Opens a URL (a record, a mailto: link) in a new tab. */
export async function openTab(url: string): Promise<void> {
  await browser.tabs.create({ url });
}

/** The microphone permission page, in a tab (a popup or offscreen document cannot show the prompt). */
export async function openMicPage(): Promise<void> {
  await openTab(browser.runtime.getURL(PAGES.micPermission));
}

/** The same widget in its own window, for long calls (and from a notification click). */
export async function openWidgetWindow(): Promise<void> {
  await browser.windows.create({ url: browser.runtime.getURL(`${PAGES.popup}?popout=1`), type: 'popup', width: 380, height: 640 });
}

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

/** The widget in a window of its own (`?popout=1`: its own layout), rather than the toolbar popup. */
export function isWidgetWindow(location: Pick<Location, 'pathname' | 'search'>): boolean {
  return location.pathname === PAGES.popup && new URLSearchParams(location.search).has('popout');
}

const WIDGET_WINDOW = `${PAGES.popup}?popout=1`;

/** The window already showing the widget window, if one is open (Chrome 116+, Firefox 128+). */
export async function widgetWindowId(): Promise<number | undefined> {
  const runtime = browser.runtime as typeof browser.runtime & {
    getContexts?: (filter: { contextTypes: string[]; documentUrls: string[] }) => Promise<{ windowId: number }[]>;
  };
  const contexts = await runtime.getContexts?.({ contextTypes: ['TAB'], documentUrls: [browser.runtime.getURL(WIDGET_WINDOW)] }).catch(() => []);
  return contexts?.find((c) => c.windowId >= 0)?.windowId;
}

/**
 * The same widget in its own window, for long calls, a notification click, and (Firefox) every
 * call: one window, brought forward when it is already open.
 */
export async function openWidgetWindow(panel?: 'dialer'): Promise<void> {
  const open = await widgetWindowId();
  if (open !== undefined && (await browser.windows.update(open, { focused: true }).then(() => true, () => false))) return;
  const url = browser.runtime.getURL(panel ? `${WIDGET_WINDOW}&${OPEN_PARAM}=${panel}` : WIDGET_WINDOW);
  await browser.windows.create({ url, type: 'popup', width: 380, height: 640 });
}

/** The widget window's query parameter naming the panel it opens on (the keyboard's "open dialer"). */
export const OPEN_PARAM = 'open';

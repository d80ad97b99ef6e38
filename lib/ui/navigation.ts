import browser from 'webextension-polyfill';
import { request } from './client';

/** Opens a URL (a record, a mailto: link) in a new tab. */
export async function openTab(url: string): Promise<void> {
  await browser.tabs.create({ url });
}

/** The same widget in its own window, for long calls. */
export async function openWidgetWindow(): Promise<void> {
  await browser.windows.create({ url: browser.runtime.getURL('/popup.html?popout=1'), type: 'popup', width: 380, height: 640 });
}

/** Asks the background to (re)arm the alarms of scheduled emails. */
export async function syncEmailAlarms(): Promise<void> {
  await request({ type: 'bg:syncEmailAlarms' });
}

/**
 * Chrome: the offscreen phone host holds a port open to the background (its lifeline). If the
 * document is closed or crashes, the port drops and the background creates it again at once and
 * hands it the account, so the phone is registered again within seconds with nobody opening a
 * page. The host's heartbeat on the port also keeps the service worker from being stopped while
 * the phone runs, so this listener is there to notice.
 */
import browser from 'webextension-polyfill';
import type { HostLink } from './host-link';
import { PAGES } from '../extension-pages';

export const LIFELINE = 'phone-host';

export function watchHostLifeline(link: HostLink & { lost(): void }, reconfigure: () => Promise<void>): void {
  const offscreenUrl = browser.runtime.getURL(PAGES.offscreen);
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== LIFELINE || port.sender?.id !== browser.runtime.id || port.sender?.url !== offscreenUrl) return;
    port.onMessage.addListener(() => undefined); // heartbeats: their arrival is what counts
    port.onDisconnect.addListener(() => {
      link.lost();
      // A moment for the dead document to be gone, then a new one, configured.
      setTimeout(() => void link.ensure().then(reconfigure).catch(() => undefined), 200);
    });
  });
}

/**
 * Chrome, the offscreen document's end: the phone host lives here. Offscreen documents only get
 * `chrome.runtime`, so this uses it directly (no polyfill). It runs what the background sends in
 * a `host:cmd` envelope (and nothing from anyone else), tells its events to every extension
 * context, and holds the lifeline port with a heartbeat.
 */
import { isOwnExtensionPage } from '../../messaging/senders';
import type { HostEnvelope } from '../../messaging/phone';
import { isObj } from '../../messaging/validate';
import { exposeDiagnostics } from '../diagnostics';
import { PhoneHost } from '../host';
import { HEARTBEAT_MS, LIFELINE_PORT, type HostEvent } from '../link';

const isHostEnvelope = (m: unknown): m is HostEnvelope =>
  isObj(m) && m.type === 'host:cmd' && isObj(m.cmd) && typeof m.cmd.type === 'string';

export function runOffscreenHost(runtime: typeof chrome.runtime = chrome.runtime): PhoneHost {
  const tell = (event: HostEvent) => void runtime.sendMessage(event).catch(() => undefined);
  const host = new PhoneHost({
    publish: (state) => tell({ type: 'event:phoneState', state }),
    historyChanged: () => tell({ type: 'event:historyChanged' }),
  });
  exposeDiagnostics(host);

  const origin = runtime.getURL('/');
  runtime.onMessage.addListener((raw: unknown, sender, sendResponse) => {
    if (!isOwnExtensionPage(sender, origin, runtime.id) || !isHostEnvelope(raw)) return false;
    void host.handle(raw.cmd).then(sendResponse);
    return true;
  });
  addEventListener('online', () => host.networkOnline());
  addEventListener('offline', () => host.networkOffline());
  tell({ type: 'event:hostReady' });

  // If this document dies, the background sees the port drop and makes a new one. The heartbeat
  // keeps the service worker from being stopped while the phone runs; if the worker restarts
  // anyway, connect again.
  const lifeline = (): void => {
    const port = runtime.connect({ name: LIFELINE_PORT });
    const beat = setInterval(() => port.postMessage('beat'), HEARTBEAT_MS);
    port.onDisconnect.addListener(() => {
      clearInterval(beat);
      setTimeout(lifeline, 500);
    });
  };
  lifeline();
  return host;
}

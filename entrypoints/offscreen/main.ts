import { isHostEnvelope, isOwnExtensionPage } from '../../lib/messaging/protocol';
import { exposeDiagnostics } from '../../lib/phone-host/diagnostics';
import { PhoneHost } from '../../lib/phone-host/host';

// Offscreen documents only get chrome.runtime, so this uses it directly (no polyfill).
const origin = chrome.runtime.getURL('/');
const host = new PhoneHost({
  publish: (state) => void chrome.runtime.sendMessage({ type: 'host:state', state }).catch(() => undefined),
  historyChanged: () => void chrome.runtime.sendMessage({ type: 'host:history' }).catch(() => undefined),
});
exposeDiagnostics(host);

chrome.runtime.onMessage.addListener((raw: unknown, sender, sendResponse) => {
  if (!isOwnExtensionPage(sender, origin, chrome.runtime.id) || !isHostEnvelope(raw)) return false;
  void host.handle(raw.cmd).then(sendResponse);
  return true;
});
addEventListener('online', () => void host.handle({ type: 'online' }));
addEventListener('offline', () => void host.handle({ type: 'offline' }));
void chrome.runtime.sendMessage({ type: 'host:ready' }).catch(() => undefined);

// The lifeline to the background (lib/background/host-lifeline.ts): if this document dies, the
// background sees the port drop and makes a new one. A heartbeat every 20 s keeps the service
// worker running while the phone is; if the worker restarts anyway, connect again.
const HEARTBEAT_MS = 20_000;
function lifeline(): void {
  const port = chrome.runtime.connect({ name: 'phone-host' });
  const beat = setInterval(() => port.postMessage('beat'), HEARTBEAT_MS);
  port.onDisconnect.addListener(() => {
    clearInterval(beat);
    setTimeout(lifeline, 500);
  });
}
lifeline();

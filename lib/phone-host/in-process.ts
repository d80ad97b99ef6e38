/**
 * Firefox: the persistent background page is the phone host (MV2; it has DOM, WebSocket and
 * WebRTC), so commands are plain calls and events reach the background directly; extension
 * pages hear them as runtime messages. Only the microphone comes from elsewhere, the widget
 * window (firefox/microphone.ts): Firefox never lets a background page capture it.
 */
import browser from 'webextension-polyfill';
import type { HostCommand } from '../messaging/phone';
import type { Result } from '../result';
import { exposeDiagnostics } from './diagnostics';
import { CallState } from '../sip/states';
import { WindowMicrophone } from './firefox/microphone';
import { ElementRingtone } from './firefox/ringtone';
import { PhoneHost } from './host';
import { createLogger } from '../log';
import type { HostEvent, HostLink } from './link';

const log = createLogger('host');

export class InProcessLink implements HostLink {
  private host: PhoneHost | null = null;

  start(onEvent: (event: HostEvent) => void): void {
    const tell = (event: HostEvent) => {
      onEvent(event);
      void browser.runtime.sendMessage(event).catch(() => undefined);
    };
    const mic = new WindowMicrophone();
    const host = new PhoneHost(
      {
        publish: (state) => {
          // The capture lasts while a call does; Firefox's microphone indicator goes with it.
          if (!state.calls.some((c) => c.state !== CallState.Ended)) mic.release();
          tell({ type: 'event:phoneState', state });
        },
        historyChanged: () => tell({ type: 'event:historyChanged' }),
      },
      // No conference: the background page's AudioContext never starts (autoplay rules; nor does
      // the call window's, tried on Firefox ESR 153), so nothing could mix it.
      { engine: { mediaStreamFactory: mic.factory }, ringtone: new ElementRingtone(), mixContext: null },
    );
    // The widget window closed mid-call: it opens again and the call sends its new capture.
    browser.windows.onRemoved.addListener((windowId) => void mic.windowClosed(windowId).catch((e: unknown) => log.warn('The microphone did not come back after the call window closed', String(e))));
    exposeDiagnostics(host);
    addEventListener('online', () => host.networkOnline());
    addEventListener('offline', () => host.networkOffline());
    this.host = host;
    onEvent({ type: 'event:hostReady' });
  }

  async ensure(): Promise<void> {}

  async send(cmd: HostCommand): Promise<Result<unknown>> {
    if (!this.host) throw new Error('The phone host is not started.');
    return this.host.handle(cmd);
  }
}

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
import { PhoneHost } from './host';
import type { HostEvent, HostLink } from './link';

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
      { engine: { mediaStreamFactory: mic.factory } },
    );
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

/**
 * Firefox: the persistent background page is the phone host (MV2; it has DOM, WebSocket and
 * WebRTC), so commands are plain calls and events reach the background directly; extension
 * pages hear them as runtime messages.
 */
import browser from 'webextension-polyfill';
import type { HostCommand } from '../messaging/phone';
import type { Result } from '../result';
import { exposeDiagnostics } from './diagnostics';
import { PhoneHost } from './host';
import type { HostEvent, HostLink } from './link';

export class InProcessLink implements HostLink {
  private host: PhoneHost | null = null;

  start(onEvent: (event: HostEvent) => void): void {
    const tell = (event: HostEvent) => {
      onEvent(event);
      void browser.runtime.sendMessage(event).catch(() => undefined);
    };
    const host = new PhoneHost({
      publish: (state) => tell({ type: 'event:phoneState', state }),
      historyChanged: () => tell({ type: 'event:historyChanged' }),
    });
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

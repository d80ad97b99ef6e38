import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { InProcessLink } from '../lib/background/inprocess-link';
import { startBackground } from '../lib/background/main';
import { OffscreenLink } from '../lib/background/offscreen-link';
import { watchHostLifeline } from '../lib/background/host-lifeline';
import { configureHost } from '../lib/background/router';
import { PhoneHost } from '../lib/phone-host/host';
import { exposeDiagnostics } from '../lib/phone-host/diagnostics';

export default defineBackground({
  // Firefox (MV2): a persistent background page that is also the phone host.
  persistent: true,
  main() {
    if (import.meta.env.FIREFOX) {
      let bg: ReturnType<typeof startBackground> | null = null;
      const host = new PhoneHost({
        publish: (state) => {
          bg?.onHostState(state);
          void browser.runtime.sendMessage({ type: 'host:state', state }).catch(() => undefined);
        },
        historyChanged: () => {
          bg?.onHistoryChanged();
          void browser.runtime.sendMessage({ type: 'host:history' }).catch(() => undefined);
        },
      });
      exposeDiagnostics(host);
      bg = startBackground(new InProcessLink(host));
      addEventListener('online', () => void host.handle({ type: 'online' }));
      addEventListener('offline', () => void host.handle({ type: 'offline' }));
    } else {
      const link = new OffscreenLink();
      startBackground(link);
      watchHostLifeline(link, () => configureHost(link));
    }
  },
});

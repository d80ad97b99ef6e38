import browser from 'webextension-polyfill';
import { phoneError } from '../errors';
import { isHostBroadcast, isHostEnvelope, isOwnExtensionPage, parseUiMessage } from '../messaging/protocol';
import type { PhoneSnapshot } from '../sip/types';
import { CallAlerts } from './call-alerts';
import { listenForContentScripts, setUpContextMenu } from './click-to-call';
import { listenForEmailAlarms, syncEmailAlarms } from './email-alarms';
import type { HostLink } from './host-link';
import { configureHost, route } from './router';
import { openMicPage, openWidgetWindow } from '../extension-pages';
import { startOdooBackground } from './odoo';


/**
 * Wires the background: routes UI messages to the phone host, turns host state into
 * notifications and the badge, and keeps the host configured.
 * `hostEvents` lets the Firefox in-process host report state without a runtime message.
 */
export function startBackground(link: HostLink): {
  onHostState: (state: PhoneSnapshot) => void;
  onHistoryChanged: () => void;
} {
  const origin = browser.runtime.getURL('/');
  const alerts = new CallAlerts(link, openWidgetWindow);
  const onHostState = (state: PhoneSnapshot) => void alerts.update(state);
  const onHistoryChanged = () => void alerts.refreshBadge();

  browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
    if (!isOwnExtensionPage(sender, origin, browser.runtime.id)) return undefined;
    if (isHostEnvelope(raw)) return undefined; // addressed to the offscreen host
    if (isHostBroadcast(raw)) {
      if (raw.type === 'host:ready') void configureHost(link);
      else if (raw.type === 'host:history') onHistoryChanged();
      else onHostState(raw.state);
      return undefined;
    }
    const msg = parseUiMessage(raw);
    if (!msg) return Promise.resolve({ ok: false, error: phoneError('internal', 'Malformed request.') });
    if (msg.type === 'bg:missedSeen') {
      // The badge belongs to the alerts, which the router does not hold.
      onHistoryChanged();
      return Promise.resolve({ ok: true });
    }
    return route(link, msg);
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void openMicPage();
  });

  listenForContentScripts(link);
  setUpContextMenu(link);
  listenForEmailAlarms();
  void syncEmailAlarms();
  startOdooBackground();

  // Wake-ups (browser start, service-worker restart) all pass here: make sure the phone runs.
  void link.ensure().then(() => configureHost(link));
  void alerts.refreshBadge();
  return { onHostState, onHistoryChanged };
}

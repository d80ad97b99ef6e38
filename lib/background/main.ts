/**
 * Wires the background: extension pages' commands to the router, content scripts' requests to
 * their handlers, the phone host's events to notifications and the badge, and keeps the host
 * configured. Each listener checks the sender first, then the payload.
 */
import browser from 'webextension-polyfill';
import { phoneError } from '../errors';
import { openMicPage, openWidgetWindow } from '../extension-pages';
import { parseContentMessage, type ContentChannel } from '../messaging/content';
import { dispatch, type Handlers } from '../messaging/define';
import { parseEvent } from '../messaging/events';
import { parseUiMessage } from '../messaging/protocol';
import { isOwnContentScript, isOwnExtensionPage, type Sender } from '../messaging/senders';
import type { HostEvent, HostLink } from '../phone-host/link';
import { fail } from '../result';
import { CallAlerts } from './call-alerts';
import { UnreachableNotice, systemNotifier } from './unreachable-notice';
import { clickToCallHandlers, setUpContextMenu, watchClickToCallSettings, type ContentContext } from './click-to-call';
import { listenForEmailAlarms, syncEmailAlarms } from './email-alarms';
import { configureHost } from './host-config';
import { listenForDndEnd, toggleDnd } from './dnd';
import { runKeyboardCommand } from './keyboard-commands';
import { watchConfirmWindows } from './confirm-call';
import { startBackgroundLanguage } from './language';
import { kanbanHandlers, startOdooBackground } from './odoo';
import { route, type RouterContext } from './router';

/** Every content-script request has its handler here: a missing one is a compile error. */
const contentHandlers: Handlers<ContentChannel, ContentContext> = { ...clickToCallHandlers, ...kanbanHandlers };

/** An extension page's message: routed, or refused with a reason (events and host envelopes are not ours to answer). */
export function onPageMessage(raw: unknown, sender: Sender, ctx: RouterContext): Promise<unknown> | undefined {
  if (!isOwnExtensionPage(sender, browser.runtime.getURL('/'), browser.runtime.id)) return undefined;
  const type = (raw as { type?: unknown } | null)?.type;
  if (parseEvent(raw) || type === 'host:cmd') return undefined;
  const msg = parseUiMessage(raw);
  if (!msg) return Promise.resolve(fail(phoneError('internal', 'Malformed request.')));
  return route(msg, ctx);
}

/** A content script's request: only ours, in a real tab, and well-formed. */
export function onContentMessage(raw: unknown, sender: Sender, link: HostLink): Promise<unknown> | undefined {
  if (!isOwnContentScript(sender, browser.runtime.getURL('/'), browser.runtime.id)) return undefined;
  const msg = parseContentMessage(raw);
  if (!msg) return Promise.resolve(fail('Malformed request.'));
  return dispatch(contentHandlers, msg, { link, sender });
}

export function startBackground(link: HostLink): void {
  const alerts = new CallAlerts(link, openWidgetWindow);
  const unreachable = new UnreachableNotice(systemNotifier(openWidgetWindow));
  const ctx: RouterContext = { link, refreshBadge: () => void alerts.refreshBadge() };

  link.start((event: HostEvent) => {
    if (event.type === 'event:hostReady') void configureHost(link);
    else if (event.type === 'event:historyChanged') ctx.refreshBadge();
    else {
      unreachable.update(event.state);
      void alerts.update(event.state);
    }
  });
  browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => onPageMessage(raw, sender, ctx));
  browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => onContentMessage(raw, sender, link));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void openMicPage();
  });

  void startBackgroundLanguage();
  watchClickToCallSettings();
  watchConfirmWindows();
  setUpContextMenu(link);
  listenForEmailAlarms();
  listenForDndEnd(link);
  // Keyboard commands wake the background with every extension page closed.
  browser.commands.onCommand.addListener((name) => {
    void runKeyboardCommand(name, { link, openDialer: () => openWidgetWindow('dialer'), toggleDnd: () => toggleDnd(link) });
  });
  void syncEmailAlarms();
  startOdooBackground();

  // Wake-ups (browser start, service-worker restart) all pass here: make sure the phone runs.
  void link.ensure().then(() => configureHost(link));
  void alerts.refreshBadge();
}

/** An extension page's side of the protocol: commands to the background, and what happened. */
import browser from 'webextension-polyfill';
import { phoneError, type PhoneError } from '../errors';
import type { MessageOf } from './define';
import { parseEvent, type EventChannel, type PhoneEvent } from './events';
import type { PageChannel, UiReply } from './protocol';
import { isOwnExtensionPage } from './senders';
import type { PhoneSnapshot } from '../sip/types';

/** What a page gets back: the receiver's answer, or why there was none. */
export type Reply<K extends keyof PageChannel> = UiReply<K> | { ok: false; error: PhoneError };

/** Sends a command to the background and always resolves (a dead background is an error result). */
export async function request<K extends keyof PageChannel>(msg: MessageOf<PageChannel, K>): Promise<Reply<K>> {
  try {
    const reply = (await browser.runtime.sendMessage(msg)) as Reply<K> | undefined;
    return reply ?? { ok: false, error: phoneError('internal', 'The extension did not answer.') };
  } catch (e) {
    return { ok: false, error: phoneError('internal', e instanceof Error ? e.message : String(e)) };
  }
}

/** Calls `listener` with each event of that name told by our own extension; returns an unsubscribe. */
export function onEvent<K extends keyof EventChannel>(type: K, listener: (event: MessageOf<EventChannel, K>) => void): () => void {
  const origin = browser.runtime.getURL('/');
  const handler = (raw: unknown, sender: browser.Runtime.MessageSender) => {
    if (!isOwnExtensionPage(sender, origin, browser.runtime.id)) return undefined;
    const event: PhoneEvent | null = parseEvent(raw);
    if (event?.type === type) listener(event as MessageOf<EventChannel, K>);
    return undefined;
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}

/** Every state the phone host publishes. */
export const onPhoneState = (listener: (state: PhoneSnapshot) => void) => onEvent('event:phoneState', (e) => listener(e.state));
/** A Kanban card queued or unqueued a call in Odoo: lists of activities follow. */
export const onActivitiesChanged = (listener: () => void) => onEvent('event:activitiesChanged', () => listener());
/** A call reached the history. */
export const onHistoryChanged = (listener: () => void) => onEvent('event:historyChanged', () => listener());

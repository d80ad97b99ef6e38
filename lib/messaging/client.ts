import browser from 'webextension-polyfill';
import { phoneError } from '../errors';
import { isHostBroadcast, isOwnExtensionPage, type CommandResult, type UiMessage } from './protocol';
import type { PhoneSnapshot } from '../sip/types';

/** Sends a command to the background and always resolves (a dead background is an error result). */
export async function request<T = unknown>(msg: UiMessage): Promise<T> {
  try {
    return (await browser.runtime.sendMessage(msg)) as T;
  } catch (e) {
    return { ok: false, error: phoneError('internal', e instanceof Error ? e.message : String(e)) } as T;
  }
}

export async function command<T = undefined>(msg: UiMessage): Promise<CommandResult<T>> {
  return request<CommandResult<T>>(msg);
}

/** Calls `listener` with every state the phone host publishes; returns an unsubscribe. */
export function onPhoneState(listener: (state: PhoneSnapshot) => void): () => void {
  const origin = browser.runtime.getURL('/');
  const handler = (raw: unknown, sender: browser.Runtime.MessageSender) => {
    if (!isOwnExtensionPage(sender, origin, browser.runtime.id)) return undefined;
    if (isHostBroadcast(raw) && raw.type === 'host:state') listener(raw.state);
    return undefined;
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}

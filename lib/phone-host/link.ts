/**
 * How the background reaches the phone host, whichever it is: Chrome's offscreen document
 * (offscreen/link.ts) or, on Firefox, the background page itself (in-process.ts). Names both ends
 * of the Chrome link share are written here once.
 */
import type { MessageOf } from '../messaging/define';
import type { EventChannel } from '../messaging/events';
import type { HostCommand } from '../messaging/phone';
import type { Result } from '../result';

/** What the host tells: its state, a call written to the history, that it started. */
export type HostEvent = MessageOf<EventChannel, 'event:phoneState' | 'event:historyChanged' | 'event:hostReady'>;
export const HOST_EVENTS: readonly HostEvent['type'][] = ['event:phoneState', 'event:historyChanged', 'event:hostReady'];

export interface HostLink {
  /** Starts the link; the host's events reach `onEvent` (on every host start, `event:hostReady`). */
  start(onEvent: (event: HostEvent) => void): void;
  /** Makes sure the host exists (creating the offscreen document if needed). */
  ensure(): Promise<void>;
  send(cmd: HostCommand): Promise<Result<unknown>>;
}

/** Chrome: the port the offscreen host holds open to the background (its lifeline). */
export const LIFELINE_PORT = 'phone-host';
/** Heartbeats on the lifeline keep the service worker running while the phone is. */
export const HEARTBEAT_MS = 20_000;

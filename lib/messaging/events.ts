/**
 * `event:*` — what happened, told to every extension page and the background (no answer). The
 * phone host tells its state, that a call reached the history, and that it started; the background
 * tells that activities changed (a Kanban card queued a call).
 */
import type { PhoneSnapshot } from '../sip/types';
import { bare, entry, parserFor, type MessageOf } from './define';
import { isObj } from './validate';

export const eventChannel = {
  'event:phoneState': entry<{ state: PhoneSnapshot }, void>((m) => (isObj(m.state) ? { state: m.state as unknown as PhoneSnapshot } : null)),
  /** A call was written to the history (possibly long after it ended: see HistoryKeeper). */
  'event:historyChanged': bare<void>(),
  'event:activitiesChanged': bare<void>(),
  /** A phone host started (Chrome: its offscreen document loaded): the background configures it. */
  'event:hostReady': bare<void>(),
};

export type EventChannel = typeof eventChannel;
export type PhoneEvent = MessageOf<EventChannel>;
export const parseEvent = parserFor(eventChannel);

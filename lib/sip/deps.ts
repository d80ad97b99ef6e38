import type { Session, SessionDescriptionHandlerFactory, UserAgentOptions, Web } from 'sip.js';
import type { Logger } from '../log';
import type { LineTiming } from './line-watch';
import type { CallSnapshot, PhoneSnapshot } from './types';

/** What the engine is given: where to report, and (in tests) what stands in for the network and media. */
export interface EngineDeps {
  logger: Logger;
  /** Called after every change with a fresh snapshot. */
  onChange: (snapshot: PhoneSnapshot) => void;
  /** Called once per call when it ends (history, notifications). */
  onCallEnded?: (call: CallSnapshot) => void;
  /** Called when a call starts ringing here (caller ID lookup). */
  onIncoming?: (callId: string, number: string) => void;
  /** Called when a call has media to play (the host attaches it to an audio element). */
  onRemoteMedia?: (callId: string, session: Session) => void;
  /** In-memory transport for tests; the browser WebSocket transport otherwise. */
  transportConstructor?: UserAgentOptions['transportConstructor'];
  /** Fake media for tests; WebRTC otherwise. */
  sessionDescriptionHandlerFactory?: SessionDescriptionHandlerFactory;
  /** Where WebRTC calls get the microphone (Firefox: a window's, see lib/phone-host/firefox); getUserMedia here otherwise. */
  mediaStreamFactory?: Web.MediaStreamFactory;
  random?: () => number;
  now?: () => number;
  /** How long an answered call may wait for a lost connection to come back (default 15 s). */
  callRecoveryMs?: number;
  /** Keep-alive timing (default DEFAULT_LINE_TIMING: a dead line found within 30 s). */
  lineTiming?: LineTiming;
  /** A clock that stops while the computer sleeps (performance.now by default). */
  monotonic?: () => number;
  /** How long before a subscription the server ended is made again (default 30 s). */
  resubscribeMs?: number;
}

/** What a call is given by the engine: where to report, and its clock and limits. */
export interface CallHooks {
  onChange: () => void;
  onEnded: (snapshot: CallSnapshot) => void;
  onMedia: (callId: string, session: Session) => void;
  logger: Logger;
  now: () => number;
  /** How long an answered call waits for the connection to come back before it is dropped. */
  recoveryMs: number;
}

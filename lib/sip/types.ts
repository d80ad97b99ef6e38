import type { PhoneError } from '../errors';
import type { CallOutcome, CallState, Registration } from './states';
import type { MessageSummary } from './message-summary';
import type { ColleagueState } from './blf';

/** How calls reach the far end through NAT: STUN/TURN servers, and whether only the relay may carry media. */
export interface IceConfig {
  iceServers: RTCIceServer[];
  relayOnly: boolean;
}

/** Everything the engine needs to register; built by the background from the saved settings. */
export interface SipConfig {
  wsUrl: string;
  domain: string;
  username: string;
  /** Digest user when it differs from `username`. */
  authorizationUser: string;
  secret: string;
  displayName: string;
  /** Persisted so a restarted phone host replaces its own registration. */
  instanceId: string;
  /** Persisted Contact user part, for the same reason. */
  contactName: string;
  callWaiting: boolean;
  /** NAT traversal; none when absent (host candidates only). */
  ice?: IceConfig;
  /** With call waiting on: how many calls may be on the lines at once (default 2); one more gets busy. */
  maxLines?: number;
}

export type CallDirection = 'outgoing' | 'incoming';

export interface CallSnapshot {
  id: string;
  direction: CallDirection;
  state: CallState;
  /** User part of the far end (number or extension). */
  remoteNumber: string;
  remoteName: string;
  /** ms since epoch */
  startedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
  muted: boolean;
  held: boolean;
  outcome: CallOutcome | null;
  /** SIP status of a failure or rejection, e.g. 486 Busy Here. */
  endCode: number | null;
  endReason: string;
  /** How the last DTMF digits were sent. */
  dtmfMode: 'rfc4733' | 'info' | null;
  transferTarget: string | null;
  /** A consult call (attended transfer): the id of the call on hold that it may be handed to. */
  consultFor?: string;
  /** The WebSocket dropped under this answered call; it is being restored (or will be dropped). */
  reconnecting: boolean;
  /** Why the call failed or a transfer did not go through. */
  error: PhoneError | null;
  /** An incoming call turned away busy because do not disturb was on. */
  doNotDisturb?: true;
  /** Merged into a conference (a three-way call mixed here): the group's id, the same on each of its calls. */
  conference?: string;
}

/** Do not disturb: incoming calls are answered busy until `until` (ms since epoch; null: until turned off). */
export interface DoNotDisturb {
  until: number | null;
}

export interface PhoneSnapshot {
  registration: Registration;
  /** Set while something is wrong; cleared when it is fixed. */
  error: PhoneError | null;
  reconnectAttempt: number;
  /** Live calls first; the last ended call stays for a moment so the UI can show why. */
  calls: CallSnapshot[];
  /** `aor` of the registered account, e.g. sip:1001@pbx.example.com */
  aor: string;
  /** Set by the phone host: finished calls the history store refused so far, and why. */
  unsaved?: { calls: number; reason: string };
  /** Set by the phone host: chosen audio devices not connected now (the default is used instead). */
  devicesMissing?: { role: 'microphone' | 'speaker' | 'ringer'; label: string }[];
  /** Set by the phone host: each answered call's quality now, by call id (sampled every few seconds). */
  quality?: Record<string, CallQualityNow>;
  /** Present while do not disturb is on. */
  dnd?: DoNotDisturb;
  /** The voicemail box's last message summary (RFC 3842), once the PBX has sent one. */
  voicemail?: MessageSummary;
  /** Colleagues' lines being watched (RFC 4235), by extension. */
  colleagues?: Record<string, ColleagueState>;
}

/** A live call's quality over the last few seconds (from getStats). */
export interface CallQualityNow {
  band: 'good' | 'fair' | 'poor';
  /** Estimated MOS, 1 to 4.5. */
  mos: number;
  /** Percent of the far end's packets lost in the interval. */
  lossPercent: number;
  jitterMs: number;
  rttMs: number;
  /** No packet arrived from the far end in the interval. */
  noAudio: boolean;
}


/**
 * The phone's two state machines, with every allowed transition written down.
 * `transition()` refuses anything not listed, so an impossible jump is a bug we see, not a
 * state the UI has to guess about.
 */
export enum Registration {
  /** No usable account (see the error for which parameter is missing). */
  Unconfigured = 'unconfigured',
  /** Opening the WebSocket for the first time with this account. */
  Connecting = 'connecting',
  /** WebSocket open, REGISTER in flight. */
  Registering = 'registering',
  Registered = 'registered',
  /** The WebSocket dropped (or never opened); retrying with backoff. */
  Reconnecting = 'reconnecting',
  /** The server refused the account; no retry until the settings change. */
  Failed = 'failed',
  /** Stopped on purpose. */
  Stopped = 'stopped',
}

const REGISTRATION_EDGES: Record<Registration, Registration[]> = {
  [Registration.Unconfigured]: [Registration.Connecting, Registration.Stopped, Registration.Unconfigured],
  [Registration.Connecting]: [Registration.Registering, Registration.Reconnecting, Registration.Stopped, Registration.Unconfigured],
  [Registration.Registering]: [Registration.Registered, Registration.Failed, Registration.Reconnecting, Registration.Stopped],
  [Registration.Registered]: [Registration.Registering, Registration.Reconnecting, Registration.Failed, Registration.Stopped],
  [Registration.Reconnecting]: [Registration.Registering, Registration.Reconnecting, Registration.Stopped, Registration.Unconfigured],
  [Registration.Failed]: [Registration.Connecting, Registration.Stopped, Registration.Unconfigured],
  [Registration.Stopped]: [Registration.Connecting, Registration.Unconfigured],
};

export enum CallState {
  /** Outgoing: INVITE being sent, no answer yet. */
  Dialing = 'dialing',
  /** Outgoing: the far end is ringing (18x). */
  Ringing = 'ringing',
  /** Incoming: ringing here. */
  Incoming = 'incoming',
  /** Answered, media flowing. */
  Established = 'established',
  /** REFER accepted, waiting for the far end's NOTIFY to confirm. */
  Transferring = 'transferring',
  Ended = 'ended',
}

const CALL_EDGES: Record<CallState, CallState[]> = {
  [CallState.Dialing]: [CallState.Ringing, CallState.Established, CallState.Ended],
  [CallState.Ringing]: [CallState.Established, CallState.Ended],
  [CallState.Incoming]: [CallState.Established, CallState.Ended],
  [CallState.Established]: [CallState.Transferring, CallState.Ended],
  [CallState.Transferring]: [CallState.Established, CallState.Ended],
  [CallState.Ended]: [],
};

export function canMoveRegistration(from: Registration, to: Registration): boolean {
  return from === to || REGISTRATION_EDGES[from].includes(to);
}

export function canMoveCall(from: CallState, to: CallState): boolean {
  return from === to || CALL_EDGES[from].includes(to);
}

/**
 * How a call ended, for the history and the UI. `dropped`: answered, then cut because the
 * connection to the server was lost and the call could not be restored.
 */
export const CALL_OUTCOMES = [
  'answered', 'missed', 'declined', 'busy', 'rejected', 'cancelled', 'transferred', 'dropped', 'failed',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

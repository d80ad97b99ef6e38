import { Inviter, UserAgent, type Invitation, type Session, type URI } from 'sip.js';
import { phoneError } from '../errors';
import { isSafeDialNumber, type DialTarget } from '../phone-number';
import { fail, ok, type Result } from '../result';
import { CallBook } from './call-book';
import { CallSession } from './call-session';
import { SipConnection } from './connection';
import type { EngineDeps } from './deps';
import { Registration, CallState } from './states';
import type { CallSnapshot, PhoneSnapshot } from './types';

export type { EngineDeps } from './deps';

/**
 * An answered call outlives a lost WebSocket this long: enough for a few reconnect attempts
 * (the backoff is capped at 4 s) and the re-INVITE, short enough that nobody talks into a dead line.
 */
const CALL_RECOVERY_MS = 15_000;

/**
 * The SIP URI for a dial target. Targets come normalised (E.164 or a short extension), but this
 * is the last door before the wire: anything else (`;`, `<`, `@`, spaces, CR/LF…) never becomes a
 * URI, whoever built the target.
 */
function targetUri(target: DialTarget, domain: string): URI | undefined {
  return isSafeDialNumber(target.number) ? UserAgent.makeURI(`sip:${target.number}@${domain}`) : undefined;
}

/**
 * The SIP phone: the line to the PBX (connection.ts) and any number of calls. Imports no browser API;
 * the host gives it a transport and media, the tests give it in-memory ones.
 */
export class PhoneEngine extends SipConnection {
  /** Set when the WebSocket dropped: live calls need new media paths once registered again. */
  private mediaStale = false;
  private readonly calls = new CallBook(() => this.emit());
  private readonly now: () => number;

  constructor(deps: EngineDeps) {
    super(deps);
    this.now = deps.now ?? Date.now;
  }

  override snapshot(): PhoneSnapshot {
    const calls = this.calls.snapshots();
    calls.sort((a, b) => Number(a.state === CallState.Ended) - Number(b.state === CallState.Ended));
    return {
      registration: this.registration,
      error: this.error,
      reconnectAttempt: this.attempt,
      calls,
      aor: this.config ? `sip:${this.config.username}@${this.config.domain}` : '',
    };
  }

  protected onTransportLost(): void {
    this.mediaStale = true;
    for (const call of this.calls.live()) call.connectionLost();
  }

  protected onRegisteredAgain(): void {
    if (this.mediaStale) this.restoreMediaAfterReconnect();
  }

  protected endAllCalls(): void {
    for (const call of this.calls.all()) call.hangup();
    this.calls.clear();
  }

  /** After a new WebSocket, calls need a re-INVITE with an ICE restart or they go silent. */
  private restoreMediaAfterReconnect(): void {
    this.mediaStale = false;
    for (const call of this.calls.all()) call.refreshMedia();
  }

  private callHooks() {
    return {
      onChange: () => this.emit(),
      onEnded: (snapshot: CallSnapshot) => this.deps.onCallEnded?.(snapshot),
      onMedia: (id: string, session: Session) => this.deps.onRemoteMedia?.(id, session),
      logger: this.deps.logger,
      now: this.now,
      recoveryMs: this.deps.callRecoveryMs ?? CALL_RECOVERY_MS,
    };
  }

  dial(target: DialTarget): Result<string> {
    if (!this.ua || !this.config || this.registration !== Registration.Registered) {
      return fail(this.registration === Registration.Unconfigured && this.error ? this.error : phoneError('notRegistered'));
    }
    if (this.calls.live().length > 0 && !this.config.callWaiting) return fail(phoneError('busy'));
    const uri = targetUri(target, this.config.domain);
    if (!uri) return fail(phoneError('incorrectNumber', target.number));
    this.calls.holdOthers();
    const inviter = new Inviter(this.ua, uri, {
      sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } },
      earlyMedia: true,
    });
    const call = new CallSession(inviter, 'outgoing', target.number, '', this.callHooks());
    this.calls.track(call);
    call.startOutgoing();
    return ok(call.id);
  }

  protected onInvite(invitation: Invitation): void {
    const busy = this.calls.live().length > 0 && !this.config?.callWaiting;
    // A PBX's asserted identity (P-Asserted-Identity) is the caller's real number when present.
    const identity = invitation.assertedIdentity ?? invitation.remoteIdentity;
    const call = new CallSession(
      invitation,
      'incoming',
      identity.uri.user ?? '',
      identity.displayName ?? '',
      this.callHooks(),
    );
    this.calls.track(call);
    if (busy) call.reject(486);
    else this.deps.onIncoming?.(call.id, call.snapshot().remoteNumber);
  }

  /** Names the far end once its number was matched to a contact. */
  setRemoteName(callId: string, name: string): void {
    const call = this.calls.get(callId);
    if (!call || call.state === CallState.Ended) return;
    call.setRemoteName(name);
    this.emit();
  }

  answer(callId: string): Result {
    return this.calls.act(callId, (call) => {
      this.calls.holdOthers(call);
      call.answer();
    });
  }

  decline = (callId: string): Result => this.calls.act(callId, (call) => call.reject(603));
  hangup = (callId: string): Result => this.calls.act(callId, (call) => call.hangup());
  setMute = (callId: string, muted: boolean): Result => this.calls.act(callId, (call) => call.setMuted(muted));
  setHold = (callId: string, held: boolean): Result => this.calls.act(callId, (call) => call.setHold(held));
  sendDtmf = (callId: string, digits: string): Result => this.calls.act(callId, (call) => call.sendDtmf(digits));

  transfer(callId: string, target: DialTarget): Result {
    return this.calls.act(callId, (call) => {
      const uri = this.config && targetUri(target, this.config.domain);
      return uri ? call.transfer(uri, target.number) : fail(phoneError('incorrectNumber', target.number));
    });
  }

  dismiss(callId: string): void {
    this.calls.dismiss(callId);
  }

  /** For tests and diagnostics. */
  sessionOf(callId: string): Session | undefined {
    return this.calls.get(callId)?.session;
  }
}

import { Inviter, UserAgent, type Invitation, type Session, type URI } from 'sip.js';
import { phoneError } from '../errors';
import { isSafeDialNumber, type DialTarget } from '../phone-number';
import { fail, ok, type Result } from '../result';
import { CallBook } from './call-book';
import { CallSession } from './call-session';
import { SipConnection } from './connection';
import type { EngineDeps } from './deps';
import { Registration, CallState } from './states';
import { replacesUri } from './replaces';
import { memberLeft, membersOf, merge, split } from './conference';
import type { CallSnapshot, DoNotDisturb, PhoneSnapshot } from './types';
import { t } from '../i18n';
import { dndActive } from '../dnd/choice';
import { DEFAULT_LINES } from '../settings/schema';
import { Mailbox } from './mwi';
import { Colleagues } from './blf';

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
  private dnd: DoNotDisturb | null = null;
  /** Set when the WebSocket dropped: subscriptions need new dialogs once registered again. */
  private subscriptionsStale = false;
  private readonly mailbox: Mailbox;
  private readonly colleagues: Colleagues;

  constructor(deps: EngineDeps) {
    super(deps);
    this.now = deps.now ?? Date.now;
    this.mailbox = new Mailbox(deps.logger, () => this.emit(), deps.resubscribeMs);
    this.colleagues = new Colleagues(deps.logger, () => this.emit(), deps.resubscribeMs);
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
      ...(this.dndOn() && this.dnd ? { dnd: { ...this.dnd } } : {}),
      ...(this.mailbox?.state ? { voicemail: { ...this.mailbox.state } } : {}),
      ...(this.colleagues && Object.keys(this.colleagues.snapshot()).length > 0 ? { colleagues: this.colleagues.snapshot() } : {}),
    };
  }

  /** Do not disturb on (until a time, or until turned off) or off (null). */
  setDnd(dnd: DoNotDisturb | null): void {
    this.dnd = dnd;
    this.emit();
  }

  /** On, and its time not come: it ends by itself even if nobody turns it off. */
  private dndOn(): boolean {
    return dndActive(this.dnd, this.now());
  }

  /** Watches these colleagues' lines (the transfer list shows them); none stops watching. */
  watchColleagues(extensions: string[]): Result {
    const registered = this.registration === Registration.Registered;
    this.colleagues.watch(registered ? this.ua : null, this.config?.domain ?? '', registered ? extensions : []);
    return ok(undefined);
  }

  protected override async endSubscriptions(): Promise<void> {
    await Promise.all([this.mailbox.stop(), this.colleagues.stop()]);
  }

  protected onTransportLost(): void {
    this.mediaStale = true;
    this.subscriptionsStale = true;
    for (const call of this.calls.live()) call.connectionLost();
  }

  protected onRegisteredAgain(): void {
    if (this.mediaStale) this.restoreMediaAfterReconnect();
    const aor = this.ua?.configuration.uri;
    if (this.ua && aor) this.mailbox.start(this.ua, aor, this.subscriptionsStale);
    if (this.subscriptionsStale) this.colleagues.restart();
    this.subscriptionsStale = false;
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
      onEnded: (snapshot: CallSnapshot) => {
        memberLeft(this.calls, snapshot.conference);
        this.deps.onCallEnded?.(snapshot);
      },
      onMedia: (id: string, session: Session) => this.deps.onRemoteMedia?.(id, session),
      logger: this.deps.logger,
      now: this.now,
      recoveryMs: this.deps.callRecoveryMs ?? CALL_RECOVERY_MS,
    };
  }

  /** Every line is taken: one call without call waiting, `maxLines` (default 2) with it. */
  private linesFull(): boolean {
    const lines = this.config?.callWaiting ? (this.config.maxLines ?? DEFAULT_LINES) : 1;
    return this.calls.live().length >= lines;
  }

  dial(target: DialTarget): Result<string> {
    if (this.linesFull()) return fail(phoneError('busy'));
    return this.place(target);
  }

  /** Starts an outgoing call, every other call on hold. */
  private place(target: DialTarget): Result<string> {
    if (!this.ua || !this.config || this.registration !== Registration.Registered) {
      return fail(this.registration === Registration.Unconfigured && this.error ? this.error : phoneError('notRegistered'));
    }
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
    const busy = this.linesFull();
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
    if (this.dndOn()) call.rejectForDnd();
    else if (busy) call.reject(486);
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

  /** Answers a call waiting and hangs up every other call first ("Answer and end the current call"). */
  answerEndingOthers(callId: string): Result {
    return this.calls.act(callId, (call) => {
      for (const other of this.calls.live()) if (other !== call) other.hangup();
      call.answer();
    });
  }

  /** Brings a line (or the whole conference it is in) to the front: off hold, every other call on hold. */
  swap(callId: string): Result {
    return this.calls.act(callId, (call) => {
      const front = call.conference ? membersOf(this.calls, call.conference) : [call];
      this.calls.holdOthers(front);
      for (const c of front) c.setHold(false);
    });
  }

  /** A three-way call: `otherId` joins `callId`'s call, both off hold (the host mixes the audio). */
  merge = (callId: string, otherId: string): Result => merge(this.calls, callId, otherId);
  /** Back to separate lines: `callId` stays in front, the other goes on hold. */
  split = (callId: string): Result => split(this.calls, callId);

  /** Mute: in a conference, our microphone for everyone in it. */
  setMute(callId: string, muted: boolean): Result {
    return this.calls.act(callId, (call) => {
      for (const c of call.conference ? membersOf(this.calls, call.conference) : [call]) c.setMuted(muted);
    });
  }

  /** Hold: a call in a conference is split off first (Split does that and holds the other). */
  setHold(callId: string, held: boolean): Result {
    return this.calls.act(callId, (call) => (call.conference ? fail(phoneError('conferenceFailed', t('conference.splitFirst'))) : call.setHold(held)));
  }

  decline = (callId: string): Result => this.calls.act(callId, (call) => call.reject(603));
  hangup = (callId: string): Result => this.calls.act(callId, (call) => call.hangup());
  sendDtmf = (callId: string, digits: string): Result => this.calls.act(callId, (call) => call.sendDtmf(digits));

  transfer(callId: string, target: DialTarget): Result {
    return this.calls.act(callId, (call) => {
      const uri = this.config && targetUri(target, this.config.domain);
      return uri ? call.transfer(uri, target.number) : fail(phoneError('incorrectNumber', target.number));
    });
  }

  /** Attended transfer, first half: the caller goes on hold and the colleague is called. */
  consult(callId: string, target: DialTarget): Result<string> {
    const original = this.calls.get(callId);
    if (original?.state !== CallState.Established) {
      return fail(phoneError('transferFailed', target.number, t('call.transfer.notAnswered')));
    }
    const placed = this.place(target);
    if (placed.ok) this.calls.get(placed.value)?.consultFor(callId);
    return placed;
  }

  /**
   * Connects the far ends of two answered calls and drops out (attended transfer, second half, or
   * two calls already on the lines): `callId`'s far end gets a REFER with Replaces naming `otherId`.
   */
  completeTransfer(callId: string, otherId: string): Result {
    const other = this.calls.get(otherId);
    return this.calls.act(callId, (call) => {
      const label = other ? other.snapshot().remoteName || other.snapshot().remoteNumber : '';
      const uri = other?.state === CallState.Established ? replacesUri(other.session) : undefined;
      if (!other || !uri || call === other) return fail(phoneError('transferFailed', label, t('call.transfer.notAnswered')));
      const here = call.snapshot().remoteName || call.snapshot().remoteNumber;
      other.handingOver(here);
      const started = call.transfer(uri, label, 'connected', {
        confirmed: () => other.handedOver(),
        failed: () => other.handingOver(null),
      });
      if (!started.ok) other.handingOver(null);
      return started;
    });
  }

  /** Attended transfer given up: the consult call ends and the caller is taken off hold. */
  cancelConsult(consultId: string): Result {
    return this.calls.act(consultId, (consult) => {
      const original = consult.snapshot().consultFor;
      consult.hangup();
      if (original) this.calls.get(original)?.setHold(false);
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

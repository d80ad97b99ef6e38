import { Inviter, SessionState, type Invitation, type URI } from 'sip.js';
import { phoneError, type PhoneError } from '../errors';
import { t } from '../i18n';
import type { Result } from '../result';
import { newCall, outcomeOf } from './call-outcome';
import type { CallHooks } from './deps';
import { isDtmf, sendDtmfByInfo } from './dtmf';
import { setupError, type MediaHandler } from './media';
import { reinvite } from './reinvite';
import { referAndConfirm, type ReferOutcome, type ReferWait } from './refer';
import { CallState, canMoveCall, type CallOutcome } from './states';
import type { CallDirection, CallSnapshot } from './types';

/** One call and its SIP session: turns SIP.js events into our CallState machine. */
export class CallSession {
  readonly id: string;
  private snap: CallSnapshot;
  private error: PhoneError | null = null;
  private rejectedWith: number | null = null;
  private cancelled = false;
  private transferred = false;
  /** Stops waiting for the outcome of a REFER in flight. */
  private stopTransferWait: () => void = () => undefined;
  private dtmfQueue: Promise<void> = Promise.resolve();
  private holdPending = false;
  private dropped = false;
  private recoveryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly session: Inviter | Invitation,
    direction: CallDirection,
    remoteNumber: string,
    remoteName: string,
    private readonly hooks: CallHooks,
  ) {
    this.id = session.id;
    this.snap = newCall(session.id, direction, remoteNumber, remoteName, hooks.now());
    session.stateChange.addListener((state) => this.onSessionState(state));
    session.delegate = {
      // We do not follow REFERs sent to us: a PBX-side transfer of our own call is not asked for.
      onRefer: (referral) => void referral.reject().catch(() => undefined),
    };
  }

  get state(): CallState {
    return this.snap.state;
  }

  setRemoteName(name: string): void {
    this.snap.remoteName = name;
  }

  snapshot(): CallSnapshot {
    return { ...this.snap, error: this.error };
  }

  private move(next: CallState): void {
    if (!canMoveCall(this.snap.state, next)) {
      this.hooks.logger.warn(`call ${this.snap.state} -> ${next} refused`);
      return;
    }
    this.snap.state = next;
    this.hooks.onChange();
  }

  private media(): MediaHandler | undefined {
    return this.session.sessionDescriptionHandler as MediaHandler | undefined;
  }

  startOutgoing(): void {
    if (!(this.session instanceof Inviter)) return;
    this.session
      .invite({
        requestDelegate: {
          onProgress: (response) => {
            const code = response.message.statusCode;
            if (code === 180 || code === 183) this.move(CallState.Ringing);
          },
          onReject: (response) => {
            const { statusCode = 0, reasonPhrase = '' } = response.message;
            this.snap.endCode = statusCode;
            this.snap.endReason = reasonPhrase;
            if (statusCode !== 487 || !this.cancelled) {
              this.error = phoneError('callRejected', reasonPhrase, String(statusCode));
            }
          },
        },
      })
      .catch((e: unknown) => {
        this.error = setupError(e);
        this.finish('failed');
      });
  }

  answer(): void {
    if (this.session instanceof Inviter || this.snap.state !== CallState.Incoming) return;
    this.session
      .accept({ sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } })
      .catch((e: unknown) => {
        this.error = setupError(e);
        this.finish('failed');
      });
  }

  /** Busy (486) because do not disturb is on: Recent says so. */
  rejectForDnd(): void {
    this.snap.doNotDisturb = true;
    this.reject(486);
  }

  /** Decline (603) or busy (486) an incoming call. */
  reject(statusCode: 486 | 603): void {
    if (this.session instanceof Inviter || this.snap.state !== CallState.Incoming) return;
    this.rejectedWith = statusCode;
    this.session.reject({ statusCode }).catch((e: unknown) => this.hooks.logger.debug('reject failed', e));
  }

  hangup(): void {
    const session = this.session;
    switch (this.snap.state) {
      case CallState.Established:
      case CallState.Transferring:
        session.bye().catch(() => this.finish(this.outcomeNow()));
        break;
      case CallState.Dialing:
      case CallState.Ringing:
        if (session instanceof Inviter) {
          this.cancelled = true;
          session.cancel().catch(() => this.finish('cancelled'));
        }
        break;
      case CallState.Incoming:
        this.reject(603);
        break;
      case CallState.Ended:
        break;
    }
  }

  setMuted(muted: boolean): void {
    this.snap.muted = muted;
    this.sendMicrophone();
    this.hooks.onChange();
  }

  get conference(): string | undefined {
    return this.snap.conference;
  }

  /**
   * Joins a conference (`group`) or leaves it (null). While in one, the call sends a mix, not the
   * microphone itself: the phone host mutes the microphone feeding the mix (conference-mixer.ts).
   */
  setConference(group: string | null): void {
    if (group) this.snap.conference = group;
    else delete this.snap.conference;
    this.hooks.onChange();
  }

  /** Sends the microphone unless muted or on hold; in a conference the mix is left alone (see setConference). */
  private sendMicrophone(): void {
    if (!this.snap.conference) this.media()?.enableSenderTracks?.(!this.snap.muted && !this.snap.held);
  }

  setHold(held: boolean): void {
    if (this.snap.state !== CallState.Established || this.snap.held === held || this.holdPending) return;
    this.holdPending = true;
    reinvite(this.session, { hold: held }, {
      accepted: () => {
        this.holdPending = false;
        this.snap.held = held;
        this.media()?.enableReceiverTracks?.(!held);
        this.sendMicrophone();
        this.hooks.onChange();
      },
      refused: () => {
        this.holdPending = false;
        this.hooks.onChange();
      },
    });
  }

  /** RFC 4733 when the far end negotiated telephone-event, SIP INFO otherwise. */
  sendDtmf(digits: string): void {
    if (this.snap.state !== CallState.Established || !isDtmf(digits)) return;
    const viaRtp = this.media()?.sendDtmf?.(digits, { duration: 100, interToneGap: 70 }) === true;
    this.snap.dtmfMode = viaRtp ? 'rfc4733' : 'info';
    this.hooks.onChange();
    if (viaRtp) return;
    this.dtmfQueue = this.dtmfQueue.then(() => sendDtmfByInfo(this.session, digits, this.hooks.logger));
  }

  /**
   * Transfer by REFER. Blind (`accepted`): the far end took the job once it answers 202 or sends its
   * first NOTIFY, and our leg ends then, whether or not the target answers. Attended (`connected`,
   * a Replaces target): our leg ends once the far ends are connected. A refusal keeps the call and says why.
   */
  transfer(target: URI, label: string, wait: ReferWait = 'accepted', other?: ReferOutcome): Result<undefined> {
    if (this.snap.state !== CallState.Established) {
      return { ok: false, error: phoneError('transferFailed', label, t('call.transfer.notAnswered')) };
    }
    this.snap.transferTarget = label;
    this.error = null;
    this.move(CallState.Transferring);
    this.stopTransferWait = referAndConfirm(this.session, target, wait, {
      confirmed: () => {
        this.transferred = true;
        other?.confirmed();
        this.session.bye().catch(() => this.finish('transferred'));
      },
      failed: (reason) => {
        other?.failed(reason);
        if (this.snap.state !== CallState.Transferring) return;
        this.error = phoneError('transferFailed', label, reason);
        this.snap.transferTarget = null;
        this.move(CallState.Established);
      },
    });
    return { ok: true, value: undefined };
  }

  /** Marks this call as a consult call for `callId` (the caller on hold). */
  consultFor(callId: string): void {
    this.snap.consultFor = callId;
  }

  /**
   * This call's far end is being connected to `label` (attended transfer: it gets an INVITE with
   * Replaces naming this call). If it hangs up on us meanwhile, that is the Replaces at work, so
   * the call counts as transferred; `null` when the transfer failed.
   */
  handingOver(label: string | null): void {
    this.snap.transferTarget = label;
  }

  /** The other leg of an attended transfer: its far end now talks to ours; we leave if still here. */
  handedOver(): void {
    this.transferred = true;
    if (this.snap.state === CallState.Established) this.session.bye().catch(() => this.finish('transferred'));
  }

  /**
   * The WebSocket dropped under this call. An answered call waits (saying so) for the phone to
   * register again and restore it; one still ringing cannot complete its INVITE any more and
   * ends now. Either way the screen never stays on a call that is gone.
   */
  connectionLost(): void {
    if (this.snap.state === CallState.Transferring) {
      // The REFER's outcome will not reach us on the old connection; the call itself is still answered.
      this.stopTransferWait();
      this.error = phoneError('transferFailed', this.snap.transferTarget ?? '', t('call.lost.transfer'));
      this.snap.transferTarget = null;
      this.move(CallState.Established);
    }
    switch (this.snap.state) {
      case CallState.Transferring:
      case CallState.Established:
        if (this.snap.reconnecting) return;
        this.snap.reconnecting = true;
        this.recoveryTimer = setTimeout(
          () => this.drop(t('call.lost.notBack', String(Math.round(this.hooks.recoveryMs / 1000)))),
          this.hooks.recoveryMs,
        );
        this.hooks.onChange();
        return;
      case CallState.Dialing:
      case CallState.Ringing:
      case CallState.Incoming:
        this.drop(t('call.lost.unanswered'));
        return;
      case CallState.Ended:
        return;
    }
  }

  /** After a transport reconnect: re-INVITE with an ICE restart so media flows again. */
  refreshMedia(): void {
    if (this.snap.state !== CallState.Established) return;
    this.holdPending = false; // a hold re-INVITE in flight was lost with the old connection
    reinvite(this.session, { hold: this.snap.held, offerOptions: { iceRestart: true } }, {
      accepted: () => {
        this.clearRecovery();
        if (this.snap.reconnecting) {
          this.snap.reconnecting = false;
          this.hooks.onChange();
        }
      },
      refused: (why) => this.drop(t('call.lost.refused', why)),
    });
  }

  /** Ends the call because its connection is gone: tells the far end if the wire still allows it. */
  private drop(why: string): void {
    if (this.snap.state === CallState.Ended) return;
    this.clearRecovery();
    this.dropped = true;
    this.snap.reconnecting = false;
    this.error = phoneError('callDropped', why);
    const ignore = (e: unknown) => this.hooks.logger.debug('could not tell the far end', e);
    try {
      const session = this.session;
      if (this.snap.state === CallState.Established) session.bye().catch(ignore);
      else if (session instanceof Inviter) session.cancel().catch(ignore);
      else session.reject({ statusCode: 480 }).catch(ignore);
    } catch (e) {
      ignore(e);
    }
    this.finish(this.outcomeNow());
  }

  private clearRecovery(): void {
    if (this.recoveryTimer) clearTimeout(this.recoveryTimer);
    this.recoveryTimer = null;
  }

  private onSessionState(state: SessionState): void {
    if (state === SessionState.Established) {
      this.snap.answeredAt = this.hooks.now();
      this.error = null;
      this.move(CallState.Established);
      this.hooks.onMedia(this.id, this.session);
    } else if (state === SessionState.Terminated) {
      // SIP.js terminates before it rejects invite()/accept(); wait one turn so a media
      // error from that rejection is part of how the call ended.
      setTimeout(() => this.finish(this.outcomeNow()), 0);
    }
  }

  private outcomeNow(): CallOutcome {
    const { dropped, rejectedWith, cancelled } = this;
    const transferred = this.transferred || (this.snap.transferTarget !== null && this.snap.state === CallState.Established);
    return outcomeOf(this.snap, { transferred, dropped, rejectedWith, cancelled, failed: this.error !== null });
  }

  private finish(outcome: CallOutcome): void {
    if (this.snap.state === CallState.Ended) return;
    this.stopTransferWait();
    this.clearRecovery();
    this.snap.reconnecting = false;
    this.snap.outcome = outcome;
    this.snap.endedAt = this.hooks.now();
    this.move(CallState.Ended);
    this.hooks.onEnded(this.snapshot());
  }
}

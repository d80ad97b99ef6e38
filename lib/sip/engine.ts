import {
  Inviter,
  Registerer,
  RegistererState,
  UserAgent,
  type Invitation,
  type LogConnector,
  type Session,
  type SessionDescriptionHandlerFactory,
  type UserAgentOptions,
  type URI,
} from 'sip.js';
import { phoneError, type PhoneError } from '../errors';
import type { Logger } from '../log';
import { isSafeDialNumber, type DialTarget } from '../phone-number';
import { reconnectDelay } from './backoff';
import { fastIceFactory } from './fast-ice';
import { CallSession } from './call-session';
import { Registration, canMoveRegistration, CallState } from './states';
import { fail, ok, type Result } from '../result';
import type { CallSnapshot, PhoneSnapshot, SipConfig } from './types';

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
  random?: () => number;
  now?: () => number;
  /** How long an answered call may wait for a lost connection to come back (default 15 s). */
  callRecoveryMs?: number;
}


/**
 * SIP.js waits up to 5 s for ICE by default and asks Google's STUN server; we ask none (the
 * PBX is reached directly or anchors media) and stop gathering at the first usable candidate
 * (see fast-ice.ts); this timeout is only the fallback.
 */
const ICE_GATHERING_TIMEOUT_MS = 500;
const ICE_SERVERS: RTCIceServer[] = [];
const REGISTER_EXPIRES_S = 300;
/**
 * An answered call outlives a lost WebSocket this long: enough for a few reconnect attempts
 * (the backoff is capped at 4 s) and the re-INVITE, short enough that nobody talks into a dead line.
 */
export const CALL_RECOVERY_MS = 15_000;
const STOP_WAIT_MS = 3_000;

/**
 * The SIP phone: one user agent, one registration, any number of calls. Imports no browser API;
 * the host gives it a transport and media, the tests give it in-memory ones.
 */
/**
 * The SIP URI for a dial target. Targets come normalised (E.164 or a short extension), but this
 * is the last door before the wire: anything else (`;`, `<`, `@`, spaces, CR/LF…) never becomes a
 * URI, whoever built the target.
 */
function targetUri(target: DialTarget, domain: string): URI | undefined {
  return isSafeDialNumber(target.number) ? UserAgent.makeURI(`sip:${target.number}@${domain}`) : undefined;
}

export class PhoneEngine {
  private config: SipConfig | null = null;
  private ua: UserAgent | null = null;
  private registerer: Registerer | null = null;
  private registration = Registration.Unconfigured;
  private error: PhoneError | null = null;
  private attempt = 0;
  private everConnected = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private registerInFlight = false;
  /** Set when the WebSocket dropped: live calls need new media paths once registered again. */
  private mediaStale = false;
  private generation = 0;
  private readonly calls = new Map<string, CallSession>();
  private readonly now: () => number;

  constructor(private readonly deps: EngineDeps) {
    this.now = deps.now ?? Date.now;
  }

  snapshot(): PhoneSnapshot {
    const calls = [...this.calls.values()].map((c) => c.snapshot());
    calls.sort((a, b) => Number(a.state === CallState.Ended) - Number(b.state === CallState.Ended));
    return {
      registration: this.registration,
      error: this.error,
      reconnectAttempt: this.attempt,
      calls,
      aor: this.config ? `sip:${this.config.username}@${this.config.domain}` : '',
    };
  }

  /** (Re)starts with a config. A config with a missing part leaves the phone Unconfigured. */
  async start(config: SipConfig | null, missing: string[] = []): Promise<void> {
    await this.stopUserAgent();
    this.config = config;
    this.attempt = 0;
    this.everConnected = false;
    if (!config || missing.length > 0) {
      const onlySecret = missing.length === 1 && missing[0] === 'secret';
      this.setRegistration(
        Registration.Unconfigured,
        onlySecret ? phoneError('missingSecret') : phoneError('missingParameter', missing.join(', ')),
      );
      return;
    }
    this.setRegistration(Registration.Connecting, null);
    await this.connect(this.generation);
  }

  async stop(): Promise<void> {
    await this.stopUserAgent();
    this.setRegistration(Registration.Stopped, null);
  }

  /**
   * The browser lost its network. The WebSocket may take minutes to notice (TCP does not), so
   * the phone says so now, closes it and retries until the network is back.
   */
  networkOffline(): void {
    const live = [Registration.Registered, Registration.Registering, Registration.Connecting, Registration.Reconnecting];
    if (!this.ua || !live.includes(this.registration)) return;
    this.onDisconnect(new Error('the browser is offline'));
    // Closed on purpose: SIP.js reports it without an error, which onDisconnect ignores.
    this.ua.transport.disconnect().catch((e: unknown) => this.deps.logger.debug('disconnect failed', e));
  }

  /** The network came back: skip the backoff wait. */
  networkOnline(): void {
    if (this.registration === Registration.Reconnecting && this.ua) {
      this.clearRetry();
      void this.connect(this.generation);
    }
  }

  private buildUserAgent(config: SipConfig): UserAgent {
    const uri = UserAgent.makeURI(`sip:${config.username}@${config.domain}`);
    if (!uri) throw new Error('bad account URI');
    const logger = this.deps.logger;
    const logConnector: LogConnector = (level, category, _label, content) => {
      if (level === 'error') logger.warn(category, content);
      else logger.debug(category, content);
    };
    const options: UserAgentOptions = {
      uri,
      authorizationUsername: config.authorizationUser || config.username,
      authorizationPassword: config.secret,
      displayName: config.displayName || undefined,
      instanceId: config.instanceId,
      instanceIdAlwaysAdded: true,
      contactName: config.contactName,
      // The Contact's host too stays the same across restarts of the phone (SIP.js would pick a
      // random one): a recreated phone then replaces its registration instead of adding one.
      viaHost: `${config.contactName}.invalid`,
      logBuiltinEnabled: false,
      logConnector,
      logLevel: 'debug',
      // We run our own reconnect loop (SIP.js's gives up and is deprecated).
      reconnectionAttempts: 0,
      transportOptions: { server: config.wsUrl, connectionTimeout: 5 },
      sessionDescriptionHandlerFactoryOptions: {
        iceGatheringTimeout: ICE_GATHERING_TIMEOUT_MS,
        peerConnectionConfiguration: { iceServers: ICE_SERVERS },
      },
      userAgentString: 'Softphone-Extension/0.1 (SIP.js 0.21)',
      delegate: {
        onInvite: (invitation) => this.onInvite(invitation),
        onDisconnect: (error) => this.onDisconnect(error),
      },
    };
    if (this.deps.transportConstructor) options.transportConstructor = this.deps.transportConstructor;
    options.sessionDescriptionHandlerFactory =
      this.deps.sessionDescriptionHandlerFactory ?? fastIceFactory(ICE_SERVERS);
    return new UserAgent(options);
  }

  private async connect(generation: number): Promise<void> {
    const config = this.config;
    if (!config || generation !== this.generation) return;
    if (!this.ua) {
      try {
        this.ua = this.buildUserAgent(config);
      } catch {
        this.setRegistration(Registration.Unconfigured, phoneError('missingParameter', 'domain'));
        return;
      }
    }
    const ua = this.ua;
    try {
      if (ua.isConnected()) {
        // already connected: just register
      } else if (this.everConnected || this.attempt > 0) {
        await ua.reconnect();
      } else {
        await ua.start();
      }
    } catch (e) {
      if (generation !== this.generation) return;
      this.deps.logger.debug('connect failed', e);
      this.scheduleReconnect();
      return;
    }
    if (generation !== this.generation) return;
    this.everConnected = true;
    this.attempt = 0;
    this.register(generation);
  }

  private register(generation: number): void {
    if (!this.ua || !this.config) return;
    if (!this.registerer) {
      const fresh = new Registerer(this.ua, { expires: REGISTER_EXPIRES_S });
      this.registerer = fresh;
      fresh.stateChange.addListener((state) => {
        if (generation !== this.generation || this.registerer !== fresh) return;
        if (state === RegistererState.Registered) {
          this.onRegistered();
        } else if (state === RegistererState.Unregistered && this.registration === Registration.Registered) {
          // A refresh failed on its own (e.g. the server forgot us): register again.
          this.register(generation);
        }
      });
    }
    if (this.registerInFlight) return;
    this.registerInFlight = true;
    const registerer = this.registerer;
    // An answer for a Registerer abandoned with its connection (see onDisconnect) is ignored.
    const current = () => generation === this.generation && this.registerer === registerer;
    const settle = () => {
      if (this.registerer === registerer) this.registerInFlight = false;
    };
    this.setRegistration(Registration.Registering, null);
    registerer
      .register({
        requestDelegate: {
          onAccept: () => {
            settle();
            // The Registerer's own state may not change (still "Registered" from before a
            // reconnect), so the 200 OK itself is what tells us we are registered.
            if (current()) this.onRegistered();
          },
          onReject: (response) => {
            settle();
            if (!current()) return;
            const { statusCode = 0, reasonPhrase = '' } = response.message;
            const reason = `${statusCode} ${reasonPhrase}`;
            const error =
              statusCode === 401 || statusCode === 403 || statusCode === 407
                ? phoneError('authFailed', reason)
                : phoneError('internal', `Registration refused: ${reason}`);
            this.setRegistration(Registration.Failed, error);
          },
        },
      })
      .catch((e: unknown) => {
        settle();
        if (!current()) return;
        this.deps.logger.debug('register failed', e);
        this.scheduleReconnect();
      });
  }

  private onRegistered(): void {
    this.setRegistration(Registration.Registered, null);
    if (this.mediaStale) this.restoreMediaAfterReconnect();
  }

  private onDisconnect(error?: Error): void {
    if (!error) return; // a disconnect we asked for
    this.deps.logger.debug('transport lost', error);
    this.mediaStale = true;
    for (const call of this.liveCalls()) call.connectionLost();
    if (this.registerInFlight) {
      // Its answer went with the old connection, and SIP.js refuses a new REGISTER until that one
      // times out (32 s): register on the new connection with a fresh Registerer instead.
      this.registerInFlight = false;
      this.registerer = null;
    }
    if (this.registration === Registration.Failed || this.registration === Registration.Stopped) return;
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.retryTimer) return;
    this.attempt += 1;
    const error = this.everConnected
      ? phoneError('websocketLost', String(this.attempt))
      : phoneError('userAgentStart', this.config?.wsUrl ?? '');
    this.setRegistration(Registration.Reconnecting, error);
    const generation = this.generation;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect(generation);
    }, reconnectDelay(this.attempt, this.deps.random));
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** After a new WebSocket, calls need a re-INVITE with an ICE restart or they go silent. */
  private restoreMediaAfterReconnect(): void {
    this.mediaStale = false;
    for (const call of this.calls.values()) call.refreshMedia();
  }

  private async stopUserAgent(): Promise<void> {
    this.generation += 1;
    this.clearRetry();
    const ua = this.ua;
    const registerer = this.registerer;
    this.ua = null;
    this.registerer = null;
    this.registerInFlight = false;
    for (const call of this.calls.values()) call.hangup();
    this.calls.clear();
    if (!ua) return;
    try {
      if (registerer && ua.isConnected()) await registerer.unregister().catch(() => undefined);
      // SIP.js's stop waits for any abandoned REGISTER to time out; ours is unregistered already.
      await Promise.race([
        ua.stop().catch((e: unknown) => this.deps.logger.debug('stop failed', e)),
        new Promise((r) => setTimeout(r, STOP_WAIT_MS)),
      ]);
    } catch (e) {
      this.deps.logger.debug('stop failed', e);
    }
  }

  private setRegistration(next: Registration, error: PhoneError | null): void {
    if (!canMoveRegistration(this.registration, next)) {
      this.deps.logger.warn(`registration ${this.registration} -> ${next} refused`);
      return;
    }
    this.registration = next;
    this.error = error;
    this.emit();
  }

  private emit(): void {
    this.deps.onChange(this.snapshot());
  }

  private liveCalls(): CallSession[] {
    return [...this.calls.values()].filter((c) => c.state !== CallState.Ended);
  }

  private dropEndedCalls(): void {
    for (const [id, call] of this.calls) if (call.state === CallState.Ended) this.calls.delete(id);
  }

  private track(call: CallSession): void {
    this.dropEndedCalls();
    this.calls.set(call.id, call);
    this.emit();
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
    if (this.liveCalls().length > 0 && !this.config.callWaiting) return fail(phoneError('busy'));
    const uri = targetUri(target, this.config.domain);
    if (!uri) return fail(phoneError('incorrectNumber', target.number));
    for (const other of this.liveCalls()) other.setHold(true);
    const inviter = new Inviter(this.ua, uri, {
      sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } },
      earlyMedia: true,
    });
    const call = new CallSession(inviter, 'outgoing', target.number, '', this.callHooks());
    this.track(call);
    call.startOutgoing();
    return ok(call.id);
  }

  private onInvite(invitation: Invitation): void {
    const busy = this.liveCalls().length > 0 && !this.config?.callWaiting;
    // A PBX's asserted identity (P-Asserted-Identity) is the caller's real number when present.
    const identity = invitation.assertedIdentity ?? invitation.remoteIdentity;
    const call = new CallSession(
      invitation,
      'incoming',
      identity.uri.user ?? '',
      identity.displayName ?? '',
      this.callHooks(),
    );
    this.track(call);
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

  private find(callId: string): Result<CallSession> {
    const call = this.calls.get(callId);
    return call ? ok(call) : fail(phoneError('internal', 'No such call.'));
  }

  answer(callId: string): Result<undefined> {
    const found = this.find(callId);
    if (!found.ok) return found;
    for (const other of this.liveCalls()) if (other !== found.value) other.setHold(true);
    found.value.answer();
    return ok(undefined);
  }

  decline(callId: string): Result<undefined> {
    const found = this.find(callId);
    if (!found.ok) return found;
    found.value.reject(603);
    return ok(undefined);
  }

  hangup(callId: string): Result<undefined> {
    const found = this.find(callId);
    if (!found.ok) return found;
    found.value.hangup();
    return ok(undefined);
  }

  setMute(callId: string, muted: boolean): Result<undefined> {
    const found = this.find(callId);
    if (!found.ok) return found;
    found.value.setMuted(muted);
    return ok(undefined);
  }

  setHold(callId: string, held: boolean): Result<undefined> {
    const found = this.find(callId);
    if (!found.ok) return found;
    found.value.setHold(held);
    return ok(undefined);
  }

  sendDtmf(callId: string, digits: string): Result<undefined> {
    const found = this.find(callId);
    if (!found.ok) return found;
    found.value.sendDtmf(digits);
    return ok(undefined);
  }

  transfer(callId: string, target: DialTarget): Result<undefined> {
    const found = this.find(callId);
    if (!found.ok) return found;
    const uri = this.config && targetUri(target, this.config.domain);
    if (!uri) return fail(phoneError('incorrectNumber', target.number));
    return found.value.transfer(uri, target.number);
  }

  dismiss(callId: string): void {
    const call = this.calls.get(callId);
    if (call?.state === CallState.Ended) {
      this.calls.delete(callId);
      this.emit();
    }
  }

  /** For tests and diagnostics. */
  sessionOf(callId: string): Session | undefined {
    return this.calls.get(callId)?.session;
  }
}


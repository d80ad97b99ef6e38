/**
 * The phone's line to its PBX: one user agent over one WebSocket, one registration, and our own
 * reconnect loop (SIP.js's is deprecated and gives up). The engine (engine.ts) adds the calls.
 * Registration states and their moves are written down in states.ts.
 */
import { Registerer, RegistererState, UserAgent, type Invitation, type LogConnector, type UserAgentOptions } from 'sip.js';
import { phoneError, type PhoneError } from '../errors';
import { reconnectDelay } from './backoff';
import { NO_ICE, fastIceFactory, gatheringTimeoutMs } from './fast-ice';
import { HeardWebSocketTransport, KEEP_ALIVE, type HeardTransport } from './heard-transport';
import { DEFAULT_LINE_TIMING, LineWatch } from './line-watch';
import { registerRefusal } from './register-refusal';
import { Registration, canMoveRegistration } from './states';
import type { PhoneSnapshot, SipConfig } from './types';
import type { EngineDeps } from './deps';

const REGISTER_EXPIRES_S = 300;
const STOP_WAIT_MS = 3_000;

/**
 * A REGISTER (ours or SIP.js's own refresh) awaits its answer. SIP.js 0.21 has the getter but
 * types it private; while it is true the Registerer refuses another REGISTER ("already in
 * progress") until the first times out, 32 s later.
 */
const isWaiting = (registerer: Registerer): boolean => (registerer as unknown as { waiting: boolean }).waiting;

export abstract class SipConnection {
  protected config: SipConfig | null = null;
  protected ua: UserAgent | null = null;
  protected registerer: Registerer | null = null;
  protected registration = Registration.Unconfigured;
  protected error: PhoneError | null = null;
  protected attempt = 0;
  protected everConnected = false;
  protected retryTimer: ReturnType<typeof setTimeout> | null = null;
  protected registerInFlight = false;
  protected generation = 0;
  /** When the current connection attempt started: the backoff runs from one start to the next. */
  private attemptStartedAt = 0;
  /** The keep-alive of the open connection (line-watch.ts); null while there is none. */
  private watch: LineWatch | null = null;

  constructor(protected readonly deps: EngineDeps) {}

  abstract snapshot(): PhoneSnapshot;
  /** A call came in. */
  protected abstract onInvite(invitation: Invitation): void;
  /** The WebSocket dropped with calls perhaps live. */
  protected abstract onTransportLost(): void;
  /** Registered (again). */
  protected abstract onRegisteredAgain(): void;
  /** The user agent is being stopped: its calls end with it. */
  protected abstract endAllCalls(): void;

  /** Ends every subscription (voicemail, colleagues) while the line is still up, before un-REGISTER. */
  protected async endSubscriptions(): Promise<void> {}

  /** (Re)starts with a config. A config with a missing part leaves the phone Unconfigured. */
  async start(config: SipConfig | null, missing: string[] = []): Promise<void> {
    const generation = this.generation + 1;
    await this.stopUserAgent();
    // A newer start (the user saved twice in a row) came while this one stopped the old agent:
    // the newer one wins, whole, rather than this one's account with the other's address.
    if (generation !== this.generation) return;
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
    await this.connect(generation);
  }

  async stop(): Promise<void> {
    const generation = this.generation + 1;
    await this.stopUserAgent();
    if (generation === this.generation) this.setRegistration(Registration.Stopped, null);
  }

  /**
   * The browser lost its network. The WebSocket may take minutes to notice (TCP does not), so
   * the phone says so now, closes it and retries until the network is back.
   */
  networkOffline(): void {
    const live = [Registration.Registered, Registration.Registering, Registration.Connecting, Registration.Reconnecting];
    if (!this.ua || !live.includes(this.registration)) return;
    this.lineDead('the browser is offline');
  }

  /**
   * The network came back, or changed under a connection that looks fine: reconnect now rather
   * than after the backoff wait, or check the open connection with a keep-alive.
   */
  networkOnline(): void {
    if (this.registration === Registration.Reconnecting && this.ua) this.reconnectNow();
    else this.watch?.probe();
  }

  /**
   * The user asked (Try again, or saved the settings): a refused account is tried again, a
   * reconnect waiting for its backoff goes now, a registered phone checks its line.
   */
  retryNow(): void {
    if (this.registration === Registration.Failed && this.config) void this.start(this.config);
    else this.networkOnline();
  }

  /**
   * The connection carries nothing (no answer to a keep-alive, a REGISTER timed out, the browser
   * is offline, the computer slept): calls are told, it is closed, and a new one is made.
   */
  protected lineDead(reason: string): void {
    const ua = this.ua;
    if (!ua) return;
    this.deps.logger.warn('connection dead:', reason);
    this.onDisconnect(new Error(reason));
    // Closed on purpose: SIP.js reports it without an error, which onDisconnect ignores.
    ua.transport.disconnect().catch((e: unknown) => this.deps.logger.debug('disconnect failed', e));
  }

  private reconnectNow(): void {
    this.clearRetry();
    void this.connect(this.generation);
  }

  /** Watches the open connection: keep-alives, and a sleep noticed on waking. */
  private watchLine(ua: UserAgent): void {
    this.watch?.stop();
    const watch = new LineWatch(this.deps.lineTiming ?? DEFAULT_LINE_TIMING, {
      ping: () => void ua.transport.send(KEEP_ALIVE).catch((e: unknown) => this.deps.logger.debug('keep-alive not sent', e)),
      dead: (reason) => this.lineDead(reason),
      woke: () => {
        this.lineDead('the computer slept');
        this.reconnectNow();
      },
      wall: this.deps.now ?? Date.now,
      monotonic: this.deps.monotonic ?? (() => performance.now()),
    });
    (ua.transport as HeardTransport).onHeard = () => watch.heard();
    this.watch = watch;
    watch.start();
  }

  private unwatchLine(): void {
    this.watch?.stop();
    this.watch = null;
  }

  protected buildUserAgent(config: SipConfig): UserAgent {
    const uri = UserAgent.makeURI(`sip:${config.username}@${config.domain}`);
    if (!uri) throw new Error('bad account URI');
    const logger = this.deps.logger;
    const ice = config.ice ?? NO_ICE;
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
      // SIP.js waits up to 5 s for ICE by default and asks Google's STUN server; we ask only the
      // servers the user set (none by default) and stop gathering at the first candidate that can
      // work (fast-ice.ts); the timeout is only the fallback.
      sessionDescriptionHandlerFactoryOptions: {
        iceGatheringTimeout: gatheringTimeoutMs(ice),
        peerConnectionConfiguration: { iceServers: ice.iceServers, iceTransportPolicy: ice.relayOnly ? 'relay' : 'all' },
      },
      userAgentString: 'Softphone-Extension/0.1 (SIP.js 0.21)',
      delegate: {
        onInvite: (invitation) => this.onInvite(invitation),
        onDisconnect: (error) => this.onDisconnect(error),
      },
    };
    options.transportConstructor = this.deps.transportConstructor ?? HeardWebSocketTransport;
    options.sessionDescriptionHandlerFactory =
      this.deps.sessionDescriptionHandlerFactory ?? fastIceFactory(ice, this.deps.mediaStreamFactory);
    return new UserAgent(options);
  }

  protected async connect(generation: number): Promise<void> {
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
    this.attemptStartedAt = Date.now();
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
    if (!this.watch) this.watchLine(ua);
    this.register(generation);
  }

  protected register(generation: number): void {
    if (!this.ua || !this.config) return;
    if (!this.registerer) {
      const fresh = new Registerer(this.ua, { expires: REGISTER_EXPIRES_S });
      this.registerer = fresh;
      fresh.stateChange.addListener((state) => {
        if (generation !== this.generation || this.registerer !== fresh) return;
        if (state === RegistererState.Registered) {
          this.onRegistered();
        } else if (state === RegistererState.Unregistered && this.registration === Registration.Registered) {
          // A refresh failed on its own (the server forgot us, or it timed out): check the line,
          // and register again.
          this.watch?.probe();
          this.register(generation);
        }
      });
    }
    // One REGISTER at a time: its answer (or its timeout) decides what comes next. SIP.js's own
    // refresh may be the one waiting; a second would be refused with "already in progress".
    if (this.registerInFlight || isWaiting(this.registerer)) return;
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
            const refusal = registerRefusal(statusCode, reasonPhrase);
            if (refusal.kind === 'final') this.setRegistration(Registration.Failed, refusal.error);
            else if (refusal.kind === 'deadLine') this.lineDead(refusal.reason);
            else this.scheduleReconnect(refusal.error);
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

  protected onRegistered(): void {
    this.setRegistration(Registration.Registered, null);
    this.onRegisteredAgain();
  }

  protected onDisconnect(error?: Error): void {
    if (!error) return; // a disconnect we asked for
    this.deps.logger.debug('transport lost', error);
    this.unwatchLine();
    this.onTransportLost();
    if (this.registerInFlight || (this.registerer && isWaiting(this.registerer))) {
      // Its answer went with the old connection, and SIP.js refuses a new REGISTER until that one
      // times out (32 s): register on the new connection with a fresh Registerer instead.
      this.registerInFlight = false;
      this.registerer = null;
    }
    if (this.registration === Registration.Failed || this.registration === Registration.Stopped) return;
    this.scheduleReconnect();
  }

  /**
   * The next attempt, `reconnectDelay` after the start of the last one: an attempt that itself
   * waited (a WebSocket that never opened, 5 s) is followed by the next at once, so there is
   * always one under way while the line is down and the phone is back soon after the line.
   */
  protected scheduleReconnect(why?: PhoneError): void {
    if (this.retryTimer) return;
    this.attempt += 1;
    const error =
      why ??
      (this.everConnected
        ? phoneError('websocketLost', String(this.attempt))
        : phoneError('userAgentStart', this.config?.wsUrl ?? ''));
    this.setRegistration(Registration.Reconnecting, error);
    const generation = this.generation;
    const spent = Math.max(0, Date.now() - this.attemptStartedAt);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect(generation);
    }, Math.max(0, reconnectDelay(this.attempt, this.deps.random) - spent));
  }

  protected clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  protected async stopUserAgent(): Promise<void> {
    this.generation += 1;
    this.clearRetry();
    const ua = this.ua;
    const registerer = this.registerer;
    this.ua = null;
    this.registerer = null;
    this.registerInFlight = false;
    this.unwatchLine();
    this.endAllCalls();
    if (!ua) return;
    await this.endSubscriptions().catch((e: unknown) => this.deps.logger.debug('unsubscribe failed', e));
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

  protected setRegistration(next: Registration, error: PhoneError | null): void {
    if (!canMoveRegistration(this.registration, next)) {
      this.deps.logger.warn(`registration ${this.registration} -> ${next} refused`);
      return;
    }
    this.registration = next;
    this.error = error;
    this.emit();
  }

  protected emit(): void {
    this.deps.onChange(this.snapshot());
  }

}

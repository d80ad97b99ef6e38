import { Subscriber, SubscriptionState, type UserAgent, type URI } from 'sip.js';
import type { Logger } from '../log';

/** A subscription the server ended (or refused) is tried again after this long, while we are registered. */
export const RESUBSCRIBE_MS = 30_000;
/** How long a subscription runs before SIP.js refreshes it (at 90 %); servers may shorten it. */
export const SUBSCRIBE_EXPIRES_S = 600;

/**
 * One SUBSCRIBE dialog (RFC 6665) to `event` at `target`: every NOTIFY body goes to `onBody`
 * (an empty body too: the server knows nothing yet); SIP.js refreshes it before it expires; one
 * that ends (refused, terminated by the server, a refresh that failed) is made again after
 * RESUBSCRIBE_MS. `stop()` unsubscribes (SUBSCRIBE with Expires: 0) and stays stopped.
 */
export class Watch {
  private sub: Subscriber | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    private readonly ua: UserAgent,
    private readonly target: URI,
    private readonly event: string,
    private readonly accept: string,
    private readonly onBody: (body: string, contentType: string) => void,
    private readonly logger: Logger,
    private readonly resubscribeMs = RESUBSCRIBE_MS,
  ) {}

  start(): void {
    if (this.stopped) return;
    this.clearRetry();
    const sub = new Subscriber(this.ua, this.target, this.event, {
      expires: SUBSCRIBE_EXPIRES_S,
      extraHeaders: [`Accept: ${this.accept}`],
    });
    this.sub = sub;
    sub.delegate = {
      onNotify: (notification) => {
        notification.accept().catch(() => undefined);
        if (this.sub !== sub) return;
        const req = notification.request;
        this.onBody(req.body ?? '', (req.getHeader('Content-Type') ?? '').trim().toLowerCase());
      },
    };
    sub.stateChange.addListener((state) => {
      if (state !== SubscriptionState.Terminated || this.sub !== sub || this.stopped) return;
      this.logger.debug(`subscription to ${this.event} of ${this.target.user ?? ''} ended; trying again later`);
      this.sub = null;
      this.retry = setTimeout(() => this.start(), this.resubscribeMs);
    });
    sub.subscribe().catch((e: unknown) => this.logger.debug(`SUBSCRIBE ${this.event} failed`, e));
  }

  /** A new dialog now (the old one went with a lost connection): the old one is dropped without a word. */
  restart(): void {
    if (this.stopped) return;
    const old = this.sub;
    this.sub = null;
    void old?.dispose().catch(() => undefined);
    this.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clearRetry();
    const sub = this.sub;
    this.sub = null;
    if (!sub) return;
    await sub.unsubscribe().catch(() => undefined);
    await sub.dispose().catch(() => undefined);
  }

  private clearRetry(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
  }
}

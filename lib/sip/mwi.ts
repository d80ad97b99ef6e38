import type { UserAgent, URI } from 'sip.js';
import type { Logger } from '../log';
import { parseMessageSummary, type MessageSummary } from './message-summary';
import { Watch } from './watch';

export const MESSAGE_SUMMARY = 'application/simple-message-summary';

/**
 * Voicemail waiting (RFC 3842): a subscription to event `message-summary` for our own address
 * while registered. Holds the last summary the server sent; a body that is not one is logged and
 * changes nothing.
 */
export class Mailbox {
  private watch: Watch | null = null;
  private summary: MessageSummary | null = null;

  constructor(
    private readonly logger: Logger,
    private readonly onChange: () => void,
    private readonly resubscribeMs?: number,
  ) {}

  /** The last summary, or null before the server said anything (or when it knows nothing). */
  get state(): MessageSummary | null {
    return this.summary;
  }

  /** Registered (again): subscribe, or renew a dialog that a lost connection took with it. */
  start(ua: UserAgent, aor: URI, fresh: boolean): void {
    if (this.watch && !fresh) return;
    if (this.watch) {
      this.watch.restart();
      return;
    }
    this.watch = new Watch(ua, aor, 'message-summary', MESSAGE_SUMMARY, (body, type) => this.onBody(body, type), this.logger, this.resubscribeMs);
    this.watch.start();
  }

  async stop(): Promise<void> {
    const watch = this.watch;
    this.watch = null;
    this.set(null);
    await watch?.stop();
  }

  private onBody(body: string, contentType: string): void {
    // An empty NOTIFY: the server has nothing for this mailbox (yet).
    if (body.trim() === '') return this.set(null);
    const summary = contentType.startsWith(MESSAGE_SUMMARY) ? parseMessageSummary(body) : null;
    if (!summary) {
      this.logger.debug(`message-summary NOTIFY ignored: not a summary (${contentType || 'no type'}, ${body.length} bytes)`);
      return;
    }
    this.set(summary);
  }

  private set(summary: MessageSummary | null): void {
    if (JSON.stringify(summary) === JSON.stringify(this.summary)) return;
    this.summary = summary;
    this.onChange();
  }
}

import { UserAgent } from 'sip.js';
import type { Logger } from '../log';
import { isSafeDialNumber } from '../phone-number';
import { parseDialogInfo, type LineState } from './dialog-info';
import { Watch } from './watch';

export const DIALOG_INFO = 'application/dialog-info+xml';
/** At most this many colleagues are watched at once (the transfer list shows five). */
export const MAX_WATCHED = 8;

/** What the widget shows for a colleague: the PBX's word, or unknown until it has said one. */
export type ColleagueState = LineState | 'unknown';

/**
 * Colleagues' lines (RFC 4235, event `dialog`), watched only while someone looks at them: the
 * transfer field asks for the extensions it lists, and for none when it closes. A body that is
 * not a dialog-info document is logged and changes nothing.
 */
export class Colleagues {
  private readonly watches = new Map<string, Watch>();
  private readonly states = new Map<string, ColleagueState>();

  constructor(
    private readonly logger: Logger,
    private readonly onChange: () => void,
    private readonly resubscribeMs?: number,
  ) {}

  /** Each watched extension's state (empty when none is watched). */
  snapshot(): Record<string, ColleagueState> {
    return Object.fromEntries(this.states);
  }

  /** Watches exactly these extensions (the first MAX_WATCHED safe ones); the others are unsubscribed. */
  watch(ua: UserAgent | null, domain: string, extensions: string[]): void {
    const wanted = [...new Set(extensions.filter((e) => isSafeDialNumber(e)))].slice(0, MAX_WATCHED);
    for (const ext of [...this.watches.keys()]) if (!wanted.includes(ext)) this.drop(ext);
    if (!ua) return this.onChange();
    for (const ext of wanted) {
      if (this.watches.has(ext)) continue;
      const uri = UserAgent.makeURI(`sip:${ext}@${domain}`);
      if (!uri) continue;
      const w = new Watch(ua, uri, 'dialog', DIALOG_INFO, (body, type) => this.onBody(ext, body, type), this.logger, this.resubscribeMs);
      this.watches.set(ext, w);
      this.states.set(ext, 'unknown');
      w.start();
    }
    this.onChange();
  }

  /** Registered again after a lost connection: every dialog is made anew. */
  restart(): void {
    for (const w of this.watches.values()) w.restart();
  }

  async stop(): Promise<void> {
    const all = [...this.watches.values()];
    this.watches.clear();
    this.states.clear();
    this.onChange();
    await Promise.all(all.map((w) => w.stop()));
  }

  private drop(ext: string): void {
    void this.watches.get(ext)?.stop();
    this.watches.delete(ext);
    this.states.delete(ext);
  }

  private onBody(ext: string, body: string, contentType: string): void {
    if (!this.watches.has(ext)) return;
    const state = body.trim() === '' ? 'unknown' : contentType.startsWith(DIALOG_INFO) ? parseDialogInfo(body) : null;
    if (!state) {
      this.logger.debug(`dialog NOTIFY for ${ext} ignored: not dialog-info (${contentType || 'no type'}, ${body.length} bytes)`);
      return;
    }
    if (this.states.get(ext) === state) return;
    this.states.set(ext, state);
    this.onChange();
  }
}

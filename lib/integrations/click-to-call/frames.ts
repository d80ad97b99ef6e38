/**
 * A frame follows the page it is in. "Disable on this site" and the page's own opt-out are about
 * the site in the address bar, so a frame's script (a map, a chat, an ad from another site) goes
 * by the tab's top page, not by its own address.
 */
import { optedOut } from './opt-out';

/**
 * The site (host name, as `siteOf` gives it) of the tab's top page's URL, as this frame can know it:
 * its own for the top frame; else Chromium's `location.ancestorOrigins` (its last entry is the
 * top page's origin, given by the browser: the page cannot change it); else the top page's own
 * address where it is readable (same origin). `undefined`: not known (Firefox has no
 * `ancestorOrigins`, and a cross-origin top cannot be read); the caller must then assume the worst.
 */
export function topPageUrl(win: Window): string | undefined {
  if (win === win.top) return win.location.href;
  const ancestors = win.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[ancestors.length - 1];
  try {
    return win.top?.location.href;
  } catch {
    return undefined;
  }
}

/** What frames say to each other: "the page I am in opted out"; and "did it?". */
const OFF = 'softphone:page-off';
const ASK = 'softphone:page-off?';

/**
 * The page's opt-out (`<meta name="softphone" content="off">`) reaches its frames, of any origin.
 * A frame reads the pages it is in where it can (same origin), and otherwise is told by its
 * parent's script with a message. A page can send that message itself: it can only turn our
 * buttons off in the frames it holds, which is its choice to make anyway; nothing a page sends
 * ever turns them on. `onOff` is called once, when this frame learns it is in an opted-out page.
 */
export class PageOptOut {
  private off = false;

  constructor(private readonly win: Window, signal: AbortSignal, private readonly onOff: () => void) {
    win.addEventListener('message', (ev) => this.onMessage(ev), { signal });
    if (win !== win.top) {
      try {
        win.parent.postMessage(ASK, '*');
      } catch {
        // A parent that cannot be messaged tells nothing.
      }
    }
  }

  get isOff(): boolean {
    return this.off;
  }

  /** Reads this document's opt-out, and those of the same-origin pages around it. */
  check(doc: Document): boolean {
    if (this.off) return true;
    if (optedOut(doc)) return this.turnOff(), true;
    for (let w: Window = this.win; w !== w.top; w = w.parent) {
      try {
        if (optedOut(w.parent.document)) return this.turnOff(), true;
      } catch {
        break; // Cross-origin: its script tells, by message.
      }
    }
    return false;
  }

  private onMessage(ev: MessageEvent): void {
    if (ev.data === ASK && this.off) (ev.source as Window | null)?.postMessage(OFF, '*');
    else if (ev.data === OFF && ev.source === this.win.parent && this.win !== this.win.top) this.turnOff();
  }

  /** Off for good: told to every frame this one holds (and they tell theirs). */
  private turnOff(): void {
    if (this.off) return;
    this.off = true;
    for (let i = 0; i < this.win.frames.length; i++) this.win.frames[i]?.postMessage(OFF, '*');
    this.onOff();
  }
}

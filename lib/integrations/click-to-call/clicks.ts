/**
 * What a click on a call button or a tel:/callto: link does. A call goes out only on a plain
 * left click the user made (`isTrusted`), on something they saw where they clicked (`seen.ts`),
 * and, for a button, while the number it was placed after is still the one written before it
 * (`shown.ts`). A refused click on our button is swallowed (it never reaches the page, and a
 * button whose number is gone is taken out); a refused click on a link is left to the page.
 */
import { numberOfHost, writtenBefore } from './marker';
import { clickSeen, VisibilityWatch } from './seen';
import { stillBeside } from './shown';

export type Send = (msg: { type: 'cs:dial'; number: string } | { type: 'cs:dialLink'; href: string }) => void;

/** A plain left click with no modifier, made by the user (not by a script on the page). */
function isUserClick(ev: MouseEvent): boolean {
  return ev.isTrusted && ev.button === 0 && !ev.ctrlKey && !ev.metaKey && !ev.shiftKey && !ev.altKey;
}

const TEL = /^(?:tel|callto):/i;

function telLinkIn(path: EventTarget[]): HTMLAnchorElement | undefined {
  const link = path.find((n): n is HTMLAnchorElement => (n as Element).localName === 'a' && (n as Element).hasAttribute('href'));
  return link && TEL.test(link.getAttribute('href')?.trim() ?? '') ? link : undefined;
}

export class ClickHandler {
  private readonly watch: VisibilityWatch;

  /** `inFrame`: the browser's visibility answer counts for links too (a frame can be faded or covered by the page around it). */
  constructor(view: Window & typeof globalThis, private readonly send: Send, private readonly inFrame = view !== view.top) {
    this.watch = new VisibilityWatch(view);
  }

  /** The pointer came over, or focus came to, something that may be clicked next: the browser starts watching it. */
  approach(ev: Event): void {
    const path = ev.composedPath();
    const host = path.find((n) => numberOfHost(n) !== undefined) as Element | undefined;
    const target = host ?? (this.inFrame ? telLinkIn(path) : undefined);
    if (target) this.watch.watch(target);
  }

  /** One listener, first in the capture phase, for every call button and tel:/callto: link. */
  click(ev: MouseEvent): void {
    const path = ev.composedPath();
    const host = path.find((n) => numberOfHost(n) !== undefined) as HTMLElement | undefined;
    if (host) {
      ev.preventDefault();
      ev.stopPropagation();
      if (!isUserClick(ev)) return;
      if (!stillBeside(host, writtenBefore(host))) {
        // Its number is no longer beside it (changed, or the button moved): it goes.
        host.remove();
        return;
      }
      const number = numberOfHost(host);
      if (number && clickSeen(host, ev, 'host') && this.watch.visible(host) !== false) this.send({ type: 'cs:dial', number });
      return;
    }
    if (!isUserClick(ev) || ev.defaultPrevented) return;
    const link = telLinkIn(path);
    if (!link || !clickSeen(link, ev, 'link') || (this.inFrame && this.watch.visible(link) === false)) return;
    ev.preventDefault();
    this.send({ type: 'cs:dialLink', href: (link.getAttribute('href') ?? '').trim().slice(0, 256) });
  }

  stop(): void {
    this.watch.stop();
  }
}

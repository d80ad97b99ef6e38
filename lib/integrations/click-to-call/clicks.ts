/**
 * What a click on a call button or a tel:/callto: link does. Only a plain left click the user
 * made (`isTrusted`) asks for a call, and for a button only while the number it was placed after
 * is still the one written before it (`shown.ts`; else the button is taken out). The request says
 * whether the user saw what they clicked where they clicked (`seen.ts`, and the browser's own
 * answer where it gives one): a click that was not seen is not dropped, nor ever placed at once:
 * the background asks first, on every site (lib/background/page-calls.ts). A click on our button
 * never reaches the page; a user's click on a tel: link is the softphone's (its default is
 * prevented), one made by a script is left to the page.
 */
import { numberOfHost, writtenBefore } from './marker';
import { clickSeen, VisibilityWatch, type ClickedKind } from './seen';
import { stillBeside } from './shown';

export type Send = (msg: { type: 'cs:dial'; number: string; seen: boolean } | { type: 'cs:dialLink'; href: string; seen: boolean }) => void;

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
  private stopped = false;

  constructor(view: Window & typeof globalThis, private readonly send: Send) {
    this.watch = new VisibilityWatch(view);
  }

  /**
   * The pointer came over, or focus came to, something that may be clicked next: the browser
   * starts watching it. Only the user's own input counts (a page's made-up events could push
   * what is watched out of the few watched at once).
   */
  approach(ev: Event): void {
    if (!ev.isTrusted) return;
    const path = ev.composedPath();
    const target = (path.find((n) => numberOfHost(n) !== undefined) as Element | undefined) ?? telLinkIn(path);
    if (target) this.watch.watch(target);
  }

  /** Read now (where the click landed, what is drawn there); then the browser's answer, where it gives one. */
  private judged(el: Element, ev: MouseEvent, kind: ClickedKind, then: (seen: boolean) => void): void {
    const seen = clickSeen(el, ev, kind);
    if (!seen || !this.watch.supported) then(seen);
    else void this.watch.answer(el).then((visible) => this.stopped || then(visible));
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
      if (number) this.judged(host, ev, 'host', (seen) => this.send({ type: 'cs:dial', number, seen }));
      return;
    }
    if (!isUserClick(ev) || ev.defaultPrevented) return;
    const link = telLinkIn(path);
    if (!link) return;
    ev.preventDefault();
    const href = (link.getAttribute('href') ?? '').trim().slice(0, 256);
    this.judged(link, ev, 'link', (seen) => this.send({ type: 'cs:dialLink', href, seen }));
  }

  stop(): void {
    this.stopped = true;
    this.watch.stop();
  }
}

/**
 * Whether the user saw what they clicked: a page must not be able to put a call under a click
 * meant for something else. Read at click time only (nothing per number while scanning): the
 * clicked call button or tel: link is the topmost thing where the click landed (for a key press:
 * in the viewport, and topmost there), nothing the pointer goes through is drawn over that point
 * (covered.ts), it is drawn (not transparent, hidden, or drawing nothing), and it is a sane size
 * (a call button stretched over the page, or a link covering most of it, is a trap). Where the
 * browser can tell (IntersectionObserver v2, Chromium), it must also not be covered, faded or
 * distorted: `VisibilityWatch`. A click that is not seen is not lost: it asks first (clicks.ts).
 */
import { drawnOver, opacityOf, type Point } from './covered';

/** Our button is 18 px square; the page's CSS may stretch its host: beyond this it is a trap. */
const MAX_HOST_PX = 48;
const MIN_HOST_PX = 8;
/** A link covering more than this share of the viewport catches clicks meant for the page. */
const MAX_LINK_SHARE = 0.3;
const MIN_OPACITY = 0.1;
const TRANSPARENT = /^(?:transparent|rgba\([^)]*[,/]\s*0(?:\.0*)?\))$/;
const MEDIA = 'img,svg,picture,canvas,video,object,embed,input,button';

export type ClickedKind = 'host' | 'link';

/** Whether a link draws something a user can see: readable text, a background, or an image. */
function drawsSomething(link: Element, view: Window): boolean {
  const cs = view.getComputedStyle(link);
  if (!TRANSPARENT.test(cs.backgroundColor) || cs.backgroundImage !== 'none') return true;
  if (link.querySelector(MEDIA)) return true;
  const texts = [link, ...link.querySelectorAll('*')].slice(0, 64);
  return texts.some((el) => {
    const s = el === link ? cs : view.getComputedStyle(el);
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && (n as Text).data.trim() !== '');
    if (el !== link && (!TRANSPARENT.test(s.backgroundColor) || s.backgroundImage !== 'none')) return true;
    return own && !TRANSPARENT.test(s.color) && Number.parseFloat(s.fontSize) >= 4;
  });
}

/** Where the click is read: where it landed, or, from a key press (no pointer), the middle of the element's first box in the viewport. */
function pointOf(el: Element, ev: MouseEvent, view: Window): Point | null {
  if (ev.detail > 0) return { x: ev.clientX, y: ev.clientY };
  for (const r of el.getClientRects()) {
    const left = Math.max(0, r.left);
    const right = Math.min(view.innerWidth, r.right);
    const top = Math.max(0, r.top);
    const bottom = Math.min(view.innerHeight, r.bottom);
    if (right - left >= 1 && bottom - top >= 1) return { x: (left + right) / 2, y: (top + bottom) / 2 };
  }
  return null;
}

/** Whether a trusted click on `el` (our button's host, or a tel:/callto: link) is one the user saw. */
export function clickSeen(el: Element, ev: MouseEvent, kind: ClickedKind): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const box = el.getBoundingClientRect();
  if (kind === 'host') {
    if (box.width > MAX_HOST_PX || box.height > MAX_HOST_PX || box.width < MIN_HOST_PX || box.height < MIN_HOST_PX) return false;
  } else if (box.width * box.height > MAX_LINK_SHARE * view.innerWidth * view.innerHeight || !drawsSomething(el, view)) {
    return false;
  }
  const at = pointOf(el, ev, view);
  if (!at) return false;
  const root = el.getRootNode() as Document | ShadowRoot;
  const top = (root.elementsFromPoint ? root.elementsFromPoint(at.x, at.y) : [])[0];
  if (!top || (top !== el && !(kind === 'link' && el.contains(top)))) return false;
  if (view.getComputedStyle(el).visibility !== 'visible') return false;
  return opacityOf(el, view) >= MIN_OPACITY && !drawnOver(el, at);
}

const watchable = () => typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
/** Elements watched at once: the few the pointer or focus came to last. */
const MAX_WATCHED = 16;
/**
 * How long a click waits for the browser's first answer about what it landed on (it comes with
 * the next frame or two; a page nobody sees renders none): after this, no answer is a no.
 */
export const ANSWER_WAIT_MS = 1_000;

/**
 * IntersectionObserver v2 (`trackVisibility`): the browser's own word on whether an element is
 * drawn uncovered (by anything painted over it, `pointer-events: none` or not), unfaded and
 * undistorted on screen. An element is watched from when the pointer comes over it or it gets
 * focus, so the answer is there by the time of the click; a click that comes first waits for it
 * (`answer`). Chromium's answer is conservative (any overlap, even a transparent one, is a no).
 */
export class VisibilityWatch {
  private readonly io: IntersectionObserver | null = null;
  private readonly seen = new WeakMap<Element, boolean>();
  private readonly waiting = new Map<Element, ((visible: boolean) => void)[]>();
  private readonly watched: Element[] = [];

  constructor(view: Window & typeof globalThis) {
    if (!watchable()) return;
    const callback: IntersectionObserverCallback = (entries) => {
      for (const e of entries) {
        const visible = (e as IntersectionObserverEntry & { isVisible?: boolean }).isVisible === true;
        this.seen.set(e.target, visible);
        const waiters = this.waiting.get(e.target) ?? [];
        this.waiting.delete(e.target);
        for (const resolve of waiters) resolve(visible);
      }
    };
    try {
      this.io = new view.IntersectionObserver(callback, { trackVisibility: true, delay: 100 } as IntersectionObserverInit);
    } catch {
      this.io = null;
    }
  }

  watch(el: Element): void {
    if (!this.io || this.watched.includes(el)) return;
    this.io.observe(el);
    this.watched.push(el);
    const old = this.watched.length > MAX_WATCHED ? this.watched.shift() : undefined;
    if (old) {
      this.io.unobserve(old);
      this.seen.delete(old);
    }
  }

  /** Whether the browser gives answers here (Chromium). */
  get supported(): boolean {
    return this.io !== null;
  }

  /** The browser's answer for `el`, waiting for the first one if need be; false when none comes in time. */
  answer(el: Element, waitMs = ANSWER_WAIT_MS): Promise<boolean> {
    const known = this.seen.get(el);
    if (known !== undefined || !this.io) return Promise.resolve(known === true);
    this.watch(el);
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(false), waitMs);
      const done = (visible: boolean) => {
        clearTimeout(timer);
        const others = (this.waiting.get(el) ?? []).filter((w) => w !== done);
        if (others.length > 0) this.waiting.set(el, others);
        else this.waiting.delete(el);
        resolve(visible);
      };
      this.waiting.set(el, [...(this.waiting.get(el) ?? []), done]);
    });
  }

  stop(): void {
    this.io?.disconnect();
    const waiters = [...this.waiting.values()].flat();
    this.waiting.clear();
    for (const resolve of waiters) resolve(false);
  }
}

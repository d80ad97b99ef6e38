/**
 * Whether the user saw what they clicked: a page must not be able to put a call under a click
 * meant for something else. Read at click time only (nothing per number while scanning): the
 * clicked call button or tel: link is the topmost thing where the click landed (for a key press:
 * in the viewport, and topmost there), it is drawn (not transparent, hidden, or drawing nothing),
 * and it is a sane size (a call button stretched over the page, or a link covering most of it,
 * is a trap). Where the browser can tell (IntersectionObserver v2, Chromium), it must also not
 * be covered, faded or distorted: `VisibilityWatch`.
 */

/** Our button is 18 px square; the page's CSS may stretch its host: beyond this it is a trap. */
const MAX_HOST_PX = 48;
const MIN_HOST_PX = 8;
/** A link covering more than this share of the viewport catches clicks meant for the page. */
const MAX_LINK_SHARE = 0.3;
const MIN_OPACITY = 0.1;
const TRANSPARENT = /^(?:transparent|rgba\([^)]*[,/]\s*0(?:\.0*)?\))$/;
const MEDIA = 'img,svg,picture,canvas,video,object,embed,input,button';

export type ClickedKind = 'host' | 'link';

/** The element's parent, across shadow roots. */
function up(el: Element): Element | null {
  return el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
}

/** How opaque the element is drawn: its opacity (and `opacity()` filters) times its ancestors'. */
function opacityOf(el: Element, view: Window): number {
  let opacity = 1;
  for (let e: Element | null = el; e && opacity >= MIN_OPACITY; e = up(e)) {
    const cs = view.getComputedStyle(e);
    opacity *= Number.parseFloat(cs.opacity || '1');
    for (const m of (cs.filter || '').matchAll(/opacity\(\s*([\d.]+)(%?)\s*\)/g)) opacity *= Number(m[1]) / (m[2] ? 100 : 1);
  }
  return opacity;
}

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
function pointOf(el: Element, ev: MouseEvent, view: Window): { x: number; y: number } | null {
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
  return opacityOf(el, view) >= MIN_OPACITY;
}

const watchable = () => typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
/** Elements watched at once: the few the pointer or focus came to last. */
const MAX_WATCHED = 16;

/**
 * IntersectionObserver v2 (`trackVisibility`): the browser's own word on whether an element is
 * drawn uncovered, unfaded and undistorted on screen. It needs to be watching before the click,
 * so an element is watched from when the pointer comes over it or it gets focus; a click that
 * comes before the first answer is judged by `clickSeen` alone.
 */
export class VisibilityWatch {
  private readonly io: IntersectionObserver | null = null;
  private readonly seen = new WeakMap<Element, boolean>();
  private readonly watched: Element[] = [];

  constructor(view: Window & typeof globalThis) {
    if (!watchable()) return;
    const callback: IntersectionObserverCallback = (entries) => {
      for (const e of entries) this.seen.set(e.target, (e as IntersectionObserverEntry & { isVisible?: boolean }).isVisible === true);
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

  /** false: the browser says it is not visible; undefined: no answer (not watched yet, or no v2). */
  visible(el: Element): boolean | undefined {
    return this.seen.get(el);
  }

  stop(): void {
    this.io?.disconnect();
  }
}

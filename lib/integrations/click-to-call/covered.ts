/**
 * Whether the page draws something over a point of a call button or tel: link while letting
 * the pointer through (`pointer-events: none`): a sheet showing the page's own "Continue" where
 * the user clicks, with a tel: link under it. `elementsFromPoint` never returns such elements, so
 * they are found here by walking the page's elements whose box holds the point (reading boxes is
 * cheap once layout is done; styles are read only for the few that hold it). An element that the
 * pointer does not go through is left to `elementsFromPoint` (seen.ts).
 *
 * Conservative, as a refused click only asks first (the confirmation): something drawn at the
 * point counts whether it is painted above or below, and a positioned `::before`/`::after` of an
 * element around the target counts wherever it is. Not seen by the walk: pseudo-elements of other
 * elements, and closed shadow roots where the browser gives no way into them (Chromium: there,
 * IntersectionObserver v2 gives the browser's own answer, which sees both).
 */
import { HOST_TAG } from './runs';

/** Past this many elements the walk stops and says "covered": the click is confirmed. */
const MAX_WALKED = 30_000;
const MIN_OPACITY = 0.1;
const TRANSPARENT = /^(?:transparent|rgba\([^)]*[,/]\s*0(?:\.0*)?\))$/;
/** Elements that draw by themselves (an image, a control, a frame). */
const SELF_DRAWN = new Set(['img', 'svg', 'picture', 'canvas', 'video', 'object', 'embed', 'iframe', 'input', 'button', 'select', 'textarea', 'meter', 'progress']);

export interface Point {
  x: number;
  y: number;
}

/** The element's parent, across shadow roots. */
export function up(el: Element): Element | null {
  return el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
}

/** A shadow root, closed ones too where the browser lets a content script in (Firefox). */
function shadowOf(el: Element): ShadowRoot | null {
  return (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ?? el.shadowRoot;
}

function holds(r: DOMRect, at: Point): boolean {
  return r.width > 0 && r.height > 0 && at.x >= r.left && at.x <= r.right && at.y >= r.top && at.y <= r.bottom;
}

/** How opaque the element is drawn: its opacity (and `opacity()` filters) times its ancestors'. */
export function opacityOf(el: Element, view: Window): number {
  let opacity = 1;
  for (let e: Element | null = el; e && opacity >= MIN_OPACITY; e = up(e)) {
    const cs = view.getComputedStyle(e);
    opacity *= Number.parseFloat(cs.opacity || '1');
    for (const m of (cs.filter || '').matchAll(/opacity\(\s*([\d.]+)(%?)\s*\)/g)) opacity *= Number(m[1]) / (m[2] ? 100 : 1);
  }
  return opacity;
}

/** A box's own paint: a background, an image, a visible border. */
function paintsBox(cs: CSSStyleDeclaration): boolean {
  if (!TRANSPARENT.test(cs.backgroundColor) || cs.backgroundImage !== 'none') return true;
  return ['Top', 'Right', 'Bottom', 'Left'].some((s) => Number.parseFloat(cs.getPropertyValue(`border-${s.toLowerCase()}-width`)) > 0 && !TRANSPARENT.test(cs.getPropertyValue(`border-${s.toLowerCase()}-color`)));
}

/** Whether the element's own text is drawn at the point. */
function textAt(el: Element, cs: CSSStyleDeclaration, at: Point): boolean {
  if (TRANSPARENT.test(cs.color) || Number.parseFloat(cs.fontSize) < 4) return false;
  const range = el.ownerDocument.createRange();
  for (const n of el.childNodes) {
    if (n.nodeType !== Node.TEXT_NODE || (n as Text).data.trim() === '') continue;
    range.selectNodeContents(n);
    if ([...range.getClientRects()].some((r) => holds(r, at))) return true;
  }
  return false;
}

/** What the pointer goes through and is drawn, by its computed style. */
function ghostly(cs: CSSStyleDeclaration): boolean {
  return cs.pointerEvents === 'none' && cs.visibility === 'visible';
}

/** A `::before`/`::after` of `el` laid over its box (absolute or fixed), drawn, that the pointer goes through. */
function ghostPseudo(el: Element, view: Window): boolean {
  for (const which of ['::before', '::after']) {
    const cs = view.getComputedStyle(el, which);
    if (cs.content === 'none' || cs.content === 'normal' || !ghostly(cs)) continue;
    if (cs.position !== 'absolute' && cs.position !== 'fixed') continue;
    if (Number.parseFloat(cs.opacity || '1') < MIN_OPACITY) continue;
    const text = cs.content.replace(/^["']|["']$/g, '').trim() !== '' && !TRANSPARENT.test(cs.color);
    if (paintsBox(cs) || text) return true;
  }
  return false;
}

/** Whether `target`, clicked at `at`, has something drawn over that point that the pointer goes through. */
export function drawnOver(target: Element, at: Point): boolean {
  const doc = target.ownerDocument;
  const view = doc.defaultView;
  if (!view) return true;
  const around = new Set<Element>();
  for (let e = up(target); e; e = up(e)) around.add(e);
  for (const e of around) if (opacityOf(e, view) >= MIN_OPACITY && ghostPseudo(e, view)) return true;
  const roots: ParentNode[] = [doc];
  let walked = 0;
  for (let i = 0; i < roots.length; i++) {
    for (const el of (roots[i] as ParentNode).querySelectorAll('*')) {
      if (++walked > MAX_WALKED) return true;
      // Our buttons' insides are ours: not walked into.
      if (el.localName === HOST_TAG) continue;
      const shadow = shadowOf(el);
      if (shadow) roots.push(shadow);
      if (el === target || around.has(el) || target.contains(el) || !holds(el.getBoundingClientRect(), at)) continue;
      const cs = view.getComputedStyle(el);
      const drawn = ghostPseudo(el, view) || (ghostly(cs) && (SELF_DRAWN.has(el.localName) || paintsBox(cs) || textAt(el, cs, at)));
      if (drawn && opacityOf(el, view) >= MIN_OPACITY) return true;
    }
  }
  return false;
}

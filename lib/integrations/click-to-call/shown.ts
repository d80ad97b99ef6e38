/**
 * The number dialled is the number the user sees. A page can make its text say one thing and
 * show another: digits drawn at `font-size:0`, hidden or transparent, or digits drawn by CSS
 * (`::before { content: "7" }`) that are in no text node. A number is marked only where every
 * digit of its text is drawn and no drawn digit is missing from its text; and a button dials
 * only while the text right before it is still the number it was placed after (a page may move
 * the button next to another number, or change the number under it).
 */
import { HOST_TAG, INLINE, isSkipped, type Piece } from './runs';

const DIGIT = /\d/;
/** Below this size (px) a digit cannot be read. */
const MIN_FONT_PX = 4;
const MIN_OPACITY = 0.1;
const TRANSPARENT = /^(?:transparent|rgba\([^)]*[,/]\s*0(?:\.0*)?\))$/;
/** Generated content that may draw a digit: a digit in a string, a counter, an attribute's value. */
const DRAWS_DIGITS = /\d|counter|attr\(/;

type Styles = (el: Element, pseudo?: string) => CSSStyleDeclaration;

/** Whether text directly in an element of this style can be read: visible, big enough, not transparent. */
function readable(cs: CSSStyleDeclaration): boolean {
  if (cs.visibility !== '' && cs.visibility !== 'visible') return false;
  if (Number.parseFloat(cs.fontSize) < MIN_FONT_PX) return false;
  // Transparent text with a background drawn through it (gradient headings) is seen.
  return !TRANSPARENT.test(cs.color.trim()) || cs.backgroundClip === 'text' || cs.getPropertyValue('-webkit-background-clip') === 'text';
}

/** Whether an inline element inside a number hides its part: not drawn, faded out, or taken out of the line (moved away, `sr-only`). */
function hides(cs: CSSStyleDeclaration): boolean {
  return cs.display === 'none' || Number.parseFloat(cs.opacity) < MIN_OPACITY || cs.position === 'absolute' || cs.position === 'fixed';
}

/** Whether the number at [start, end) of a run's text begins or ends it (the block's own generated content would touch it). */
export function atRunEdge(text: string, start: number, end: number): boolean {
  let i = start;
  while (i > 0 && text.charCodeAt(i - 1) <= 32) i--;
  let j = end;
  while (j < text.length && text.charCodeAt(j) <= 32) j++;
  return i === 0 || j === text.length;
}

/** Whether CSS draws a digit before or after `el`'s content (its `::before` / `::after`). */
function generatesDigits(el: Element, style: Styles): boolean {
  for (const pseudo of ['::before', '::after']) {
    const content = style(el, pseudo).content;
    if (!content || content === 'none' || content === 'normal') continue;
    if (DRAWS_DIGITS.test(content.replace(/url\([^)]*\)/g, ''))) return true;
  }
  return false;
}

/** The node after `node` in document order (its first child, else the next sibling up the tree). */
function following(node: Node): Node | null {
  if (node.firstChild) return node.firstChild;
  for (let n: Node | null = node; n; n = n.parentNode) if (n.nextSibling) return n.nextSibling;
  return null;
}

/**
 * Whether the digits drawn for these pieces of text are exactly the digits they hold: every
 * digit drawn, and none added by CSS on the inline elements they are in, between them, or just
 * beside them, nor by their block where the number begins or ends it (`atBlockEdge`). A block
 * hidden whole hides the button after the number too: only the number's own parts are read.
 */
export function shownAsWritten(pieces: Piece[], atBlockEdge = true): boolean {
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  const view = first?.node.ownerDocument.defaultView;
  if (!first || !last || !view) return false;
  const style: Styles = (el, pseudo) => view.getComputedStyle(el, pseudo);
  const checked = new Set<Node>();
  const hidden = new Map<Element, boolean>();
  const addsDigits = (node: Node | null) => {
    if (!node || node.nodeType !== 1 || checked.has(node)) return false;
    checked.add(node);
    return (node as Element).localName !== HOST_TAG && generatesDigits(node as Element, style);
  };
  const hiding = (el: Element) => hidden.get(el) ?? hidden.set(el, hides(style(el))).get(el);
  for (const { node, from, to } of pieces) {
    const parent = node.parentElement;
    if (!parent) return false;
    const digits = DIGIT.test(node.data.slice(from, to));
    if (digits && !readable(style(parent))) return false;
    for (let el: Element | null = parent; el; el = el.parentElement) {
      if (!INLINE.has(el.localName)) {
        if (atBlockEdge && addsDigits(el)) return false;
        break;
      }
      if ((digits && hiding(el)) || addsDigits(el)) return false;
    }
  }
  // (Walked only between two of its text nodes: `last` comes after `first`.)
  if (first.node !== last.node) for (let n = following(first.node); n && n !== last.node; n = following(n)) if (addsDigits(n)) return false;
  // The elements right before and after the number: their generated content touches it.
  return !addsDigits(first.from === 0 ? first.node.previousSibling : null) && !addsDigits(last.to === last.node.length ? last.node.nextSibling : null);
}

/** Whether a text node's characters are part of the inline run that ends in `block`. */
function inRun(node: Node, block: Node): boolean {
  for (let el = node.parentElement; el && el !== block; el = el.parentElement) if (!INLINE.has(el.localName) || isSkipped(el)) return false;
  return true;
}

/** The nearest ancestor of `node` that is not inline (or the shadow root it is in): a run never crosses it. */
function blockAround(node: Node): Node | null {
  let el = node.parentElement;
  if (!el) return node.parentNode;
  while (el.parentElement && INLINE.has(el.localName)) el = el.parentElement;
  return INLINE.has(el.localName) && el.parentNode ? el.parentNode : el;
}

/**
 * Whether the text right before `host` (a call button) is still `written`, the number as it was
 * when the button was placed after it, drawn as written, and not the tail of a longer number.
 */
export function stillBeside(host: Element, written: string): boolean {
  const block = blockAround(host);
  if (!block || written === '') return false;
  const walker = host.ownerDocument.createTreeWalker(block, 1 | 4);
  walker.currentNode = host;
  const pieces: Piece[] = [];
  let text = '';
  for (let n = walker.previousNode(); n && text.length <= written.length; n = walker.previousNode()) {
    if (n.nodeType === 3) {
      if (!inRun(n, block)) break;
      const data = (n as Text).data;
      text = data + text;
      pieces.unshift({ node: n as Text, from: 0, to: data.length });
    } else if ((n as Element).localName === 'br') break;
  }
  if (!text.endsWith(written) || DIGIT.test(text.charAt(text.length - written.length - 1))) return false;
  // Only the part that is the number is read for how it is drawn.
  let skip = text.length - written.length;
  for (const piece of pieces) {
    const take = Math.min(skip, piece.to - piece.from);
    piece.from += take;
    skip -= take;
  }
  return shownAsWritten(pieces.filter((p) => p.to > p.from));
}

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
const TRANSPARENT = /^(?:transparent|rgba\([^)]*[,/]\s*0(?:\.0*)?\))$/;
/** Generated content that may draw a digit: a digit in a string, a counter, an attribute's value. */
const DRAWS_DIGITS = /\d|counter|attr\(/;

type Styles = (el: Element, pseudo?: string) => CSSStyleDeclaration;

/** Whether text directly in `el` is drawn where a user can read it. */
function drawn(el: Element, style: Styles): boolean {
  const check = (el as { checkVisibility?: (o: object) => boolean }).checkVisibility;
  if (check && !check.call(el, { visibilityProperty: true, opacityProperty: true })) return false;
  const cs = style(el);
  if (cs.display === 'none' || (cs.visibility !== '' && cs.visibility !== 'visible')) return false;
  const size = parseFloat(cs.fontSize);
  if (size < MIN_FONT_PX) return false;
  return !TRANSPARENT.test(cs.color.trim());
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

function preceding(node: Node): Node | null {
  if (!node.previousSibling) return node.parentNode;
  let n: Node = node.previousSibling;
  while (n.lastChild) n = n.lastChild;
  return n;
}

/**
 * Whether the digits drawn for these pieces of text are exactly the digits they hold: every
 * digit drawn, and none added by CSS on the elements they are in (up to their block), between
 * them, or just beside them.
 */
export function shownAsWritten(pieces: Piece[]): boolean {
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  const view = first?.node.ownerDocument.defaultView;
  if (!first || !last || !view) return false;
  const style: Styles = (el, pseudo) => view.getComputedStyle(el, pseudo);
  const checked = new Set<Node>();
  const addsDigits = (node: Node | null) => {
    if (!node || node.nodeType !== 1 || checked.has(node)) return false;
    checked.add(node);
    return (node as Element).localName !== HOST_TAG && generatesDigits(node as Element, style);
  };
  for (const { node, from, to } of pieces) {
    const parent = node.parentElement;
    if (!parent) return false;
    if (DIGIT.test(node.data.slice(from, to)) && !drawn(parent, style)) return false;
    for (let el: Element | null = parent; el && !checked.has(el); el = el.parentElement) {
      if (addsDigits(el)) return false;
      if (!INLINE.has(el.localName)) break;
    }
  }
  // (Walked only between two of its text nodes: `last` comes after `first`.)
  if (first.node !== last.node) for (let n = following(first.node); n && n !== last.node; n = following(n)) if (addsDigits(n)) return false;
  // An empty element right before or after the number, drawing a digit onto it.
  return !addsDigits(preceding(first.node)) && !addsDigits(last.to === last.node.length ? following(last.node) : null);
}

/** Whether a text node's characters are part of the inline run that ends in `block`. */
function inRun(node: Node, block: Element): boolean {
  for (let el = node.parentElement; el && el !== block; el = el.parentElement) if (!INLINE.has(el.localName) || isSkipped(el)) return false;
  return true;
}

/** The nearest ancestor of `node` that is not inline: a run never crosses it. */
function blockAround(node: Node): Element | null {
  let el = node.parentElement;
  while (el?.parentElement && INLINE.has(el.localName)) el = el.parentElement;
  return el;
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

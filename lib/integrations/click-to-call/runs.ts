/**
 * The page's visible text as runs: the text of one stretch of inline content (so a number split
 * across <b>, <span> or <i> reads as one), and a way back to its text nodes so a match can be
 * found in the DOM again. Block elements and <br> end a run; what must never be touched is not read.
 */
export interface TextRun {
  readonly text: string;
  /** The text node holding the character just before `end`, and the offset of `end` in it. */
  nodeAt(end: number): { node: Text; offset: number } | null;
  /** The run still reads as it did when it was scanned (the page may have changed it since). */
  current(): boolean;
  /** A node of the run still in the page, to read it again; null if all are gone. */
  anyNode(): Node | null;
  /** The text nodes holding [start, end) of the run's text, each with the part of it that is inside. */
  pieces(start: number, end: number): Piece[];
}

/** Part of a text node: its characters [from, to). */
export interface Piece {
  node: Text;
  from: number;
  to: number;
}

/** The parts of `nodes` (starting at `starts` in a run's text) that hold [start, end) of it. */
function piecesOf(nodes: Iterable<Text>, starts: (i: number, node: Text) => number, start: number, end: number): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  for (const node of nodes) {
    const at = starts(i++, node);
    if (at >= end) break;
    const from = Math.max(0, start - at);
    const to = Math.min(node.length, end - at);
    if (to > from) out.push({ node, from, to });
  }
  return out;
}

/** A run read node by node: its text nodes and where each starts in its text. */
export class NodeRun implements TextRun {
  constructor(readonly text: string, readonly nodes: Text[], readonly starts: number[]) {}

  nodeAt(end: number): { node: Text; offset: number } | null {
    for (let i = this.nodes.length - 1; i >= 0; i--) {
      const start = this.starts[i] ?? 0;
      const node = this.nodes[i];
      if (node && start < end) return { node, offset: end - start };
    }
    return null;
  }

  current(): boolean {
    let text = '';
    for (const node of this.nodes) {
      if (!node.isConnected) return false;
      text += node.data;
    }
    return text === this.text;
  }

  anyNode(): Node | null {
    return this.nodes.find((n) => n.isConnected) ?? null;
  }

  pieces(start: number, end: number): Piece[] {
    return piecesOf(this.nodes, (i) => this.starts[i] ?? 0, start, end);
  }
}

/** Text and CDATA nodes: the ones textContent joins. */
const SHOW_TEXT = 4 | 8;

/**
 * A block that is one run as a whole (only inline content in it): its text is read natively
 * (textContent), and its text nodes are looked up only where a button goes, from the nearer end.
 */
export class BlockRun implements TextRun {
  constructor(private readonly block: Element, readonly text: string) {}

  nodeAt(end: number): { node: Text; offset: number } | null {
    const walker = this.block.ownerDocument.createTreeWalker(this.block, SHOW_TEXT);
    if (end * 2 < this.text.length) {
      let start = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (end <= start + node.length && end > start) return { node, offset: end - start };
        start += node.length;
      }
      return null;
    }
    let after = this.text.length;
    walker.currentNode = this.block;
    for (let node = walker.lastChild() as Text | null; node; node = walker.previousNode() as Text | null) {
      const start = after - node.length;
      if (end > start && end <= after) return { node, offset: end - start };
      after = start;
    }
    return null;
  }

  current(): boolean {
    return this.block.isConnected && this.block.textContent === this.text;
  }

  anyNode(): Node | null {
    return this.block.isConnected ? this.block : null;
  }

  pieces(start: number, end: number): Piece[] {
    const walker = this.block.ownerDocument.createTreeWalker(this.block, SHOW_TEXT);
    function* nodes() {
      for (let n = walker.nextNode(); n; n = walker.nextNode()) yield n as Text;
    }
    let at = 0;
    return piecesOf(nodes(), (_, node) => (at += node.length) - node.length, start, end);
  }
}

export const HOST_TAG = 'voip-call';
export const OPT_OUT_CLASS = 'softphone-off';

export const INLINE: ReadonlySet<string> = new Set([
  'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'label', 'mark', 'q', 's',
  'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'nobr', 'big', 'tt',
]);
/** Never read: form fields, code, scripts, graphics, links and buttons (they act by themselves). */
const SKIP = new Set([
  'input', 'textarea', 'select', 'option', 'code', 'pre', 'script', 'style', 'noscript', 'svg', 'math',
  'template', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'a', 'button', 'head', 'title',
  HOST_TAG,
]);

/** Whether the element and everything in it is left alone. */
export function isSkipped(el: Element): boolean {
  if (SKIP.has(el.localName)) return true;
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden') || el.hasAttribute('contenteditable') && el.getAttribute('contenteditable') !== 'false') return true;
  if (el.getAttribute('data-softphone') === 'off') return true;
  return el.classList.contains(OPT_OUT_CLASS);
}

/** Whether `node` sits inside something left alone (for nodes found by a MutationObserver). */
export function isInsideSkipped(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (isSkipped(el)) return true;
    if (el.isContentEditable) return true;
  }
  return false;
}

/**
 * The element whose runs hold `node`'s text whole: the nearest ancestor that is not inline (a
 * block ends every run, so reading it again reads the same runs), or `stop` if that comes first.
 */
export function blockOf(node: Node, stop?: Node): Node {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && el !== stop && el.parentElement && INLINE.has(el.localName)) el = el.parentElement;
  return el ?? node.getRootNode();
}

/**
 * Walks the runs under `root` (an element, document or shadow root), open shadow roots included,
 * one run per `next()`. Iterative, with its own stack: a page can be walked a slice at a time,
 * and deep pages cost no recursion.
 */
export class RunCursor {
  /** Next node to visit at each open level; a shadow root or block ends the run around it. */
  private readonly stack: (Node | null)[];
  private text = '';
  private nodes: Text[] = [];
  private starts: number[] = [];
  /** Depths at which an entered block ends, so its end closes the run. */
  private readonly blockDepths: number[] = [];
  /** Open shadow roots the walk went into (the scanner watches them for changes). */
  readonly shadowRoots: ShadowRoot[] = [];

  /** Sibling of the first node where the walk stops (a segment of `root`'s children); null: to the end. */
  private readonly stop: Node | null;

  /** Walks `root`, or only its children from `from` up to (not including) `to`. */
  constructor(root: Node, from: Node | null = root.firstChild, to: Node | null = null) {
    this.stack = [from];
    this.stop = to;
  }

  private take(): TextRun | null {
    if (this.nodes.length === 0) return null;
    const run = new NodeRun(this.text, this.nodes, this.starts);
    this.text = '';
    this.nodes = [];
    this.starts = [];
    return run;
  }

  /** The next run, or null when the walk is done. */
  next(): TextRun | null {
    const stack = this.stack;
    while (stack.length > 0) {
      const depth = stack.length - 1;
      const node = stack[depth];
      if (!node || (depth === 0 && node === this.stop)) {
        stack.pop();
        if (this.blockDepths[this.blockDepths.length - 1] === depth) {
          this.blockDepths.pop();
          const run = this.take();
          if (run) return run;
        }
        continue;
      }
      stack[depth] = node.nextSibling;
      if (node.nodeType === 3) {
        const text = node as Text;
        this.starts.push(this.text.length);
        this.nodes.push(text);
        this.text += text.data;
        continue;
      }
      if (node.nodeType !== 1) continue;
      const el = node as Element;
      if (el.localName === 'br' || isSkipped(el)) {
        const run = this.take();
        if (run) return run;
        continue;
      }
      const inline = INLINE.has(el.localName);
      let ended: TextRun | null = null;
      if (!inline || el.shadowRoot) ended = this.take();
      if (el.shadowRoot) {
        // The shadow tree reads as its own block, before the element's own children.
        stack.push(el.firstChild);
        if (!inline) this.blockDepths.push(stack.length - 1);
        stack.push(el.shadowRoot.firstChild);
        this.shadowRoots.push(el.shadowRoot);
        this.blockDepths.push(stack.length - 1);
      } else {
        stack.push(el.firstChild);
        if (!inline) this.blockDepths.push(stack.length - 1);
      }
      if (ended) return ended;
    }
    return this.take();
  }
}

/** Every run under `root` (tests and small roots; the scanner uses a RunCursor). */
export function textRuns(root: Node): TextRun[] {
  const cursor = new RunCursor(root);
  const out: TextRun[] = [];
  for (let run = cursor.next(); run; run = cursor.next()) out.push(run);
  return out;
}

/**
 * The open shadow roots under `root` (their text is not in its textContent), leaving out those
 * inside anything left alone (an opted-out element, a form field…).
 */
export function shadowRootsIn(root: Element | Document): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const doc = root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
  // No filter callback: calling into JS for every element would cost more than the walk.
  const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
    if (el.shadowRoot && !isSkipped(el) && !isInsideSkipped(el)) out.push(el.shadowRoot);
  }
  return out;
}

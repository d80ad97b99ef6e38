/**
 * The page's visible text as runs: the text of one stretch of inline content (so a number split
 * across <b>, <span> or <i> reads as one), with each piece's text node so a match can be found
 * in the DOM again. Block elements and <br> end a run; what must never be touched is not read.
 */
export interface TextRun {
  text: string;
  nodes: Text[];
  /** Offset in `text` where each node starts. */
  starts: number[];
}

export const HOST_TAG = 'voip-call';
export const OPT_OUT_CLASS = 'softphone-off';

const INLINE = new Set([
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

  constructor(root: Node) {
    this.stack = [root.firstChild];
  }

  private take(): TextRun | null {
    if (this.nodes.length === 0) return null;
    const run = { text: this.text, nodes: this.nodes, starts: this.starts };
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
      if (!node) {
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

/** The node holding the character just before `end`, and the offset of `end` in it. */
export function nodeAt(run: TextRun, end: number): { node: Text; offset: number } | null {
  for (let i = run.nodes.length - 1; i >= 0; i--) {
    const start = run.starts[i] ?? 0;
    const node = run.nodes[i];
    if (node && start < end) return { node, offset: end - start };
  }
  return null;
}

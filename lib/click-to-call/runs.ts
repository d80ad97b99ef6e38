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

/** Yields the runs under `root` (an element, document or shadow root), open shadow roots included. */
export function* textRuns(root: Node): Generator<TextRun> {
  let run: TextRun = { text: '', nodes: [], starts: [] };
  const flush = function* (): Generator<TextRun> {
    if (run.nodes.length > 0) yield run;
    run = { text: '', nodes: [], starts: [] };
  };
  function* walk(parent: Node): Generator<TextRun> {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const text = child as Text;
        run.starts.push(run.text.length);
        run.nodes.push(text);
        run.text += text.data;
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.localName === 'br' || isSkipped(el)) {
          yield* flush();
          continue;
        }
        if (el.shadowRoot) {
          yield* flush();
          yield* textRuns(el.shadowRoot);
        }
        if (INLINE.has(el.localName)) {
          yield* walk(el);
        } else {
          yield* flush();
          yield* walk(el);
          yield* flush();
        }
      }
    }
  }
  yield* walk(root);
  yield* flush();
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

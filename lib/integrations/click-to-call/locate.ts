/**
 * Where in a large subtree the numbers can be, without touching every node from script (on a
 * big page that alone costs more than the rest of the scan): one native regex over the subtree's
 * text (textContent) finds the stretches with six digits close together; only the blocks that
 * hold one are opened, level by level, with each child's text length read natively. A block that
 * holds only inline content is one run as a whole and is read by its textContent; any other
 * block a stretch reaches into at its own level is walked node by node (RunCursor).
 *
 * No run is missed: a run is a stretch of the subtree's text, so a run holding a match of the
 * pre-filter holds a character that some match of the same regex over the whole text covers (a
 * global scan cannot step over a position where a match starts), and every block on the way
 * down to that character is opened or walked.
 */
import { DIGITS_NEAR, mayHaveNumbers } from './candidates';
import { BlockRun, INLINE, isSkipped, OPT_OUT_CLASS, RunCursor, type TextRun } from './runs';

/** Below this much text a plain walk of the subtree costs less than locating in it. */
export const LOCATE_FROM_CHARS = 4_096;

/**
 * Anything in a block that stops it from being one run: a non-inline element, or one left alone.
 * The commonest inline tags come first: the browser tries them in order for every element.
 */
const COMMON_FIRST = ['span', 'b', 'i', 'strong', 'em', 'small', 'font', 'label', 'time', 'sub', 'sup', 'u', 's'];
const NOT_ONE_RUN = `:not(${[...new Set([...COMMON_FIRST, ...INLINE])].join(',')}),[hidden],[contenteditable]:not([contenteditable="false"]),[data-softphone="off"],.${OPT_OUT_CLASS}`;

const DIGIT = /\d/;

/** [start, end) of every pre-filter match in `text`, flat, in order. */
function stretches(text: string): number[] {
  const out: number[] = [];
  const re = new RegExp(DIGITS_NEAR.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index, m.index + m[0].length);
  return out;
}

/** A block being opened: its children are looked at a few at a time. */
interface Frame {
  el: Element;
  /** The next child to look at, and the offset of its text in the subtree's text. */
  child: ChildNode | null;
  offset: number;
  /** Index of the first stretch that may still reach this child or a later one. */
  span: number;
  /** First child of the current stretch of inline content, and whether a number may start in it. */
  segment: ChildNode | null;
  segmentHasDigits: boolean;
}

/** Children looked at before the scanner gets a chance to give the main thread back. */
const CHILDREN_PER_STEP = 256;
/** What next() gives while it is still looking: no text, so the scanner passes over it. */
const NOTHING_YET: TextRun = { text: '', nodeAt: () => null, current: () => false, anyNode: () => null, pieces: () => [] };

/** Whether RunCursor ends a run at this element (so a stretch of inline content ends there too). */
function endsRun(el: Element): boolean {
  return !INLINE.has(el.localName) || isSkipped(el);
}

function frameOf(el: Element, offset: number, span: number): Frame {
  return { el, child: el.firstChild, offset, span, segment: null, segmentHasDigits: false };
}

/**
 * The runs under `root` that may hold a number, one per `next()` like a RunCursor, so a large
 * page is read a slice at a time: whole-block runs where a block holds only inline content, and
 * the runs of a RunCursor over a stretch of inline content a number may start in. A subtree
 * with less text than `locateFromChars` is walked whole; one without digits gives nothing.
 */
export class RunLocator {
  private spans: number[] = [];
  private readonly frames: Frame[] = [];
  private cursor: RunCursor | null = null;
  /** A whole-block run that comes after the current walk. */
  private queued: TextRun | null = null;
  /** Open shadow roots the walks went into (the scanner watches them for changes). */
  readonly shadowRoots: ShadowRoot[] = [];

  constructor(root: Element, locateFromChars = LOCATE_FROM_CHARS) {
    const text = root.textContent ?? '';
    if (!mayHaveNumbers(text)) return;
    if (text.length < locateFromChars) {
      this.cursor = new RunCursor(root);
      return;
    }
    this.spans = stretches(text);
    this.frames.push(frameOf(root, 0, 0));
  }

  /** The next run; now and then one without text on a large page (pass over it); null at the end. */
  next(): TextRun | null {
    for (;;) {
      if (this.cursor) {
        const run = this.cursor.next();
        if (run) return run;
        this.shadowRoots.push(...this.cursor.shadowRoots);
        this.cursor = null;
      }
      if (this.queued) {
        const run = this.queued;
        this.queued = null;
        return run;
      }
      const frame = this.frames[this.frames.length - 1];
      if (!frame) return null;
      const run = this.step(frame);
      if (run) return run;
    }
  }

  /**
   * Looks at the next few children of `frame`'s block. Returns a whole-block run, or null once
   * it has started a walk, opened a block or finished this one; NOTHING_YET after
   * CHILDREN_PER_STEP children, so the scanner can check its clock.
   */
  private step(frame: Frame): TextRun | null {
    const spans = this.spans;
    for (let n = 0; n < CHILDREN_PER_STEP; n++) {
      const child = frame.child;
      if (!child || frame.span >= spans.length) {
        this.frames.pop();
        this.endSegment(frame, frame.segmentHasDigits ? this.segmentEnd(child) : null);
        return null;
      }
      const el = child.nodeType === 1 ? (child as Element) : null;
      const text = el ? (el.textContent ?? '') : child.nodeType === 3 || child.nodeType === 4 ? (child as CharacterData).data : '';
      const start = frame.offset;
      frame.child = child.nextSibling;
      frame.offset += text.length;
      while (frame.span < spans.length && (spans[frame.span + 1] as number) <= start) frame.span += 2;
      // Only a digit can start a number: text between blocks that a stretch merely crosses
      // ("2024</td> <td>555…") is not a reason to read it.
      const reached = frame.span < spans.length && (spans[frame.span] as number) < frame.offset && DIGIT.test(text);
      if (!el || !endsRun(el)) {
        frame.segment ??= child;
        frame.segmentHasDigits ||= reached;
        continue;
      }
      // A block, a line break or something left alone: the inline content before it is read
      // first (if a number may start in it), then the block.
      const walking = this.endSegment(frame, child);
      if (!reached || isSkipped(el)) {
        if (walking) return null;
        continue;
      }
      if (el.querySelector(NOT_ONE_RUN) === null) {
        const run = new BlockRun(el, text);
        if (!walking) return run;
        this.queued = run;
        return null;
      }
      this.frames.push(frameOf(el, start, frame.span));
      return null;
    }
    return NOTHING_YET;
  }

  /** The child that ends the stretch of inline content `from` is in (null: the block's end). */
  private segmentEnd(from: ChildNode | null): ChildNode | null {
    let node = from;
    while (node && !(node.nodeType === 1 && endsRun(node as Element))) node = node.nextSibling;
    return node;
  }

  /** Starts walking the stretch of inline content that ends before `end`, if a number may start in it. */
  private endSegment(frame: Frame, end: ChildNode | null): boolean {
    const { segment, segmentHasDigits } = frame;
    frame.segment = null;
    frame.segmentHasDigits = false;
    if (!segment || !segmentHasDigits) return false;
    this.cursor = new RunCursor(frame.el, segment, end);
    return true;
  }
}

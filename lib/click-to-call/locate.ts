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

/** Anything in a block that stops it from being one run: a non-inline element, or one left alone. */
const NOT_ONE_RUN = `:not(${[...INLINE].join(',')}),[hidden],[contenteditable]:not([contenteditable="false"]),[data-softphone="off"],.${OPT_OUT_CLASS}`;

const DIGIT = /\d/;

/** [start, end) of every pre-filter match in `text`, flat, in order. */
function stretches(text: string): number[] {
  const out: number[] = [];
  const re = new RegExp(DIGITS_NEAR.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index, m.index + m[0].length);
  return out;
}

interface Open {
  el: Element;
  text: string;
  /** Offset of the element's text in the subtree's text. */
  base: number;
}

/**
 * The runs under `root` that may hold a number, one per `next()` like a RunCursor, so a large
 * page is read a slice at a time: whole-block runs where a block is one run, and the runs of a
 * RunCursor where a block must be walked. A subtree with less text than `locateFromChars` is
 * walked whole; one without digits gives nothing.
 */
export class RunLocator {
  private readonly spans: number[] = [];
  private readonly stack: Open[] = [];
  private cursor: RunCursor | null = null;
  /** Open shadow roots the walks went into (the scanner watches them for changes). */
  readonly shadowRoots: ShadowRoot[] = [];

  constructor(private readonly root: Element, locateFromChars = LOCATE_FROM_CHARS) {
    const text = root.textContent ?? '';
    if (!mayHaveNumbers(text)) return;
    if (text.length < locateFromChars) {
      this.cursor = new RunCursor(root);
      return;
    }
    this.spans = stretches(text);
    this.stack.push({ el: root, text, base: 0 });
  }

  next(): TextRun | null {
    for (;;) {
      if (this.cursor) {
        const run = this.cursor.next();
        if (run) return run;
        this.shadowRoots.push(...this.cursor.shadowRoots);
        this.cursor = null;
      }
      const open = this.stack.pop();
      if (!open) return null;
      if (open.el !== this.root && open.el.querySelector(NOT_ONE_RUN) === null) return new BlockRun(open.el, open.text);
      this.openBlock(open);
    }
  }

  /**
   * The children a stretch reaches: text or inline content means the block's runs are read
   * here (walked); a block child is opened in turn.
   */
  private openBlock({ el, base }: Open): void {
    const spans = this.spans;
    const blocks: Open[] = [];
    let offset = base;
    let i = 0;
    for (let child = el.firstChild; child && i < spans.length; child = child.nextSibling) {
      const type = child.nodeType;
      const text = type === 1 ? (child.textContent ?? '') : type === 3 || type === 4 ? (child as CharacterData).data : '';
      const end = offset + text.length;
      while (i < spans.length && (spans[i + 1] as number) <= offset) i += 2;
      // Only a digit can start a number: text between blocks that a stretch merely crosses
      // ("2024</td> <td>555…") is not a reason to walk the whole block.
      if (i < spans.length && (spans[i] as number) < end && DIGIT.test(text)) {
        if (type !== 1 || INLINE.has((child as Element).localName)) {
          if (type !== 1 || !isSkipped(child as Element)) {
            this.cursor = new RunCursor(el);
            return;
          }
        } else if (!isSkipped(child as Element)) {
          blocks.push({ el: child as Element, text, base: offset });
        }
      }
      offset = end;
    }
    for (let k = blocks.length - 1; k >= 0; k--) this.stack.push(blocks[k] as Open);
  }
}

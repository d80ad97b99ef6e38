/**
 * Finds and marks the numbers of a document: the whole page once, in slices that leave the main
 * thread free, then whatever the page adds or changes, through one batched MutationObserver.
 * Parsing (libphonenumber and its metadata) is done by `resolve`, outside the page: the
 * content script itself only runs the cheap pre-filter and guards.
 */
import { Answers, keyOf, type ScanItem } from './answers';
import { findCandidates, mayHaveNumbers, type Candidate } from './candidates';
import { acceptedCandidates, shorterAccepted } from './guards';
import { RunLocator } from './locate';
import type { Resolved } from '../../messaging/content';
import { callButton, place, type MarkText } from './marker';
import { blockOf, HOST_TAG, isInsideSkipped, isSkipped, RunCursor, shadowRootsIn, type TextRun } from './runs';
import { atRunEdge, shownAsWritten } from './shown';
import { inputPending, yieldToPage } from './yield';

export type { ScanItem } from './answers';
/** Resolves written numbers to E.164 (null: not a valid number), in order. */
export type Resolve = (items: ScanItem[]) => Promise<(Resolved | null)[]>;

export interface ScannerOptions {
  resolve: Resolve;
  text: MarkText;
  /** Longest slice of reading before yielding the main thread (ms). */
  sliceMs?: number;
  /** Longest slice of putting buttons in (ms). */
  markSliceMs?: number;
  /** Wait after a page change before scanning what changed (ms). */
  batchMs?: number;
  /** Subtrees with less text than this are walked whole instead of located in (see locate.ts). */
  locateFromChars?: number;
  /** Ends the scanner for good (the content script's context): as stop(), and start() does nothing after. */
  signal?: AbortSignal;
}

interface Pending {
  run: TextRun;
  /** Per occurrence, the forms tried so far, longest first; shorter ones are added when the longer is not a number. */
  candidates: Candidate[][];
  /** Per occurrence, once the parser has answered: the form that is a number and its button, built off the page. */
  buttons?: ({ form: Candidate; host: HTMLElement } | null)[];
}

const now = () => performance.now();
const SHADOW_SWEEPS_MS = [300, 3_000];
/** Runs per resolve request: the parser starts on the first while the next are read and sent. */
const RESOLVE_BATCH = 200;
/** Marking slice: under the 50 ms of a long task, and cut short when the user does something. */
const MARK_SLICE_MS = 24;

export class Scanner {
  private observer: MutationObserver | null = null;
  private queue = new Set<Node>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly sweeps: ReturnType<typeof setTimeout>[] = [];
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  /** How many times start() was called: sweeps belong to the latest start only. */
  private starts = 0;
  private readonly hosts = new Set<HTMLElement>();
  private readonly cache = new Answers();
  /** Shadow roots already observed. */
  private readonly roots = new WeakSet<Node>();
  /** Main-thread time spent walking the page and filtering its text so far (ms), for the benchmark. */
  walkMs = 0;
  /** Main-thread time spent building buttons as the parser's answers come in (ms). */
  buildMs = 0;
  /** Main-thread time spent putting buttons in (ms). */
  markMs = 0;
  /** Time spent waiting for the parser once the page was read (ms; the main thread only builds the buttons of answers already in). */
  waitMs = 0;
  /** The longest stretch of work done without giving the main thread back (ms). */
  longestMs = 0;

  private spent(ms: number): number {
    if (ms > this.longestMs) this.longestMs = ms;
    return ms;
  }

  constructor(private readonly doc: Document, private readonly o: ScannerOptions) {
    o.signal?.addEventListener('abort', () => this.stop(), { once: true });
  }

  /** Scans the page and starts following its changes; resolves when the first scan is done. */
  start(): Promise<void> {
    if (this.o.signal?.aborted) return Promise.resolve();
    this.stopped = false;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observe(this.doc);
    const started = ++this.starts;
    const first = this.scan([this.doc.body ?? this.doc.documentElement]);
    this.running = first;
    // Open shadow roots the first scan did not walk into, or a web component attaches when it
    // upgrades later (no change the observer sees), are looked for after the first scan, twice.
    void first.then(() => {
      if (this.stopped || started !== this.starts) return;
      for (const ms of SHADOW_SWEEPS_MS) this.sweeps.push(setTimeout(() => this.sweepShadowRoots(), ms));
    });
    return first;
  }

  private sweepShadowRoots(): void {
    if (this.stopped) return;
    const t0 = now();
    const fresh = shadowRootsIn(this.doc).filter((root) => !this.roots.has(root));
    this.walkMs += this.spent(now() - t0);
    if (fresh.length === 0) return;
    for (const root of fresh) this.observe(root);
    this.running = this.running.then(() => this.scan(fresh));
  }

  /** Stops, and takes every button back out (the site was turned off). */
  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = null;
    if (this.timer) clearTimeout(this.timer);
    for (const sweep of this.sweeps.splice(0)) clearTimeout(sweep);
    this.queue.clear();
    for (const host of this.hosts) host.remove();
    this.hosts.clear();
  }

  /** Resolves when nothing is queued or being scanned (for tests and benchmarks). */
  async idle(): Promise<void> {
    while (this.timer || this.queue.size > 0) await new Promise((r) => setTimeout(r, 10));
    await this.running;
  }

  get marked(): number {
    return this.hosts.size;
  }

  private observe(root: Node): void {
    if (this.roots.has(root)) return;
    this.roots.add(root);
    this.observer?.observe(root, { subtree: true, childList: true, characterData: true });
  }

  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      if (r.type === 'characterData') {
        this.enqueue(r.target);
        continue;
      }
      for (const node of r.addedNodes) {
        if (node.nodeType === 1 && (node as Element).localName === HOST_TAG) continue;
        this.enqueue(node);
      }
    }
  }

  private enqueue(node: Node): void {
    if (!node.isConnected || isInsideSkipped(node)) return;
    if (node.nodeType === 1 && isSkipped(node as Element)) return;
    this.queue.add(blockOf(node));
    this.timer ??= setTimeout(() => {
      this.timer = null;
      const roots = [...this.queue];
      this.queue.clear();
      this.running = this.running.then(() => this.scan(roots));
    }, this.o.batchMs ?? 100);
  }

  /**
   * Scans `roots` in slices of main-thread time. Each slice's candidates go to `resolve` at once,
   * in batches sent together, so the parser works while the walk goes on. The buttons go in once
   * every answer is back, in few, longer slices: each slice that changes the page makes the
   * browser lay it out again before the next, and on a large page that costs more than marking.
   */
  private async scan(roots: Node[]): Promise<void> {
    // A long-lived page: buttons it took out are forgotten, old answers go (between scans only).
    for (const host of this.hosts) if (!host.isConnected) this.hosts.delete(host);
    this.cache.trim();
    const slice = this.o.sliceMs ?? 8;
    const resolving: Promise<void>[] = [];
    const found: Pending[] = [];
    let pending: Pending[] = [];
    const send = () => {
      for (let i = 0; i < pending.length; i += RESOLVE_BATCH) {
        const batch = pending.slice(i, i + RESOLVE_BATCH);
        // The buttons are built as the answers come in, while the main thread would wait anyway.
        resolving.push(this.resolveAll(batch).then(() => this.build(batch)));
        found.push(...batch);
      }
      pending = [];
    };
    const consider = (run: TextRun) => {
      if (!mayHaveNumbers(run.text)) return;
      const candidates = acceptedCandidates(run.text, findCandidates(run.text)).map((c) => [c]);
      if (candidates.length > 0) pending.push({ run, candidates });
    };
    let t0 = now();
    let count = 0;
    for (const root of roots) {
      if (!root.isConnected) continue;
      // Only what may hold a number is read. Open shadow roots: the sweeps find them (start()).
      const source =
        root.nodeType === 1 ? new RunLocator(root as Element, this.o.locateFromChars) : mayHaveNumbers(root.textContent ?? '') ? new RunCursor(root) : null;
      for (let run = source?.next(); run; run = source?.next()) {
        if (this.stopped) return;
        consider(run);
        // The clock is read every few runs: reading it costs more than a run without digits.
        // A run without text is the locator's pause in a long stretch of the page: a chance to check.
        if ((run.text === '' || (++count & 15) === 0) && now() - t0 > slice) {
          this.walkMs += this.spent(now() - t0);
          send();
          await yieldToPage();
          t0 = now();
        }
      }
      for (const shadow of source?.shadowRoots ?? []) this.observe(shadow);
    }
    this.walkMs += this.spent(now() - t0);
    send();
    const waited = now();
    await Promise.all(resolving);
    this.waitMs += now() - waited;
    await this.markInSlices(found);
  }

  /**
   * Resolves each occurrence's longest form; only where that is not a number are the shorter
   * forms asked for, one more round each (most pages need one round).
   */
  private async resolveAll(pending: Pending[]): Promise<void> {
    for (let round = 0; round < 3; round++) {
      const items = new Map<string, ScanItem>();
      for (const p of pending) {
        for (const forms of p.candidates) {
          let form = forms[forms.length - 1] as Candidate;
          if (this.cache.get(keyOf(form)) === null) {
            // The parser said no: try the next shorter form, if there is one.
            const shorter = round > 0 ? shorterAccepted(p.run.text, form) : null;
            if (!shorter) continue;
            forms.push(shorter);
            form = shorter;
          }
          if (!this.cache.has(keyOf(form))) items.set(keyOf(form), { number: form.number, ext: form.ext });
        }
      }
      if (items.size === 0) return;
      const unique = [...items.values()];
      const results = await this.o.resolve(unique);
      unique.forEach((item, i) => this.cache.set(keyOf(item), results[i] ?? null));
    }
  }

  /** Only numbers drawn as written get a button: read in slices (a few computed styles each), before any button goes in. */
  private async build(batch: Pending[]): Promise<void> {
    let t0 = now();
    for (const p of batch) {
      if (this.stopped) return;
      p.buttons = p.candidates.map((forms) => {
        const form = forms.find((f) => this.cache.get(keyOf(f)));
        const resolved = form && this.cache.get(keyOf(form));
        if (!form || !resolved || !shownAsWritten(p.run.pieces(form.start, form.end), atRunEdge(p.run.text, form.start, form.end))) return null;
        return { form, host: callButton(this.doc, resolved, form.ext, this.o.text, p.run.text.slice(form.start, form.end)) };
      });
      if (now() - t0 > (this.o.sliceMs ?? 8)) {
        this.buildMs += this.spent(now() - t0);
        await yieldToPage();
        t0 = now();
      }
    }
    this.buildMs += this.spent(now() - t0);
  }

  private async markInSlices(found: Pending[]): Promise<void> {
    const slice = this.o.markSliceMs ?? MARK_SLICE_MS;
    let i = 0;
    while (i < found.length && !this.stopped) {
      const t0 = now();
      // Marking changes the DOM: those mutations are ours, drop them; keep the page's own.
      const before = this.observer?.takeRecords() ?? [];
      const first = i;
      for (; i < found.length; i++) {
        if (i > first && (i & 7) === 0 && (now() - t0 > slice || inputPending())) break;
        this.markRun(found[i] as Pending);
      }
      this.observer?.takeRecords();
      if (before.length > 0) this.onMutations(before);
      this.markMs += this.spent(now() - t0);
      if (i < found.length) await yieldToPage();
    }
  }

  private markRun({ run, buttons }: Pending): void {
    if (!run.current()) {
      const node = run.anyNode();
      if (node) this.enqueue(node);
      return;
    }
    // Last first: splitting a text node leaves the offsets before the split as they were.
    for (let i = (buttons?.length ?? 0) - 1; i >= 0; i--) {
      const ready = buttons?.[i];
      if (ready && place(run, ready.form, ready.host)) this.hosts.add(ready.host);
    }
  }
}

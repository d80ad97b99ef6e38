/**
 * Finds and marks the numbers of a document: the whole page once, in slices that leave the main
 * thread free, then whatever the page adds or changes, through one batched MutationObserver.
 * Parsing (libphonenumber and its metadata) is done by `resolve`, outside the page: the
 * content script itself only runs the cheap pre-filter and guards.
 */
import { findCandidates, mayHaveNumbers, type Candidate } from './candidates';
import { acceptedCandidates, shorterAccepted } from './guards';
import { alreadyMarked, mark, stillCurrent, type MarkText, type Resolved } from './marker';
import { HOST_TAG, isInsideSkipped, isSkipped, RunCursor, type TextRun } from './runs';

export interface ScanItem {
  number: string;
  ext: string;
}
/** Resolves written numbers to E.164 (null: not a valid number), in order. */
export type Resolve = (items: ScanItem[]) => Promise<(Resolved | null)[]>;

export interface ScannerOptions {
  resolve: Resolve;
  text: MarkText;
  onCall: (e164: string, ev: MouseEvent) => void;
  /** Longest slice of work before yielding the main thread (ms). */
  sliceMs?: number;
  /** Wait after a page change before scanning what changed (ms). */
  batchMs?: number;
}

interface Pending {
  run: TextRun;
  /** Per occurrence, the forms tried so far, longest first; shorter ones are added when the longer is not a number. */
  candidates: Candidate[][];
}

const now = () => performance.now();
const SHADOW_SWEEPS_MS = [300, 3_000];
const keyOf = (c: ScanItem) => `${c.number}\u0000${c.ext}`;

/** Gives the page the main thread back: scheduler.yield where the browser has it. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise<void>((r) => setTimeout(r, 0));
}

/**
 * The open shadow roots under `root` (their text is not in its textContent), leaving out those
 * inside anything left alone (an opted-out element, a form field…).
 */
function shadowRootsIn(root: Element | Document): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const doc = root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
  // No filter callback: calling into JS for every element would cost more than the walk.
  const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
    if (el.shadowRoot && !isSkipped(el) && !isInsideSkipped(el)) out.push(el.shadowRoot);
  }
  return out;
}

/** The nearest ancestor that bounds a run (a block), so a split number is read whole again. */
function scanRootFor(node: Node): Node | null {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && el.parentElement && /^(?:span|b|i|em|strong|small|font|sub|sup|u|s|mark|abbr|time|label|q|cite|data|dfn|var|bdi|bdo)$/.test(el.localName)) {
    el = el.parentElement;
  }
  return el ?? node.getRootNode();
}

export class Scanner {
  private observer: MutationObserver | null = null;
  private queue = new Set<Node>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly sweeps: ReturnType<typeof setTimeout>[] = [];
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly hosts = new Set<HTMLElement>();
  private readonly cache = new Map<string, Resolved | null>();
  /** Shadow roots already observed. */
  private readonly roots = new WeakSet<Node>();
  /** Main-thread time spent walking the page and filtering its text so far (ms), for the benchmark. */
  walkMs = 0;
  /** Main-thread time spent putting buttons in (ms). */
  markMs = 0;
  /** The longest stretch of work done without giving the main thread back (ms). */
  longestMs = 0;

  private spent(ms: number): number {
    if (ms > this.longestMs) this.longestMs = ms;
    return ms;
  }

  constructor(private readonly doc: Document, private readonly o: ScannerOptions) {}

  /** Scans the page and starts following its changes; resolves when the first scan is done. */
  start(): Promise<void> {
    this.stopped = false;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observe(this.doc);
    this.running = this.scan([this.doc.body ?? this.doc.documentElement]);
    // Open shadow roots: those the first scan did not walk into, and those a web component
    // attaches when it upgrades later (no change the observer can see), are looked for a little
    // later, twice.
    for (const ms of SHADOW_SWEEPS_MS) this.sweeps.push(setTimeout(() => this.sweepShadowRoots(), ms));
    return this.running;
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
    const root = scanRootFor(node);
    if (root) this.queue.add(root);
    this.timer ??= setTimeout(() => {
      this.timer = null;
      const roots = [...this.queue];
      this.queue.clear();
      this.running = this.running.then(() => this.scan(roots));
    }, this.o.batchMs ?? 100);
  }

  /**
   * Scans `roots` in slices of main-thread time: each slice's candidates go to `resolve` at once
   * (the parser works while the walk goes on), then the numbers are marked, again in slices.
   */
  private async scan(roots: Node[]): Promise<void> {
    const slice = this.o.sliceMs ?? 8;
    const resolving: Promise<void>[] = [];
    const found: Pending[] = [];
    let pending: Pending[] = [];
    let t0 = now();
    for (const root of roots) {
      if (!root.isConnected) continue;
      // Most of a page has no number: one look at its whole text skips the walk. Open shadow
      // roots are not in that text; the sweeps after the first scan find them (see start()).
      const sources: Node[] = mayHaveNumbers(root.textContent ?? '') ? [root] : [];
      for (const source of sources) {
        const cursor = new RunCursor(source);
        let count = 0;
        for (let run = cursor.next(); run; run = cursor.next()) {
          if (this.stopped) return;
          if (mayHaveNumbers(run.text)) {
            const candidates = acceptedCandidates(run.text, findCandidates(run.text))
              .filter((c) => !alreadyMarked(run, c))
              .map((c) => [c]);
            if (candidates.length > 0) pending.push({ run, candidates });
          }
          // The clock is read every few runs: reading it costs more than a run without digits.
          if ((++count & 15) === 0 && now() - t0 > slice) {
            this.walkMs += this.spent(now() - t0);
            resolving.push(this.resolveAll(pending));
            found.push(...pending);
            pending = [];
            await yieldToPage();
            t0 = now();
          }
        }
        for (const shadow of cursor.shadowRoots) this.observe(shadow);
      }
    }
    this.walkMs += this.spent(now() - t0);
    resolving.push(this.resolveAll(pending));
    found.push(...pending);
    await Promise.all(resolving);
    await this.markInSlices(found, slice);
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

  private async markInSlices(found: Pending[], slice: number): Promise<void> {
    let i = 0;
    while (i < found.length && !this.stopped) {
      const t0 = now();
      // Marking changes the DOM: those mutations are ours, drop them; keep the page's own.
      const before = this.observer?.takeRecords() ?? [];
      for (; i < found.length && now() - t0 < slice; i++) this.markRun(found[i] as Pending);
      this.observer?.takeRecords();
      if (before.length > 0) this.onMutations(before);
      this.markMs += this.spent(now() - t0);
      if (i < found.length) await yieldToPage();
    }
  }

  private markRun({ run, candidates }: Pending): void {
    if (!stillCurrent(run)) {
      const first = run.nodes.find((n) => n.isConnected);
      if (first) this.enqueue(first);
      return;
    }
    for (let i = candidates.length - 1; i >= 0; i--) {
      const forms = candidates[i] ?? [];
      const c = forms.find((form) => this.cache.get(keyOf(form)));
      const resolved = c && this.cache.get(keyOf(c));
      if (!c || !resolved) continue;
      const host = mark(run, c, resolved, this.o.text, this.o.onCall);
      if (host) this.hosts.add(host);
    }
  }
}

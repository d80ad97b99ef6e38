/**
 * Finds and marks the numbers of a document: the whole page once, in slices that leave the main
 * thread free, then whatever the page adds or changes, through one batched MutationObserver.
 * Parsing (libphonenumber and its metadata) is done by `resolve`, outside the page: the
 * content script itself only runs the cheap pre-filter and guards.
 */
import { findCandidates, type Candidate } from './candidates';
import { rejection } from './guards';
import { alreadyMarked, mark, stillCurrent, type MarkText, type Resolved } from './marker';
import { HOST_TAG, isInsideSkipped, isSkipped, textRuns, type TextRun } from './runs';

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
  candidates: Candidate[];
}

const now = () => performance.now();
const yieldToPage = () => new Promise<void>((r) => setTimeout(r, 0));

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
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly hosts = new Set<HTMLElement>();
  private readonly cache = new Map<string, Resolved | null>();
  /** Shadow roots already observed. */
  private readonly roots = new WeakSet<Node>();

  constructor(private readonly doc: Document, private readonly o: ScannerOptions) {}

  /** Scans the page and starts following its changes; resolves when the first scan is done. */
  start(): Promise<void> {
    this.stopped = false;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observe(this.doc);
    this.running = this.scan([this.doc.body ?? this.doc.documentElement]);
    return this.running;
  }

  /** Stops, and takes every button back out (the site was turned off). */
  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = null;
    if (this.timer) clearTimeout(this.timer);
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

  /** Scans `roots` in slices; our own DOM changes are taken out of the observer's queue. */
  private async scan(roots: Node[]): Promise<void> {
    const slice = this.o.sliceMs ?? 8;
    let pending: Pending[] = [];
    let t0 = now();
    for (const root of roots) {
      if (!root.isConnected) continue;
      for (const run of textRuns(root)) {
        if (this.stopped) return;
        const candidates = findCandidates(run.text).filter((c) => rejection(run.text, c) === null && !alreadyMarked(run, c));
        if (candidates.length > 0) pending.push({ run, candidates });
        const host = run.nodes[0]?.getRootNode();
        if (host && host !== this.doc) this.observe(host);
        if (now() - t0 > slice) {
          await this.markAll(pending);
          pending = [];
          await yieldToPage();
          t0 = now();
        }
      }
    }
    await this.markAll(pending);
  }

  private async markAll(pending: Pending[]): Promise<void> {
    if (pending.length === 0 || this.stopped) return;
    const items: ScanItem[] = [];
    for (const p of pending) {
      for (const c of p.candidates) {
        const key = `${c.number}\u0000${c.ext}`;
        if (!this.cache.has(key)) items.push({ number: c.number, ext: c.ext });
      }
    }
    if (items.length > 0) {
      const unique = [...new Map(items.map((i) => [`${i.number}\u0000${i.ext}`, i])).values()];
      const results = await this.o.resolve(unique);
      unique.forEach((item, i) => this.cache.set(`${item.number}\u0000${item.ext}`, results[i] ?? null));
    }
    if (this.stopped) return;
    // Marking changes the DOM: those mutations are ours, drop them; keep the page's own.
    const before = this.observer?.takeRecords() ?? [];
    for (const { run, candidates } of pending) {
      if (!stillCurrent(run)) {
        const first = run.nodes.find((n) => n.isConnected);
        if (first) this.enqueue(first);
        continue;
      }
      for (let i = candidates.length - 1; i >= 0; i--) {
        const c = candidates[i] as Candidate;
        const resolved = this.cache.get(`${c.number}\u0000${c.ext}`);
        if (!resolved) continue;
        const host = mark(run, c, resolved, this.o.text, this.o.onCall);
        if (host) this.hosts.add(host);
      }
    }
    this.observer?.takeRecords();
    if (before.length > 0) this.onMutations(before);
  }
}

/**
 * One pass per burst of DOM changes: a MutationObserver callback only asks for a pass, and the
 * pass runs once at the next animation frame (or after a short timeout when the tab is hidden and
 * frames do not come), however many mutations arrived in between.
 */
export interface BatchScheduler {
  /** Asks for a pass; repeated calls before it runs are coalesced. */
  schedule(): void;
}

/** How long a hidden tab (no animation frames) waits for its pass. */
const HIDDEN_FALLBACK_MS = 200;

export function batchedPass(win: Window, run: () => void, signal: AbortSignal): BatchScheduler {
  let frame = 0;
  let timer = 0;
  const cancel = (): void => {
    if (frame) win.cancelAnimationFrame(frame);
    if (timer) win.clearTimeout(timer);
    frame = 0;
    timer = 0;
  };
  const fire = (): void => {
    cancel();
    if (!signal.aborted) run();
  };
  signal.addEventListener('abort', cancel, { once: true });
  return {
    schedule() {
      if (signal.aborted || frame || timer) return;
      frame = win.requestAnimationFrame(fire);
      timer = win.setTimeout(fire, HIDDEN_FALLBACK_MS);
    },
  };
}

/** True when every node a mutation list added or removed is one of ours (matches `selector`). */
export function onlyOwnNodes(mutations: MutationRecord[], selector: string): boolean {
  for (const m of mutations) {
    if (m.type !== 'childList') return false;
    for (const list of [m.addedNodes, m.removedNodes]) {
      for (const n of Array.from(list)) {
        if (n.nodeType !== 1 || !(n as Element).matches(selector)) return false;
      }
    }
  }
  return true;
}

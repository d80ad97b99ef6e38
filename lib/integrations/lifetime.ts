/**
 * How an integration's work ends. Each content script's listeners, observers and timers end with
 * its context; these helpers cover what WXT's context does not: noticing in time that the
 * extension is gone, extension events (not DOM ones), and a context for the page's own world.
 */
import type { IntegrationContext } from './types';

/**
 * Ends `ctx` as soon as the user reaches for the page, if the extension was updated, reloaded or
 * removed meanwhile. Chrome leaves an orphaned content script running, its DOM listeners
 * included, and WXT's context learns that the extension is gone (`runtime.id` unset) only when
 * asked: so it is asked on the input that comes before any click or key press lands on something
 * of ours, and when the tab is shown again. Ending takes our buttons out and our listeners off.
 */
export function endWhenOrphaned(ctx: IntegrationContext, win: Window): void {
  const check = (): boolean => ctx.isInvalid;
  for (const type of ['pointerdown', 'keydown', 'focusin']) win.addEventListener(type, check, { capture: true, passive: true, signal: ctx.signal });
  win.document.addEventListener('visibilitychange', check, { signal: ctx.signal });
}

interface ExtensionEvent<L> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
}

/** Adds an extension event listener (`runtime.onMessage`, `storage.onChanged`…) that `ctx` takes off. */
export function listenWhileValid<L>(ctx: IntegrationContext, event: ExtensionEvent<L>, listener: L): void {
  event.addListener(listener);
  ctx.onInvalidated(() => {
    try {
      event.removeListener(listener);
    } catch {
      // An orphaned script's runtime may refuse even this; its listeners are never called again.
    }
  });
}

/**
 * The context of a page-world (MAIN) script, which WXT gives none; its extension API check could
 * not work there either (no runtime in the page's world). It ends when a newer copy of the same
 * script starts in this page (the extension was updated and injected again), as WXT's own context
 * does in the isolated world. A page could send that event too: it would only end our work on
 * itself, which it can undo anyway.
 */
export function pageWorldContext(name: string, win: Window = window): IntegrationContext {
  const controller = new AbortController();
  const { signal } = controller;
  const started = `softphone:${name}:started`;
  // Announced before listening, so the copy starting now is not the one it ends.
  win.document.dispatchEvent(new CustomEvent(started));
  win.document.addEventListener(started, () => controller.abort(), { once: true, signal });
  const onInvalidated = (cb: () => void): (() => void) => {
    signal.addEventListener('abort', cb, { once: true });
    return () => signal.removeEventListener('abort', cb);
  };
  return {
    signal,
    get isInvalid() {
      return signal.aborted;
    },
    get isValid() {
      return !signal.aborted;
    },
    onInvalidated,
    setTimeout(handler, timeout) {
      const id = win.setTimeout(() => signal.aborted || handler(), timeout);
      onInvalidated(() => win.clearTimeout(id));
      return id;
    },
    requestAnimationFrame(callback) {
      const id = win.requestAnimationFrame((t) => signal.aborted || callback(t));
      onInvalidated(() => win.cancelAnimationFrame(id));
      return id;
    },
  };
}

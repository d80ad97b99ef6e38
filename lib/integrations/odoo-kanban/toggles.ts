/**
 * Isolated-world half of the CRM Kanban integration: a phone toggle after the activity widget of
 * every opportunity card the MAIN-world reader tagged with its record id. "Add to Call Queue"
 * schedules a call activity, "Remove from Call Queue" removes it (the provider behind `ctx` does
 * the work). Cards are found in one coalesced pass per burst of DOM changes, and each pass asks
 * for the queue state of all its new cards in one call.
 */
import { RES_ID_ATTR, RES_MODEL_ATTR, TOGGLE_ATTR } from './attributes';
import { batchedPass, onlyOwnNodes } from './batch';
import type { QueueState } from '../../messaging/content';
import type { Result } from '../../result';
import { activityAnchor, cardOf, cardResId, crmCards, toggleIn } from './cards';
import { createToggle, setBusy, setToggle, toggleFor, toggleState, type ToggleState } from './toggle-button';


export interface KanbanTogglesContext {
  doc: Document;
  signal: AbortSignal;
  /** The queue state of each record, in one request for the whole batch. */
  queueState(resIds: number[]): Promise<Result<Record<number, QueueState>, string>>;
  /** Adds (`add`) or removes the record's call activity; the value is whether it is queued afterwards. */
  toggle(resId: number, add: boolean): Promise<Result<boolean, string>>;
  onError(reason: string): void;
  /**
   * Whether the extension is still there, asked before a click is taken: an orphaned copy (the
   * extension was updated under the page) leaves the click to the page, and asking ends it.
   */
  isValid?(): boolean;
}

/** After a failed state request, its cards wait this long before being asked about again. */
const RETRY_MS = 30_000;

const reasonOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function initKanbanToggles(ctx: KanbanTogglesContext): void {
  const { doc, signal } = ctx;
  const win = doc.defaultView;
  if (!win || signal.aborted) return;
  /** Every toggle we inserted, for clean-up. */
  const buttons = new Set<HTMLButtonElement>();
  /** The last known state of a card element for a record id (kept while OWL keeps the element). */
  const known = new WeakMap<Element, { resId: number; state: QueueState }>();
  /** Cards whose state is being asked for, with the id asked about. */
  const asking = new Map<Element, number>();
  /**
   * Cards whose state request failed, until when. Without this, an error notice added to the page
   * (a DOM change) would start the next pass, the next request and the next notice, forever.
   */
  const failed = new WeakMap<Element, { resId: number; until: number }>();

  const remove = (button: HTMLButtonElement): void => {
    buttons.delete(button);
    button.remove();
  };

  const place = (card: Element, resId: number, state: ToggleState): void => {
    const anchor = activityAnchor(card);
    if (!anchor) return;
    let button = toggleIn(card);
    if (button && toggleFor(button) !== resId) {
      remove(button);
      button = null;
    }
    if (!button) {
      button = createToggle(doc, resId, state);
      button.addEventListener('click', onClick, { signal });
      // Odoo starts a card drag or opens the record from these: the toggle is not part of the card.
      for (const type of ['pointerdown', 'mousedown', 'touchstart']) button.addEventListener(type, stop, { signal });
      buttons.add(button);
    } else if (toggleState(button) !== state) setToggle(button, resId, state);
    if (anchor.nextElementSibling !== button) anchor.after(button);
  };

  const pass = (): void => {
    const wanted: [Element, number][] = [];
    for (const card of crmCards(doc)) {
      const resId = cardResId(card);
      if (resId === null) continue;
      const button = toggleIn(card);
      // Only our own: one an orphaned copy of this script left is dead, and this copy replaces it.
      if (button && buttons.has(button) && toggleFor(button) === resId) {
        // OWL may have re-rendered the footer around it: keep it right after the activity widget.
        const anchor = activityAnchor(card);
        if (anchor && anchor.nextElementSibling !== button) anchor.after(button);
        continue;
      }
      // The element now shows another record: the old toggle must not act on the new one.
      if (button) remove(button);
      const memo = known.get(card);
      if (memo?.resId === resId) {
        if (memo.state !== 'noPhone') place(card, resId, memo.state);
        continue;
      }
      if (asking.get(card) === resId || !activityAnchor(card)) continue;
      const failure = failed.get(card);
      if (failure?.resId === resId && Date.now() < failure.until) continue;
      asking.set(card, resId);
      wanted.push([card, resId]);
    }
    for (const button of buttons) {
      const card = button.isConnected ? cardOf(button) : null;
      if (!card || cardResId(card) !== toggleFor(button)) remove(button);
    }
    if (wanted.length) void ask(wanted);
  };

  const ask = async (wanted: [Element, number][]): Promise<void> => {
    const ids = [...new Set(wanted.map(([, id]) => id))];
    const result = await ctx.queueState(ids).catch((e: unknown) => ({ ok: false as const, error: reasonOf(e) }));
    for (const [card, id] of wanted) if (asking.get(card) === id) asking.delete(card);
    if (signal.aborted) return;
    if (!result.ok) {
      const until = Date.now() + RETRY_MS;
      for (const [card, resId] of wanted) failed.set(card, { resId, until });
      ctx.onError(result.error);
      return;
    }
    for (const [card, resId] of wanted) {
      if (!card.isConnected || cardResId(card) !== resId) continue;
      const state = result.value[resId];
      if (!state) continue;
      known.set(card, { resId, state });
      if (state !== 'noPhone') place(card, resId, state);
    }
  };

  async function onClick(ev: MouseEvent): Promise<void> {
    if (ctx.isValid?.() === false) return;
    const button = ev.currentTarget as HTMLButtonElement;
    ev.preventDefault();
    ev.stopPropagation();
    // A page script can call click(); only the user's own click changes the queue.
    if (!ev.isTrusted || button.disabled) return;
    const card = cardOf(button);
    const resId = card ? cardResId(card) : null;
    if (!card || resId === null) return;
    const add = toggleState(button) !== 'queued';
    setBusy(button, true);
    const result = await ctx.toggle(resId, add).catch((e: unknown) => ({ ok: false as const, error: reasonOf(e) }));
    setBusy(button, false);
    if (signal.aborted) return;
    if (!result.ok) {
      ctx.onError(result.error);
      return;
    }
    const state: ToggleState = result.value ? 'queued' : 'notQueued';
    setToggle(button, resId, state);
    if (cardResId(card) === resId) known.set(card, { resId, state });
  }

  const scheduler = batchedPass(win, pass, signal);
  const observer = new win.MutationObserver((mutations) => {
    if (!onlyOwnNodes(mutations, `[${TOGGLE_ATTR}]`)) scheduler.schedule();
  });
  observer.observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: [RES_ID_ATTR, RES_MODEL_ATTR] });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      for (const button of [...buttons]) remove(button);
      asking.clear();
    },
    { once: true },
  );
  pass();
}

function stop(ev: Event): void {
  ev.stopPropagation();
}

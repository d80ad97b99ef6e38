/**
 * Runs in the page's own JS world (a MAIN-world content script) on Odoo pages: reads each kanban
 * card's database record id from Odoo's OWL component tree and writes it on the card element as
 * `data-voip-res-id` / `data-voip-res-model`, where the isolated-world toggles can read it. The card
 * DOM itself never carries the database id (its `data-id` is a datapoint id), so this is the only
 * reliable source. No imports from the extension APIs: this file must stay self-contained.
 */
import { CRM_LEAD, RES_ID_ATTR, RES_MODEL_ATTR, TOGGLE_ATTR } from './attributes';
import { batchedPass, onlyOwnNodes } from './batch';

/** The parts of an OWL 2 ComponentNode (`component.__owl__`) this reader relies on. */
interface OwlNode {
  component?: { props?: Record<string, unknown> } | null;
  /** Child nodes by key; replaced on every patch. */
  children?: Record<string, OwlNode>;
  /** 0 new, 1 mounted, 2 cancelled, 3 destroyed. */
  status?: number;
  /** The first DOM node of the component's block tree: a card's root element. */
  firstNode?: () => Node | null | undefined;
}

interface OdooGlobal {
  __WOWL_DEBUG__?: { root?: { __owl__?: OwlNode } };
}

interface PageGlobals {
  odoo?: OdooGlobal;
  owl?: { toRaw?: <T>(value: T) => T };
}

const MOUNTED = 1;
const CARD_CLASS = 'o_kanban_record';
/** How often, and how long, to look for a web client that has not started yet. */
const ROOT_POLL_MS = 500;
const ROOT_POLL_MAX = 120;

export interface KanbanIdOptions {
  /** Models whose cards are tagged; crm.lead by default. */
  models?: readonly string[];
}

/** Odoo's sample mode (addons/web's kanban tests: `.o_content` gets this class). */
const SAMPLE_VIEW = '.o_view_sample_data';

function rootNode(win: Window): OwlNode | null {
  try {
    return (win as unknown as PageGlobals).odoo?.__WOWL_DEBUG__?.root?.__owl__ ?? null;
  } catch {
    return null;
  }
}

/**
 * One pass: walks the component tree from the web client's root and tags every mounted kanban
 * card whose `props.record` is a saved record of one of `models`. Tags left on elements that are no
 * longer cards of a saved record (`previous`) are removed. Returns the elements tagged now.
 */
export function tagKanbanRecords(win: Window, previous: ReadonlySet<Element>, models: ReadonlySet<string> = new Set([CRM_LEAD])): Set<Element> {
  const tagged = new Set<Element>();
  const root = rootNode(win);
  // Reading through OWL's reactive proxy would subscribe the component to the keys we read.
  const globals = win as unknown as PageGlobals;
  const toRaw = typeof globals.owl?.toRaw === 'function' ? globals.owl.toRaw : <T>(v: T): T => v;
  const stack: OwlNode[] = root ? [root] : [];
  while (stack.length) {
    const node = stack.pop() as OwlNode;
    if (node.status !== undefined && node.status !== MOUNTED) continue;
    const card = cardOf(node, toRaw, models);
    if (card) {
      const [el, resId, resModel] = card;
      if (el.getAttribute(RES_ID_ATTR) !== resId) el.setAttribute(RES_ID_ATTR, resId);
      if (el.getAttribute(RES_MODEL_ATTR) !== resModel) el.setAttribute(RES_MODEL_ATTR, resModel);
      tagged.add(el);
      // The card's fields share its record: nothing below it is another card.
      continue;
    }
    const children = node.children;
    if (children) for (const key in children) {
      const child = children[key];
      if (child) stack.push(child);
    }
  }
  for (const el of previous) {
    if (tagged.has(el)) continue;
    el.removeAttribute(RES_ID_ATTR);
    el.removeAttribute(RES_MODEL_ATTR);
  }
  return tagged;
}

/** The card element, id and model of a KanbanRecord-like node, or null for any other node. */
function cardOf(node: OwlNode, toRaw: <T>(v: T) => T, models: ReadonlySet<string>): [Element, string, string] | null {
  const props = node.component?.props;
  const candidate = props?.record;
  if (!candidate || typeof candidate !== 'object') return null;
  const record = toRaw(candidate) as { resId?: unknown; resModel?: unknown };
  const { resId, resModel } = record;
  // Unsaved records (quick create) have resId false: they get no tag until saved.
  if (typeof resId !== 'number' || !Number.isInteger(resId) || resId <= 0) return null;
  if (typeof resModel !== 'string' || !models.has(resModel)) return null;
  const first = typeof node.firstNode === 'function' ? node.firstNode() : null;
  if (!first || first.nodeType !== 1) return null;
  const el = first as Element;
  // An empty view with sample="1" (every CRM pipeline) shows made-up records whose ids (1, 2…)
  // are real, unrelated leads: Odoo marks that view's `.o_content` with o_view_sample_data.
  if (el.closest(SAMPLE_VIEW)) return null;
  return el.classList.contains(CARD_CLASS) ? [el, String(resId), resModel] : null;
}

/**
 * Keeps the tags current until `signal` aborts: one pass now, one per animation frame after DOM
 * changes (coalesced), and a slow poll while the web client has not set its root yet.
 */
export function watchKanbanRecordIds(win: Window, signal: AbortSignal, options: KanbanIdOptions = {}): void {
  if (signal.aborted) return;
  const models = new Set(options.models ?? [CRM_LEAD]);
  let tagged = new Set<Element>();
  const pass = (): void => {
    // Most Odoo pages show no kanban card: one native query instead of a walk of the whole tree.
    if (tagged.size === 0 && !win.document.querySelector(`.${CARD_CLASS}`)) return;
    tagged = tagKanbanRecords(win, tagged, models);
  };
  const scheduler = batchedPass(win, pass, signal);
  const ownNodes = `[${TOGGLE_ATTR}]`;
  const Observer = (win as Window & typeof globalThis).MutationObserver;
  const observer = new Observer((mutations) => {
    if (!onlyOwnNodes(mutations, ownNodes)) scheduler.schedule();
  });
  // data-id changes when OWL patches a card element in place for another record.
  observer.observe(win.document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-id'] });

  let polls = 0;
  const poll = win.setInterval(() => {
    if (rootNode(win) || ++polls > ROOT_POLL_MAX) {
      win.clearInterval(poll);
      scheduler.schedule();
    }
  }, ROOT_POLL_MS);

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      win.clearInterval(poll);
      for (const el of tagged) {
        el.removeAttribute(RES_ID_ATTR);
        el.removeAttribute(RES_MODEL_ATTR);
      }
      tagged.clear();
    },
    { once: true },
  );
  pass();
}

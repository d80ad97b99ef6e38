/** Finding the CRM cards the MAIN-world reader tagged, and where a card's toggle goes. */
import { CRM_LEAD, RES_ID_ATTR, RES_MODEL_ATTR, TOGGLE_ATTR } from './attributes';

const TAGGED = `[${RES_MODEL_ATTR}="${CRM_LEAD}"][${RES_ID_ATTR}]`;
/** Cards only count inside a kanban: the CRM view root or any kanban renderer. */
const CARDS = `.o_opportunity_kanban ${TAGGED}, .o_kanban_renderer ${TAGGED}`;
/** Odoo's activity widget in the card footer; the toggle goes right after it. */
const ACTIVITY = '.o_field_kanban_activity';

export function crmCards(root: ParentNode): Element[] {
  return Array.from(root.querySelectorAll(CARDS));
}

/** The card's database id as the MAIN world wrote it, or null when absent or not an id. */
export function cardResId(card: Element): number | null {
  if (card.getAttribute(RES_MODEL_ATTR) !== CRM_LEAD) return null;
  const raw = card.getAttribute(RES_ID_ATTR) ?? '';
  if (!/^[1-9]\d{0,15}$/.test(raw)) return null;
  return Number(raw);
}

/** The tagged card an element (the toggle) sits in. */
export function cardOf(el: Element): Element | null {
  return el.closest(`[${RES_ID_ATTR}]`);
}

export function activityAnchor(card: Element): Element | null {
  return card.querySelector(ACTIVITY);
}

export function toggleIn(card: Element): HTMLButtonElement | null {
  return card.querySelector<HTMLButtonElement>(`button[${TOGGLE_ATTR}]`);
}

/**
 * `cs:*` — what a content script may ask of the background. A content script lives in a web
 * page's tab, so everything it sends is checked hardest (shapes, sizes, characters), and the
 * background acts only for a sender that is one of our content scripts in a real tab. (The page
 * itself cannot send these: there is no externally_connectable.) Failures are sentences the
 * page script shows as they are.
 */
import type { Result } from '../result';
import { bare, entry, parserFor, type MessageOf } from './define';
import { isObj, recordId } from './validate';

/** A written number the background resolved: what to dial and how to name it. */
export interface Resolved {
  e164: string;
  /** How the number is shown in the button's name ("+1 650 555 0101"). */
  display: string;
}

export interface ResolveItem {
  number: string;
  ext: string;
}

/** A card's lead: is a call of mine due today or before on it, or has it no number to call. */
export type QueueState = 'queued' | 'notQueued' | 'noPhone';

export const MAX_RESOLVE_ITEMS = 400;
const MAX_CARDS = 500;
const WRITTEN_NUMBER = /^[\d\s+().\-/\u00a0\u2010-\u2014]{6,40}$/;
const E164 = /^\+[1-9]\d{5,14}$/;

function parseItems(v: unknown): ResolveItem[] | null {
  if (!Array.isArray(v) || v.length === 0 || v.length > MAX_RESOLVE_ITEMS) return null;
  const out: ResolveItem[] = [];
  for (const item of v) {
    if (!isObj(item) || typeof item.number !== 'string' || typeof item.ext !== 'string') return null;
    if (!WRITTEN_NUMBER.test(item.number) || !/^\d{0,6}$/.test(item.ext)) return null;
    out.push({ number: item.number, ext: item.ext });
  }
  return out;
}

export const contentChannel = {
  /** Which of these written numbers are phone numbers (E.164), in order. */
  'cs:resolve': entry<{ items: ResolveItem[] }, Result<(Resolved | null)[], string>>((m) => {
    const items = parseItems(m.items);
    return items ? { items } : null;
  }),
  /**
   * Call a number this content script resolved (E.164). Sent only on a trusted click; `seen`:
   * whether the button was seen where it was clicked (not: the call is confirmed first, always).
   */
  'cs:dial': entry<{ number: string; seen: boolean }, Result<undefined, string>>((m) =>
    typeof m.number === 'string' && E164.test(m.number) && typeof m.seen === 'boolean' ? { number: m.number, seen: m.seen } : null,
  ),
  /** A tel: or callto: link was clicked: dial what it holds (`seen` as for `cs:dial`). */
  'cs:dialLink': entry<{ href: string; seen: boolean }, Result<undefined, string>>((m) =>
    typeof m.href === 'string' && m.href.length <= 256 && /^(?:tel|callto):/i.test(m.href) && typeof m.seen === 'boolean'
      ? { href: m.href, seen: m.seen }
      : null,
  ),
  /**
   * Odoo Kanban, before anything is drawn: is this page of the connected Odoo's exact origin?
   * (Firefox injects by host only, whatever the port: lib/background/odoo.ts.)
   */
  'cs:odooIsConnected': bare<boolean>(),
  /** Odoo Kanban cards (the connected Odoo's pages only): is a call queued for each lead? */
  'cs:odooQueueState': entry<{ resIds: number[] }, Result<Record<number, QueueState>, string>>((m) =>
    Array.isArray(m.resIds) && m.resIds.length > 0 && m.resIds.length <= MAX_CARDS && m.resIds.every(recordId)
      ? { resIds: [...new Set(m.resIds)] }
      : null,
  ),
  /** Odoo Kanban card button, trusted click: add or remove my call on that lead; answers whether it is queued now. */
  'cs:odooToggle': entry<{ resId: number; add: boolean }, Result<boolean, string>>((m) =>
    recordId(m.resId) && typeof m.add === 'boolean' ? { resId: m.resId, add: m.add } : null,
  ),
};

export type ContentChannel = typeof contentChannel;
export type ContentMessage = MessageOf<ContentChannel>;
/** Checks a message from a content script. Returns null for anything malformed. */
export const parseContentMessage = parserFor(contentChannel);

/** The number a tel:/callto: link holds, as written (visual separators and parameters dropped). */
export function numberFromLink(href: string): string | null {
  const m = /^(?:tel|callto):(?:\/\/)?([^;?#]*)/i.exec(href.trim());
  if (!m?.[1]) return null;
  let raw: string;
  try {
    raw = decodeURIComponent(m[1]);
  } catch {
    return null;
  }
  const written = raw.replace(/[\s\u00a0]+/g, ' ').trim();
  return written === '' || written.length > 40 ? null : written;
}

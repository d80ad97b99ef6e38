/**
 * Messages between content scripts and the background. A content script lives in a web page's
 * tab, so everything it sends is checked hardest: shapes, sizes and characters, and the
 * background acts only for a sender that is one of our content scripts in a real tab.
 * (The page itself cannot send these: there is no externally_connectable.)
 */
import type { Resolved } from '../click-to-call/marker';

export interface ResolveItem {
  number: string;
  ext: string;
}

export type ContentMessage =
  /** Which of these written numbers are phone numbers (E.164), in order. */
  | { type: 'cs:resolve'; items: ResolveItem[] }
  /** Call a number this content script resolved (E.164). Sent only on a trusted click. */
  | { type: 'cs:dial'; number: string }
  /** A tel: or callto: link was clicked: dial what it holds. */
  | { type: 'cs:dialLink'; href: string }
  /** Odoo Kanban cards (the connected Odoo's pages only): is a call queued for each lead? */
  | { type: 'cs:odooQueueState'; resIds: number[] }
  /** Odoo Kanban card button, trusted click: add or remove my call on that lead. */
  | { type: 'cs:odooToggle'; resId: number; add: boolean };

/** A card's lead: is a call of mine due today or before on it, or has it no number to call. */
export type QueueState = 'queued' | 'notQueued' | 'noPhone';
export type QueueStateResult = { ok: true; value: Record<number, QueueState> } | { ok: false; reason: string };
export type ToggleResult = { ok: true; queued: boolean } | { ok: false; reason: string };
const MAX_CARDS = 500;
const recordId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

export type ResolveResult = { ok: true; value: (Resolved | null)[] } | { ok: false; reason: string };

/** Asked by the popup: which site this tab is, for "Disable on this site". */
export type PageQuery = { type: 'page:site' };
export type PageSite = { site: string | null; active: boolean };

export const MAX_RESOLVE_ITEMS = 400;
const WRITTEN_NUMBER = /^[\d\s+().\-/\u00a0\u2010-\u2014]{6,40}$/;
const E164 = /^\+[1-9]\d{5,14}$/;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

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

/** Checks a message from a content script. Returns null for anything malformed. */
export function parseContentMessage(m: unknown): ContentMessage | null {
  if (!isObj(m)) return null;
  switch (m.type) {
    case 'cs:resolve': {
      const items = parseItems(m.items);
      return items ? { type: 'cs:resolve', items } : null;
    }
    case 'cs:dial':
      return typeof m.number === 'string' && E164.test(m.number) ? { type: 'cs:dial', number: m.number } : null;
    case 'cs:dialLink':
      return typeof m.href === 'string' && m.href.length <= 256 && /^(?:tel|callto):/i.test(m.href)
        ? { type: 'cs:dialLink', href: m.href }
        : null;
    case 'cs:odooQueueState':
      return Array.isArray(m.resIds) && m.resIds.length > 0 && m.resIds.length <= MAX_CARDS && m.resIds.every(recordId)
        ? { type: 'cs:odooQueueState', resIds: [...new Set(m.resIds)] }
        : null;
    case 'cs:odooToggle':
      return recordId(m.resId) && typeof m.add === 'boolean' ? { type: 'cs:odooToggle', resId: m.resId, add: m.add } : null;
    default:
      return null;
  }
}

/** Minimal shape of a sender: a content script has a tab and the page's URL. */
export interface ContentSender {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined } | undefined;
}

export function isOwnContentScript(sender: ContentSender, extensionOrigin: string, extensionId: string): boolean {
  return (
    sender.id === extensionId &&
    typeof sender.tab?.id === 'number' &&
    typeof sender.url === 'string' &&
    !sender.url.startsWith(extensionOrigin)
  );
}

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

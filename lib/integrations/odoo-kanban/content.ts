/**
 * Wiring of the card toggles in the isolated world: their questions go to the background (which
 * alone talks to Odoo, and checks the page is the connected Odoo), and their failures show on
 * the page in a short alert the user can read.
 */
import browser from 'webextension-polyfill';
import type { ContentChannel } from '../../messaging/content';
import type { ReplyOf } from '../../messaging/define';
import { initKanbanToggles } from './toggles';

const NOTICE_MS = 8000;

function showAlert(doc: Document, reason: string): void {
  const el = doc.createElement('div');
  el.setAttribute('role', 'alert');
  el.setAttribute('data-voip-kanban-alert', '');
  el.textContent = reason;
  el.style.cssText =
    'position:fixed;right:16px;bottom:16px;z-index:2147483647;max-width:360px;padding:10px 14px;border-radius:6px;' +
    'background:#b3261e;color:#fff;font:14px/1.4 system-ui,sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.3)';
  doc.body.append(el);
  setTimeout(() => el.remove(), NOTICE_MS);
}

const failed = (e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) });
/** The background's answer in the shape the toggles take. */
const told = <T>(r: { ok: true; value: T } | { ok: false; error: string }) => (r.ok ? r : { ok: false as const, reason: r.error });

export function startKanbanToggles(signal: AbortSignal): void {
  initKanbanToggles({
    doc: document,
    signal,
    queueState: async (resIds) =>
      told(
        await (browser.runtime.sendMessage({ type: 'cs:odooQueueState', resIds }) as Promise<ReplyOf<ContentChannel['cs:odooQueueState']>>).catch(failed),
      ),
    toggle: async (resId, add) => {
      const r = told(
        await (browser.runtime.sendMessage({ type: 'cs:odooToggle', resId, add }) as Promise<ReplyOf<ContentChannel['cs:odooToggle']>>).catch(failed),
      );
      return r.ok ? { ok: true, queued: r.value } : r;
    },
    onError: (reason) => showAlert(document, reason),
  });
}

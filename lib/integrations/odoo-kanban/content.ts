/**
 * Wiring of the card toggles in the isolated world: their questions go to the background (which
 * alone talks to Odoo, and checks the page is the connected Odoo), and their failures show on
 * the page in a short alert the user can read.
 */
import browser from 'webextension-polyfill';
import type { ContentChannel } from '../../messaging/content';
import type { ReplyOf } from '../../messaging/define';
import { endWhenOrphaned } from '../lifetime';
import type { IntegrationContext } from '../types';
import { initKanbanToggles } from './toggles';

const NOTICE_MS = 8000;

function showAlert(ctx: IntegrationContext, doc: Document, reason: string): void {
  const el = doc.createElement('div');
  el.setAttribute('role', 'alert');
  el.setAttribute('data-voip-kanban-alert', '');
  el.textContent = reason;
  el.style.cssText =
    'position:fixed;right:16px;bottom:16px;z-index:2147483647;max-width:360px;padding:10px 14px;border-radius:6px;' +
    'background:#b3261e;color:#fff;font:14px/1.4 system-ui,sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.3)';
  doc.body.append(el);
  const remove = ctx.onInvalidated(() => el.remove());
  ctx.setTimeout(() => {
    remove();
    el.remove();
  }, NOTICE_MS);
}

const failed = (e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) });
type Reply<K extends 'cs:odooIsConnected' | 'cs:odooQueueState' | 'cs:odooToggle'> = Promise<ReplyOf<ContentChannel[K]>>;

/**
 * Everything ends with `ctx`: then the toggles go, and the cards are as Odoo drew them. Nothing
 * starts unless the background says this page is of the connected Odoo's exact origin (on
 * Firefox the script is injected on the host's every port: lib/background/odoo.ts).
 */
export async function startKanbanToggles(ctx: IntegrationContext): Promise<void> {
  const connected = await (browser.runtime.sendMessage({ type: 'cs:odooIsConnected' }) as Reply<'cs:odooIsConnected'>).catch(() => false);
  if (connected !== true || !ctx.isValid) return;
  endWhenOrphaned(ctx, window);
  initKanbanToggles({
    doc: document,
    signal: ctx.signal,
    isValid: () => ctx.isValid,
    queueState: (resIds) => (browser.runtime.sendMessage({ type: 'cs:odooQueueState', resIds }) as Reply<'cs:odooQueueState'>).catch(failed),
    toggle: (resId, add) => (browser.runtime.sendMessage({ type: 'cs:odooToggle', resId, add }) as Reply<'cs:odooToggle'>).catch(failed),
    onError: (reason) => showAlert(ctx, document, reason),
  });
}

// @vitest-environment happy-dom
// The Kanban toggles under WXT's own ContentScriptContext: once the extension is gone (updated
// or reloaded under the open board), the user's first input takes the toggles out, and the cards
// are as Odoo drew them.
import { afterEach, describe, expect, it, vi } from 'vitest';

// Chrome's runtime as a content script sees it; an orphaned script sees `id` gone (see
// lib/integrations/click-to-call/content.test.ts).
const fake = vi.hoisted(() => {
  const runtime: { id?: string } = { id: 'softphone-test' };
  (globalThis as { chrome?: unknown }).chrome = { runtime };
  return { runtime, connected: true };
});

const sent: { type: string }[] = [];
// WXT's context asks `browser` from wxt/browser (WxtVitest makes that the fake browser): the same runtime.
vi.mock('wxt/browser', () => ({ browser: { runtime: fake.runtime } }));
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      sendMessage: async (msg: { type: string; resIds?: number[] }) => {
        sent.push(msg);
        if (msg.type === 'cs:odooIsConnected') return fake.connected;
        return msg.type === 'cs:odooQueueState' ? { ok: true, value: Object.fromEntries((msg.resIds ?? []).map((id) => [id, 'notQueued'])) } : { ok: true, value: true };
      },
    },
  },
}));

const { ContentScriptContext } = await import('wxt/utils/content-script-context');
const { odooKanban } = await import('./index');

const BOARD = `<div class="o_kanban_renderer"><article class="o_kanban_record" data-voip-res-id="7" data-voip-res-model="crm.lead">
  <footer><div class="o_field_widget o_field_kanban_activity"></div></footer></article></div>`;
const toggles = () => document.querySelectorAll('button[data-voip-kanban-toggle]');

let ctx: InstanceType<typeof ContentScriptContext>;

afterEach(() => {
  ctx?.notifyInvalidated();
  fake.runtime.id = 'softphone-test';
  fake.connected = true;
  sent.length = 0;
  document.body.innerHTML = '';
});

describe('Odoo Kanban integration', () => {
  it('once the extension is gone, the first input on the board takes its toggles out', async () => {
    document.body.innerHTML = BOARD;
    ctx = new ContentScriptContext(odooKanban.id);
    await odooKanban.init(ctx);
    await vi.waitFor(() => expect(toggles()).toHaveLength(1));
    delete fake.runtime.id;
    document.querySelector('article')?.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    expect(toggles()).toHaveLength(0);
    // Odoo still gets its pointer events on the card; nothing of ours is left to answer them.
    expect(sent.filter((m) => m.type === 'cs:odooToggle')).toEqual([]);
  });

  it('on a page the background says is not the connected Odoo (same host, another port), nothing is drawn or asked', async () => {
    fake.connected = false;
    document.body.innerHTML = BOARD;
    ctx = new ContentScriptContext(odooKanban.id);
    await odooKanban.init(ctx);
    expect(toggles()).toHaveLength(0);
    expect(sent.map((m) => m.type)).toEqual(['cs:odooIsConnected']);
  });
});

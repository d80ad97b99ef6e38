// @vitest-environment happy-dom
import { type Mock, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QueueState } from '../../messaging/content';
import { type KanbanTogglesContext, initKanbanToggles } from './toggles';

const ADD = 'Add to Call Queue';
const REMOVE = 'Remove from Call Queue';

/** An Odoo 18 CRM card as the MAIN-world reader leaves it (tagged with its record id). */
function card(resId: number | null, datapoint: string, model = 'crm.lead'): string {
  const tags = resId === null ? '' : ` data-voip-res-id="${resId}" data-voip-res-model="${model}"`;
  return `<article class="o_kanban_record" data-id="${datapoint}"${tags}>
    <strong>Lead ${resId}</strong>
    <footer><div class="d-flex">
      <div class="o_field_widget o_field_priority"><a href="#">☆</a></div>
      <div class="o_field_widget o_field_kanban_activity"><a class="o-mail-ActivityButton" href="#"></a></div>
    </div><div class="ms-auto"><span class="o_avatar">MA</span></div></footer>
  </article>`;
}

function kanban(cards: string): void {
  document.body.innerHTML = `<div class="o_action o_opportunity_kanban"><div class="o_kanban_renderer"><div class="o_kanban_group">${cards}</div></div></div>`;
}

const group = (): Element => document.querySelector('.o_kanban_group') as Element;
const buttons = (): HTMLButtonElement[] => [...document.querySelectorAll<HTMLButtonElement>('button[data-voip-kanban-toggle]')];
const buttonOf = (resId: number): HTMLButtonElement | null => document.querySelector(`[data-voip-res-id="${resId}"] button[data-voip-kanban-toggle]`);

/** A click as the user makes it (happy-dom cannot produce trusted events). */
function trustedClick(el: Element): MouseEvent {
  const ev = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(ev, 'isTrusted', { value: true });
  el.dispatchEvent(ev);
  return ev;
}

let controller: AbortController;
let states: Record<number, QueueState>;
type Ctx = KanbanTogglesContext & {
  queueState: Mock<KanbanTogglesContext['queueState']>;
  toggle: Mock<KanbanTogglesContext['toggle']>;
  onError: Mock<KanbanTogglesContext['onError']>;
};
let ctx: Ctx;

beforeEach(() => {
  controller = new AbortController();
  states = { 1: 'queued', 2: 'notQueued', 3: 'noPhone', 4: 'notQueued', 5: 'notQueued', 6: 'queued' };
  ctx = {
    doc: document,
    signal: controller.signal,
    queueState: vi.fn<KanbanTogglesContext['queueState']>(async (ids: number[]) => ({ ok: true as const, value: Object.fromEntries(ids.map((id) => [id, states[id] ?? 'notQueued'])) })),
    toggle: vi.fn<KanbanTogglesContext['toggle']>(async (_id: number, add: boolean) => ({ ok: true as const, value: add })),
    onError: vi.fn<KanbanTogglesContext['onError']>(),
  };
});

afterEach(() => {
  controller.abort();
  document.body.innerHTML = '';
});

describe('initKanbanToggles', () => {
  it('puts one button right after the activity widget, titled by the queue state, none without a phone', async () => {
    kanban(card(1, 'datapoint_1') + card(2, 'datapoint_2') + card(3, 'datapoint_3'));
    initKanbanToggles(ctx);
    await vi.waitFor(() => expect(buttons()).toHaveLength(2));
    for (const id of [1, 2]) {
      const button = buttonOf(id) as HTMLButtonElement;
      expect(button.type).toBe('button');
      expect(button.previousElementSibling?.classList.contains('o_field_kanban_activity')).toBe(true);
    }
    expect(buttonOf(1)?.title).toBe(REMOVE);
    expect(buttonOf(1)?.getAttribute('aria-label')).toBe(REMOVE);
    expect(buttonOf(2)?.title).toBe(ADD);
    expect(buttonOf(2)?.getAttribute('aria-label')).toBe(ADD);
    expect(buttonOf(1)?.style.color).not.toBe(buttonOf(2)?.style.color);
    expect(buttonOf(3)).toBeNull();
  });

  it('leaves untagged cards, other models and cards outside a kanban alone', async () => {
    document.body.innerHTML = `<div class="o_kanban_renderer">${card(null, 'datapoint_1')}${card(4, 'datapoint_2', 'project.task')}</div>
      <div class="o_form_view">${card(5, 'datapoint_3')}</div>`;
    initKanbanToggles(ctx);
    await new Promise((r) => setTimeout(r, 300));
    expect(ctx.queueState).not.toHaveBeenCalled();
    expect(buttons()).toHaveLength(0);
  });

  it('asks for the state of a whole batch of new cards in one call, and never twice for the same card', async () => {
    kanban(card(1, 'datapoint_1'));
    initKanbanToggles(ctx);
    await vi.waitFor(() => expect(buttons()).toHaveLength(1));
    expect(ctx.queueState).toHaveBeenCalledTimes(1);
    // "Load more": several cards at once, in separate DOM operations.
    for (const id of [2, 4, 5, 6]) group().insertAdjacentHTML('beforeend', card(id, `datapoint_${10 + id}`));
    await vi.waitFor(() => expect(buttons()).toHaveLength(5));
    expect(ctx.queueState).toHaveBeenCalledTimes(2);
    expect(ctx.queueState.mock.calls[1]?.[0]).toEqual([2, 4, 5, 6]);
    // Unrelated DOM churn causes no request and no duplicate.
    group().append(document.createElement('span'));
    await new Promise((r) => setTimeout(r, 300));
    expect(ctx.queueState).toHaveBeenCalledTimes(2);
    expect(buttons()).toHaveLength(5);
  });

  it('puts the button back when OWL re-renders the footer, and on a re-created card, without duplicates', async () => {
    kanban(card(2, 'datapoint_1'));
    initKanbanToggles(ctx);
    await vi.waitFor(() => expect(buttons()).toHaveLength(1));
    // The footer is rebuilt (the button is lost with it).
    const footer = document.querySelector('footer') as HTMLElement;
    footer.innerHTML = '<div class="d-flex"><div class="o_field_widget o_field_kanban_activity"></div></div>';
    await vi.waitFor(() => expect(buttons()).toHaveLength(1));
    expect(buttonOf(2)?.previousElementSibling?.classList.contains('o_field_kanban_activity')).toBe(true);
    // Dragged to another column: a new element with a new datapoint id.
    group().innerHTML = card(2, 'datapoint_7');
    await vi.waitFor(() => expect(buttonOf(2)).not.toBeNull());
    await new Promise((r) => setTimeout(r, 250));
    expect(buttons()).toHaveLength(1);
  });

  it('follows a new record id on the same element', async () => {
    kanban(card(1, 'datapoint_1'));
    initKanbanToggles(ctx);
    await vi.waitFor(() => expect(buttonOf(1)?.title).toBe(REMOVE));
    const el = document.querySelector('.o_kanban_record') as HTMLElement;
    el.setAttribute('data-voip-res-id', '2');
    await vi.waitFor(() => expect(buttonOf(2)?.title).toBe(ADD));
    expect(buttons()).toHaveLength(1);
    expect(buttons()[0]?.dataset.voipToggleFor).toBe('2');
    expect(ctx.queueState).toHaveBeenLastCalledWith([2]);
    // The reader removed the tag (not a saved record any more): no button.
    el.removeAttribute('data-voip-res-id');
    await vi.waitFor(() => expect(buttons()).toHaveLength(0));
  });

  it('ignores clicks a script makes', async () => {
    kanban(card(2, 'datapoint_1'));
    initKanbanToggles(ctx);
    await vi.waitFor(() => expect(buttonOf(2)).not.toBeNull());
    (buttonOf(2) as HTMLButtonElement).click();
    buttonOf(2)?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 20));
    expect(ctx.toggle).not.toHaveBeenCalled();
    expect(buttonOf(2)?.title).toBe(ADD);
  });

  it('toggles on a user click with the id on the card at that moment, busy meanwhile, and flips', async () => {
    kanban(card(2, 'datapoint_1'));
    const cardClicks = vi.fn();
    document.querySelector('.o_kanban_record')?.addEventListener('click', cardClicks);
    let finish: (v: { ok: true; value: boolean }) => void = () => undefined;
    ctx.toggle.mockImplementationOnce(() => new Promise((r) => (finish = r)));
    initKanbanToggles(ctx);
    await vi.waitFor(() => expect(buttonOf(2)).not.toBeNull());
    const button = buttonOf(2) as HTMLButtonElement;
    // The reader retagged the element just now; the click uses what the card says, not the old id.
    document.querySelector('.o_kanban_record')?.setAttribute('data-voip-res-id', '4');
    trustedClick(button);
    expect(ctx.toggle).toHaveBeenCalledWith(4, true);
    expect(button.disabled).toBe(true);
    trustedClick(button);
    expect(ctx.toggle).toHaveBeenCalledTimes(1);
    finish({ ok: true, value: true });
    await vi.waitFor(() => expect(button.disabled).toBe(false));
    expect(button.title).toBe(REMOVE);
    expect(button.getAttribute('aria-label')).toBe(REMOVE);
    expect(button.dataset.voipToggleFor).toBe('4');
    expect(cardClicks).not.toHaveBeenCalled(); // the card must not open the record
    trustedClick(button);
    await vi.waitFor(() => expect(button.title).toBe(ADD));
    expect(ctx.toggle).toHaveBeenLastCalledWith(4, false);
    expect(ctx.onError).not.toHaveBeenCalled();
  });

  it('reports a failed toggle and keeps the state', async () => {
    kanban(card(1, 'datapoint_1'));
    ctx.toggle.mockResolvedValueOnce({ ok: false, error: 'odoo.offline' });
    ctx.toggle.mockRejectedValueOnce(new Error('boom'));
    initKanbanToggles(ctx);
    await vi.waitFor(() => expect(buttonOf(1)).not.toBeNull());
    const button = buttonOf(1) as HTMLButtonElement;
    trustedClick(button);
    await vi.waitFor(() => expect(ctx.onError).toHaveBeenCalledWith('odoo.offline'));
    expect(button.title).toBe(REMOVE);
    expect(button.disabled).toBe(false);
    trustedClick(button);
    await vi.waitFor(() => expect(ctx.onError).toHaveBeenCalledWith('boom'));
    expect(button.title).toBe(REMOVE);
  });

  it('reports a failed state request and places no button', async () => {
    ctx.queueState.mockResolvedValueOnce({ ok: false, error: 'odoo.sessionExpired' });
    kanban(card(1, 'datapoint_1'));
    initKanbanToggles(ctx);
    await vi.waitFor(() => expect(ctx.onError).toHaveBeenCalledWith('odoo.sessionExpired'));
    expect(buttons()).toHaveLength(0);
    // The page shows a notice (a DOM change): that must not start another request, and another notice.
    document.body.append(document.createElement('div'));
    await new Promise((r) => setTimeout(r, 300));
    expect(ctx.queueState).toHaveBeenCalledTimes(1);
    expect(ctx.onError).toHaveBeenCalledTimes(1);
    // A new card is asked about (alone).
    group().insertAdjacentHTML('beforeend', card(2, 'datapoint_2'));
    await vi.waitFor(() => expect(buttonOf(2)).not.toBeNull());
    expect(ctx.queueState).toHaveBeenLastCalledWith([2]);
  });

  it('replaces a toggle an orphaned copy of itself left on a card', async () => {
    kanban(card(2, 'datapoint_1'));
    const dead = document.createElement('button');
    dead.setAttribute('data-voip-kanban-toggle', '');
    dead.dataset.voipToggleFor = '2';
    document.querySelector('.o_field_kanban_activity')?.after(dead);
    initKanbanToggles(ctx);
    await vi.waitFor(() => expect(dead.isConnected).toBe(false));
    await vi.waitFor(() => expect(buttons()).toHaveLength(1));
    trustedClick(buttonOf(2) as HTMLButtonElement);
    await vi.waitFor(() => expect(ctx.toggle).toHaveBeenCalledWith(2, true));
  });

  it('once the extension is gone, leaves a click on its toggle to the page', async () => {
    let valid = true;
    kanban(card(2, 'datapoint_1'));
    initKanbanToggles({ ...ctx, isValid: () => valid });
    await vi.waitFor(() => expect(buttons()).toHaveLength(1));
    valid = false;
    expect(trustedClick(buttonOf(2) as HTMLButtonElement).defaultPrevented).toBe(false);
    expect(ctx.toggle).not.toHaveBeenCalled();
  });

  it('removes its buttons and stops watching on abort', async () => {
    kanban(card(1, 'datapoint_1') + card(2, 'datapoint_2'));
    initKanbanToggles(ctx);
    await vi.waitFor(() => expect(buttons()).toHaveLength(2));
    controller.abort();
    expect(buttons()).toHaveLength(0);
    group().insertAdjacentHTML('beforeend', card(4, 'datapoint_3'));
    await new Promise((r) => setTimeout(r, 300));
    expect(ctx.queueState).toHaveBeenCalledTimes(1);
    expect(buttons()).toHaveLength(0);
  });

  it('drops the answer of a request that finishes after abort', async () => {
    let answer: (v: { ok: true; value: Record<number, QueueState> }) => void = () => undefined;
    ctx.queueState.mockImplementationOnce(() => new Promise((r) => (answer = r)));
    kanban(card(2, 'datapoint_1'));
    initKanbanToggles(ctx);
    await vi.waitFor(() => expect(ctx.queueState).toHaveBeenCalled());
    controller.abort();
    answer({ ok: true, value: { 2: 'notQueued' } });
    await new Promise((r) => setTimeout(r, 20));
    expect(buttons()).toHaveLength(0);
  });
});

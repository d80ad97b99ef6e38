// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tagKanbanRecords, watchKanbanRecordIds } from './main-world';

/** A stand-in for OWL's ComponentNode: what `component.__owl__` exposes. */
interface FakeNode {
  status: number;
  component: { props: Record<string, unknown> };
  children: Record<string, FakeNode>;
  firstNode: () => Node | undefined;
}

const node = (el: Node | undefined, props: Record<string, unknown> = {}, children: FakeNode[] = [], status = 1): FakeNode => ({
  status,
  component: { props },
  children: Object.fromEntries(children.map((c, i) => [`__${i}`, c])),
  firstNode: () => el,
});

const record = (resId: number | false, resModel = 'crm.lead', datapoint = `datapoint_${resId}`) => ({ id: datapoint, resId, resModel, data: {} });

/** A kanban card component with its field components (which share its record). */
function cardNode(resId: number | false, resModel = 'crm.lead', tag = 'article'): { el: HTMLElement; node: FakeNode } {
  const el = document.createElement(tag);
  el.className = 'o_kanban_record';
  el.dataset.id = `datapoint_${resId}`;
  const activity = document.createElement('div');
  activity.className = 'o_field_widget o_field_kanban_activity';
  el.append(activity);
  const rec = record(resId, resModel);
  return { el, node: node(el, { record: rec }, [node(activity, { record: rec })]) };
}

function setRoot(children: FakeNode[]): FakeNode {
  const root = node(document.body, {}, children);
  (window as unknown as { odoo: unknown }).odoo = { __WOWL_DEBUG__: { root: { __owl__: root } } };
  return root;
}

afterEach(() => {
  delete (window as unknown as { odoo?: unknown }).odoo;
  delete (window as unknown as { owl?: unknown }).owl;
  document.body.innerHTML = '';
});

describe('tagKanbanRecords', () => {
  it('leaves the sample cards of an empty pipeline alone: their ids are not the leads shown', () => {
    const content = document.createElement('div');
    content.className = 'o_content o_view_sample_data';
    const sample = cardNode(1);
    content.append(sample.el);
    document.body.append(content);
    setRoot([node(document.body, {}, [sample.node])]);
    expect(tagKanbanRecords(window, new Set()).size).toBe(0);
    expect(sample.el.hasAttribute('data-voip-res-id')).toBe(false);
    // The first real lead: the view leaves sample mode and the card is tagged.
    content.className = 'o_content';
    expect(tagKanbanRecords(window, new Set()).size).toBe(1);
  });

  it('tags each saved crm.lead card with its id, and not its fields', () => {
    const a = cardNode(7);
    const b = cardNode(12, 'crm.lead', 'div');
    const unsaved = cardNode(false);
    const task = cardNode(3, 'project.task');
    document.body.append(a.el, b.el, unsaved.el, task.el);
    const renderer = node(document.body, {}, [a.node, b.node, unsaved.node, task.node]);
    setRoot([node(document.body, {}, [renderer])]);
    const tagged = tagKanbanRecords(window, new Set());
    expect([...tagged]).toEqual(expect.arrayContaining([a.el, b.el]));
    expect(tagged.size).toBe(2);
    expect(a.el.getAttribute('data-voip-res-id')).toBe('7');
    expect(a.el.getAttribute('data-voip-res-model')).toBe('crm.lead');
    expect(b.el.getAttribute('data-voip-res-id')).toBe('12');
    expect(document.querySelectorAll('[data-voip-res-id]')).toHaveLength(2);
  });

  it('skips unmounted components, non-card roots and text roots', () => {
    const dead = cardNode(5);
    dead.node.status = 3;
    const form = document.createElement('div');
    form.className = 'o_form_view';
    const text = document.createTextNode('x');
    document.body.append(dead.el, form, text);
    setRoot([dead.node, node(form, { record: record(6) }), node(text, { record: record(8) })]);
    expect(tagKanbanRecords(window, new Set()).size).toBe(0);
  });

  it('updates a changed id and removes the tags of elements that are no longer cards', () => {
    const a = cardNode(7);
    const b = cardNode(8);
    document.body.append(a.el, b.el);
    const root = setRoot([a.node, b.node]);
    let tagged = tagKanbanRecords(window, new Set());
    (a.node.component.props.record as { resId: number }).resId = 9;
    root.children = { x: a.node };
    tagged = tagKanbanRecords(window, tagged);
    expect(a.el.getAttribute('data-voip-res-id')).toBe('9');
    expect(b.el.hasAttribute('data-voip-res-id')).toBe(false);
    expect(b.el.hasAttribute('data-voip-res-model')).toBe(false);
    expect([...tagged]).toEqual([a.el]);
  });

  it('reads the record through owl.toRaw when the page has it', () => {
    const a = cardNode(7);
    document.body.append(a.el);
    setRoot([a.node]);
    const toRaw = vi.fn(<T>(v: T): T => v);
    (window as unknown as { owl: unknown }).owl = { toRaw };
    tagKanbanRecords(window, new Set());
    expect(toRaw).toHaveBeenCalledWith(a.node.component.props.record);
  });

  it('does nothing before the web client has a root', () => {
    (window as unknown as { odoo: unknown }).odoo = {};
    expect(tagKanbanRecords(window, new Set()).size).toBe(0);
  });
});

describe('watchKanbanRecordIds', () => {
  it('tags cards once the web client starts, follows DOM changes, and cleans up on abort', async () => {
    const controller = new AbortController();
    watchKanbanRecordIds(window, controller.signal);
    const a = cardNode(7);
    const renderer = node(document.body, {}, [a.node]);
    // The web client mounts its DOM first and sets the debug root afterwards, as Odoo's start.js does.
    document.body.append(a.el);
    await Promise.resolve();
    setRoot([renderer]);
    await vi.waitFor(() => expect(a.el.getAttribute('data-voip-res-id')).toBe('7'), { timeout: 2_000 });
    // A re-render replaces the card with a new element for the same record.
    const b = cardNode(7);
    a.el.replaceWith(b.el);
    renderer.children = { x: b.node };
    await vi.waitFor(() => expect(b.el.getAttribute('data-voip-res-id')).toBe('7'));
    expect(a.el.hasAttribute('data-voip-res-id')).toBe(false);
    // OWL patches a card element in place for another record: data-id changes.
    (b.node.component.props.record as { resId: number }).resId = 11;
    b.el.dataset.id = 'datapoint_99';
    await vi.waitFor(() => expect(b.el.getAttribute('data-voip-res-id')).toBe('11'));
    controller.abort();
    expect(b.el.hasAttribute('data-voip-res-id')).toBe(false);
    (b.node.component.props.record as { resId: number }).resId = 12;
    document.body.append(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 300));
    expect(b.el.hasAttribute('data-voip-res-id')).toBe(false);
  });

  it('does not rescan for mutations that only add or remove the toggle buttons', async () => {
    const controller = new AbortController();
    const a = cardNode(7);
    document.body.append(a.el);
    const root = setRoot([a.node]);
    const children = root.children;
    const walk = vi.fn(() => children);
    Object.defineProperty(root, 'children', { get: walk });
    watchKanbanRecordIds(window, controller.signal);
    expect(walk).toHaveBeenCalledTimes(1);
    const button = document.createElement('button');
    button.setAttribute('data-voip-kanban-toggle', '');
    a.el.append(button);
    await new Promise((r) => setTimeout(r, 300));
    expect(walk).toHaveBeenCalledTimes(1);
    a.el.append(document.createElement('span'));
    await vi.waitFor(() => expect(walk).toHaveBeenCalledTimes(2));
    controller.abort();
  });
});

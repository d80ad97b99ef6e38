/**
 * The phone toggle itself: a real button with a phone and a green plus ("Add to Call Queue") or a
 * red minus ("Remove from Call Queue"), styled inline so it needs no stylesheet on the page.
 */
import { TOGGLE_ATTR } from './attributes';
import { label } from './labels';

export type ToggleState = 'queued' | 'notQueued';

const SVG = 'http://www.w3.org/2000/svg';
const COLORS: Record<ToggleState, string> = { notQueued: '#1e8e3e', queued: '#d93025' };
/** A handset, drawn for this button. */
const HANDSET = 'M3.6 1.6h2l1 3-1.5 1.3c.8 1.9 2.2 3.3 4.1 4.1l1.3-1.5 3 1v2c0 1-.8 1.8-1.8 1.7C6.5 12.8 2.9 9.2 2 4.2 1.8 2.9 2.5 1.6 3.6 1.6z';

function svgEl(doc: Document, name: string, attrs: Record<string, string>): SVGElement {
  const el = doc.createElementNS(SVG, name) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

function icon(doc: Document, state: ToggleState): SVGElement {
  const svg = svgEl(doc, 'svg', { viewBox: '0 0 18 16', width: '18', height: '16', 'aria-hidden': 'true', focusable: 'false' });
  svg.append(svgEl(doc, 'path', { d: HANDSET, fill: 'currentColor' }));
  svg.append(svgEl(doc, 'circle', { cx: '13.5', cy: '4', r: '3.6', fill: 'currentColor', stroke: '#fff', 'stroke-width': '1' }));
  const sign = state === 'queued' ? 'M11.6 4h3.8' : 'M11.6 4h3.8M13.5 2.1v3.8';
  svg.append(svgEl(doc, 'path', { d: sign, stroke: '#fff', 'stroke-width': '1.3', 'stroke-linecap': 'round' }));
  return svg;
}

export function createToggle(doc: Document, resId: number, state: ToggleState): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.setAttribute(TOGGLE_ATTR, '');
  button.className = 'o_voip_kanban_toggle';
  button.style.cssText =
    'display:inline-flex;align-items:center;justify-content:center;background:none;border:0;border-radius:4px;' +
    'padding:1px 2px;margin:0 0 0 4px;line-height:1;vertical-align:middle;cursor:pointer;';
  setToggle(button, resId, state);
  return button;
}

/** Shows `state` for record `resId`: icon, colour, title and accessible name. */
export function setToggle(button: HTMLButtonElement, resId: number, state: ToggleState): void {
  const text = label(state === 'queued' ? 'odooKanban.remove' : 'odooKanban.add');
  button.dataset.voipToggleFor = String(resId);
  button.dataset.voipToggleState = state;
  button.title = text;
  button.setAttribute('aria-label', text);
  button.style.color = COLORS[state];
  button.replaceChildren(icon(button.ownerDocument, state));
}

export function toggleState(button: HTMLButtonElement): ToggleState {
  return button.dataset.voipToggleState === 'queued' ? 'queued' : 'notQueued';
}

export function toggleFor(button: HTMLButtonElement): number {
  return Number(button.dataset.voipToggleFor);
}

/** Shows the toggle as busy while a request runs (clicks are ignored meanwhile). */
export function setBusy(button: HTMLButtonElement, busy: boolean): void {
  button.disabled = busy;
  button.style.opacity = busy ? '0.5' : '';
  button.style.cursor = busy ? 'progress' : 'pointer';
  if (busy) button.setAttribute('aria-busy', 'true');
  else button.removeAttribute('aria-busy');
}

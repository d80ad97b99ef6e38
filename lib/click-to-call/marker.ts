/**
 * The call button after a number: a host element carrying `data-voip-number` (the public
 * contract), its look in a closed shadow root so the page's CSS cannot reach it, and its size
 * fixed inline so it cannot move the page's layout more than one small icon.
 */
import type { Candidate } from './candidates';
import { HOST_TAG, nodeAt, type TextRun } from './runs';

export interface Resolved {
  e164: string;
  /** How the number is shown in the button's name ("+1 650 555 0101"). */
  display: string;
}

const HOST_STYLE =
  'all:initial;display:inline-block;width:18px;height:18px;margin:0 0 0 3px;vertical-align:-3px;line-height:0;cursor:pointer';
const SHADOW_STYLE = `
button{all:initial;box-sizing:border-box;display:inline-flex;align-items:center;justify-content:center;width:18px;height:18px;border-radius:9px;background:#1e8e3e;color:#fff;cursor:pointer}
button:hover{background:#176d30}
button:focus-visible{outline:2px solid #1a73e8;outline-offset:1px}
svg{width:12px;height:12px;fill:currentColor}`;
const PHONE_PATH =
  'M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z';
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Whether this occurrence already has its button (a re-scan must not add a second). */
export function alreadyMarked(run: TextRun, c: Candidate): boolean {
  const at = nodeAt(run, c.end);
  if (!at || at.offset !== at.node.data.length) return false;
  const next = at.node.nextSibling;
  return next?.nodeType === 1 && (next as Element).localName === HOST_TAG;
}

/** The run still reads as it did when it was scanned (the page may have changed it since). */
export function stillCurrent(run: TextRun): boolean {
  let text = '';
  for (const node of run.nodes) {
    if (!node.isConnected) return false;
    text += node.data;
  }
  return text === run.text;
}

/** Per document: a host and a button to clone (cloning beats building and parsing each time). */
const templates = new WeakMap<Document, { host: Element; button: Element; sheet: CSSStyleSheet | null }>();

function templatesFor(doc: Document): { host: Element; button: Element; sheet: CSSStyleSheet | null } {
  let t = templates.get(doc);
  if (t) return t;
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('style', HOST_STYLE);
  const btn = doc.createElement('button');
  btn.setAttribute('type', 'button');
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', PHONE_PATH);
  svg.append(path);
  btn.append(svg);
  // One shared style sheet where shadow roots can adopt it; else a <style> in each.
  let sheet: CSSStyleSheet | null = null;
  try {
    const view = doc.defaultView as (Window & typeof globalThis) | null;
    if (view && 'adoptedStyleSheets' in doc) {
      sheet = new view.CSSStyleSheet();
      sheet.replaceSync(SHADOW_STYLE);
    }
  } catch {
    sheet = null;
  }
  t = { host, button: btn, sheet };
  templates.set(doc, t);
  return t;
}

/** Adopts the shared sheet; false where the browser refuses it (e.g. across Firefox's content-script wrappers). */
function adopt(root: ShadowRoot, t: { sheet: CSSStyleSheet | null }): boolean {
  if (!t.sheet) return false;
  try {
    root.adoptedStyleSheets = [t.sheet];
    return root.adoptedStyleSheets.length === 1;
  } catch {
    t.sheet = null;
    return false;
  }
}

function button(doc: Document, label: string, title: string): { host: HTMLElement; button: HTMLButtonElement } {
  const t = templatesFor(doc);
  const host = t.host.cloneNode(false) as HTMLElement;
  const root = host.attachShadow({ mode: 'closed' });
  const btn = t.button.cloneNode(true) as HTMLButtonElement;
  btn.setAttribute('aria-label', label);
  btn.title = title;
  if (!adopt(root, t)) {
    const style = doc.createElement('style');
    style.textContent = SHADOW_STYLE;
    root.append(style);
  }
  root.append(btn);
  return { host, button: btn };
}

export interface MarkText {
  /** "Call {number}" */
  label: (display: string) => string;
  /** The tooltip, saying what happens to an extension. */
  title: (display: string, ext: string) => string;
}

/**
 * Puts the button right after the occurrence: the text node holding its end is split there if
 * the number ends mid-node (the text itself is unchanged). `onCall` gets the number this
 * extension resolved, never anything read back from the page.
 */
export function mark(run: TextRun, c: Candidate, resolved: Resolved, text: MarkText, onCall: (e164: string, ev: MouseEvent) => void): HTMLElement | null {
  const at = nodeAt(run, c.end);
  if (!at) return null;
  const doc = at.node.ownerDocument;
  const end = at.offset < at.node.data.length ? at.node.splitText(at.offset).previousSibling : at.node;
  if (!end?.parentNode) return null;
  const { host, button: btn } = button(doc, text.label(resolved.display), text.title(resolved.display, c.ext));
  host.setAttribute('data-voip-number', resolved.e164);
  const number = resolved.e164;
  btn.addEventListener('click', (ev) => onCall(number, ev));
  end.parentNode.insertBefore(host, end.nextSibling);
  return host;
}

/**
 * The call button after a number: a host element carrying `data-voip-number` (the public
 * contract), its look in a closed shadow root so the page's CSS cannot reach it, and its size
 * fixed inline so it cannot move the page's layout more than one small icon. A button is one
 * element: its icon is a mask in the shared style sheet, and one listener serves them all (see
 * `numberOfHost`), so thousands of them cost little to put in.
 */
import type { Candidate } from './candidates';
import type { Resolved } from '../../messaging/content';
import { HOST_TAG, type TextRun } from './runs';

const HOST_STYLE =
  'all:initial;display:inline-block;width:18px;height:18px;margin:0 0 0 3px;vertical-align:-3px;line-height:0;cursor:pointer';
/** The phone icon (white on green, or the system's colours in forced-colours mode): a mask over currentColor. */
const ICON = `url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24'%3E%3Cpath d='M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z'/%3E%3C/svg%3E") center/12px 12px no-repeat`;
const SHADOW_STYLE = `
button{all:initial;box-sizing:border-box;display:inline-block;width:18px;height:18px;border-radius:9px;background:#1e8e3e;color:#fff;cursor:pointer;position:relative}
button::before{content:"";position:absolute;inset:0;background:currentColor;-webkit-mask:${ICON};mask:${ICON}}
button:hover{background:#176d30}
button:focus-visible{outline:2px solid #1a73e8;outline-offset:1px}`;

/**
 * What each button of this content script calls, and the number as written before it when it
 * was placed: kept here, never read back from the page.
 */
const numbers = new WeakMap<EventTarget, { e164: string; written: string }>();

/** The number behind a call button's host (the target a click on the button has outside its closed shadow root). */
export function numberOfHost(target: EventTarget | null): string | undefined {
  return target ? numbers.get(target)?.e164 : undefined;
}

/** The text the button was placed after (the number as written, its extension included). */
export function writtenBefore(host: EventTarget): string {
  return numbers.get(host)?.written ?? '';
}

interface Templates {
  host: Element;
  button: Element;
  /** One style sheet all shadow roots adopt; null where that is refused (a <style> in each then). */
  sheet: CSSStyleSheet | null;
}

/** Per document: a host and a button to clone (cloning beats building each time). */
const templates = new WeakMap<Document, Templates>();

function templatesFor(doc: Document): Templates {
  let t = templates.get(doc);
  if (t) return t;
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('style', HOST_STYLE);
  const btn = doc.createElement('button');
  btn.setAttribute('type', 'button');
  let sheet: CSSStyleSheet | null = null;
  try {
    const view = doc.defaultView as (Window & typeof globalThis) | null;
    if (view && 'adoptedStyleSheets' in doc) {
      sheet = new view.CSSStyleSheet();
      sheet.replaceSync(SHADOW_STYLE);
      // Firefox refuses a sheet made across its content-script wrappers: found out once, here.
      const probe = doc.createElement('span').attachShadow({ mode: 'open' });
      probe.adoptedStyleSheets = [sheet];
      if (probe.adoptedStyleSheets.length !== 1) sheet = null;
    }
  } catch {
    sheet = null;
  }
  t = { host, button: btn, sheet };
  templates.set(doc, t);
  return t;
}

function button(doc: Document, label: string, title: string): HTMLElement {
  const t = templatesFor(doc);
  const host = t.host.cloneNode(false) as HTMLElement;
  const root = host.attachShadow({ mode: 'closed' });
  const btn = t.button.cloneNode(false) as HTMLButtonElement;
  btn.setAttribute('aria-label', label);
  btn.title = title;
  if (t.sheet) {
    root.adoptedStyleSheets = [t.sheet];
  } else {
    const style = doc.createElement('style');
    style.textContent = SHADOW_STYLE;
    root.append(style);
  }
  root.append(btn);
  return host;
}

export interface MarkText {
  /** "Call {number}" */
  label: (display: string) => string;
  /** The tooltip, saying what happens to an extension. */
  title: (display: string, ext: string) => string;
}

/**
 * The call button for a resolved number, not yet in the page: built while the parser's other
 * answers are awaited, so that putting it in (`place`) costs the page little. The number a click
 * calls is the one this extension resolved (`numberOfHost`), never read back from the page.
 */
export function callButton(doc: Document, resolved: Resolved, ext: string, text: MarkText, written = ''): HTMLElement {
  const host = button(doc, text.label(resolved.display), text.title(resolved.display, ext));
  host.setAttribute('data-voip-number', resolved.e164);
  numbers.set(host, { e164: resolved.e164, written });
  return host;
}

/**
 * Puts `host` right after the occurrence, unless it has a button already: the text node holding
 * its end is split there if the number ends mid-node (the text itself is unchanged).
 */
export function place(run: TextRun, c: Candidate, host: HTMLElement): boolean {
  const at = run.nodeAt(c.end);
  if (!at) return false;
  const { node, offset } = at;
  // Already has its button (a re-scan must not add a second).
  if (offset === node.data.length) {
    const next = node.nextSibling;
    if (next?.nodeType === 1 && (next as Element).localName === HOST_TAG) return false;
  }
  const end = offset < node.data.length ? node.splitText(offset).previousSibling : node;
  if (!end?.parentNode) return false;
  end.parentNode.insertBefore(host, end.nextSibling);
  return true;
}

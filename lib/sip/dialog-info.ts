/**
 * RFC 4235 `application/dialog-info+xml`: what a colleague's line is doing, read from the
 * dialogs the PBX reports for their extension. Read without DOMParser (the Firefox background
 * page has one, a service worker and the unit tests do not): only the few elements needed are
 * looked for, namespace prefixes allowed. A body that is not a dialog-info document gives null,
 * never an exception.
 */
export type LineState = 'available' | 'ringing' | 'busy';

/** A document for one extension is a few KB; far more is not one worth reading. */
const MAX_BODY = 65_536;
/** More dialogs than any one person has: past this, stop reading. */
const MAX_DIALOGS = 64;

const ROOT = /<(?:[A-Za-z_][\w.-]*:)?dialog-info[\s>]/;
const DIALOG = /<((?:[A-Za-z_][\w.-]*:)?)dialog(\s[^<>]*?)?(\/)?>/g;
const STATE = /<(?:[A-Za-z_][\w.-]*:)?state(?:\s[^<>]*)?>\s*([A-Za-z-]{1,20})\s*<\/(?:[A-Za-z_][\w.-]*:)?state>/;

function attribute(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? (m[1] ?? m[2] ?? '') : null;
}

/** One dialog's state: RFC 4235's trying/proceeding/early are before an answer, confirmed after. */
function stateOf(state: string, direction: string | null): LineState | null {
  switch (state.toLowerCase()) {
    case 'terminated':
      return 'available';
    case 'confirmed':
      return 'busy';
    case 'trying':
    case 'proceeding':
    case 'early':
      // Their phone rings (a call to them), or they are dialling someone (busy all the same).
      return direction === 'initiator' ? 'busy' : 'ringing';
    default:
      return null;
  }
}

/** The line's state from a full dialog-info document: busy over ringing over available. */
export function parseDialogInfo(body: string): LineState | null {
  if (typeof body !== 'string' || body.length > MAX_BODY || !ROOT.test(body)) return null;
  let result: LineState = 'available';
  let seen = 0;
  DIALOG.lastIndex = 0;
  for (let m = DIALOG.exec(body); m; m = DIALOG.exec(body)) {
    if (++seen > MAX_DIALOGS) break;
    const attrs = m[2] ?? '';
    if (m[3]) continue; // <dialog/> with no state: says nothing
    const close = body.indexOf(`</${m[1] ?? ''}dialog>`, DIALOG.lastIndex);
    if (close < 0) return null;
    const inner = body.slice(DIALOG.lastIndex, close);
    const s = STATE.exec(inner);
    if (!s) return null;
    const state = stateOf(s[1]!, attribute(attrs, 'direction'));
    if (!state) return null;
    if (state === 'busy') result = 'busy';
    else if (state === 'ringing' && result !== 'busy') result = 'ringing';
    DIALOG.lastIndex = close;
  }
  return result;
}

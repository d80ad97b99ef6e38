/**
 * Who is logged in to Odoo in this browser: the page's user. With an API key the extension acts
 * with the key owner's rights; a board shown to another user (or to nobody logged in) must not
 * let its buttons act as the key owner.
 */
import { odooRpc } from './rpc';

/** Asked at most once a minute per origin: a board asks for many cards at once. */
const KEEP_MS = 60_000;
const known = new Map<string, { uid: number | null; at: number }>();

/** The uid of the browser's own Odoo session at `origin`, null when nobody is logged in or Odoo does not say. */
export async function browserSessionUid(origin: string, now = Date.now()): Promise<number | null> {
  const kept = known.get(origin);
  if (kept && now - kept.at < KEEP_MS) return kept.uid;
  const info = await odooRpc({ baseUrl: origin, auth: { mode: 'session' } }).call<{ uid?: number | false }>('/web/session/get_session_info', {});
  const uid = info.ok && typeof info.value.uid === 'number' ? info.value.uid : null;
  known.set(origin, { uid, at: now });
  return uid;
}

/**
 * Connecting to Odoo: who am I (uid, my partner), which Odoo is it (version, Enterprise voip),
 * through the browser's session or an API key. Every failure comes back typed, with its fix.
 */
import { failureFromRpcError, type OdooResult } from './errors';
import { odooRpc, type OdooRpc } from './rpc';
import type { OdooSettings } from './settings';
import { detectServer, type OdooServer } from './version';

export interface OdooConnection {
  rpc: OdooRpc;
  uid: number;
  partnerId: number;
  userName: string;
  server: OdooServer;
  /** The user's language in Odoo ("fr_BE"): call notes in the chatter are written in it. */
  lang?: string;
}

interface SessionInfo {
  uid?: number | false;
  partner_id?: number;
  name?: string;
  user_context?: { lang?: unknown };
}

export async function connectOdoo(settings: OdooSettings, key: string, fetchImpl?: typeof fetch): Promise<OdooResult<OdooConnection>> {
  const rpc = odooRpc({
    baseUrl: settings.url,
    auth: settings.mode === 'apiKey' ? { mode: 'apiKey', db: settings.db, login: settings.login, key } : { mode: 'session' },
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  let uid: number;
  let partnerId: number;
  let userName: string;
  let lang: string;
  if (settings.mode === 'session') {
    const info = await rpc.call<SessionInfo>('/web/session/get_session_info', {});
    if (!info.ok) return info;
    // Logged out: Odoo answers with no uid rather than an error.
    if (!info.value.uid) return { ok: false, failure: failureFromRpcError({ code: 100 }, settings.url) };
    uid = info.value.uid;
    partnerId = Number(info.value.partner_id);
    userName = String(info.value.name ?? '');
    lang = typeof info.value.user_context?.lang === 'string' ? info.value.user_context.lang : '';
  } else {
    const me = await rpc.callKw<{ id: number; name: string; partner_id: [number, string] | false; lang?: unknown }[]>('res.users', 'search_read', [], {
      domain: [['login', '=', settings.login]], fields: ['name', 'partner_id', 'lang'], limit: 1,
    });
    if (!me.ok) return me;
    const row = me.value[0];
    if (!row) return { ok: false, failure: failureFromRpcError({ data: { name: 'odoo.exceptions.AccessDenied' } }, settings.url) };
    uid = row.id;
    partnerId = row.partner_id ? row.partner_id[0] : 0;
    userName = row.name;
    lang = typeof row.lang === 'string' ? row.lang : '';
  }
  const server = await detectServer(rpc, settings.mode);
  if (!server.ok) return server;
  return { ok: true, value: { rpc, uid, partnerId, userName, server: server.value, lang } };
}

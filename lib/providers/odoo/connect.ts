/**
 * Connecting to Odoo: which Odoo is it (version, Enterprise voip), who am I (uid, my partner, my
 * language and time zone, sent with every call from then on), through the browser's session or
 * an API key. Every failure comes back typed, with its fix.
 */
import { failureFromRpcError, type OdooResult } from './errors';
import { odooRpc, type OdooContext, type OdooRpc } from './rpc';
import type { OdooSettings } from './settings';
import { detectVoip, dialectOf, type OdooServer, type VersionInfo } from './version';

export interface OdooConnection {
  rpc: OdooRpc;
  uid: number;
  partnerId: number;
  userName: string;
  server: OdooServer;
}

interface SessionInfo extends VersionInfo {
  uid?: number | false;
  partner_id?: number;
  name?: string;
  user_context?: { lang?: unknown; tz?: unknown };
}

/** The user's language and time zone, as Odoo gave them (unset ones are left out). */
export function contextOf(lang: unknown, tz: unknown): OdooContext {
  return { ...(typeof lang === 'string' && lang ? { lang } : {}), ...(typeof tz === 'string' && tz ? { tz } : {}) };
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
  if (settings.mode === 'session') {
    const info = await rpc.call<SessionInfo>('/web/session/get_session_info', {});
    if (!info.ok) return info;
    // Logged out: Odoo answers with no uid rather than an error.
    if (!info.value?.uid) return { ok: false, failure: failureFromRpcError({ code: 100 }, settings.url) };
    const dialect = dialectOf(info.value);
    if (!dialect.ok) return dialect;
    rpc.configure({ dialect: dialect.value, context: contextOf(info.value.user_context?.lang, info.value.user_context?.tz) });
    uid = info.value.uid;
    partnerId = Number(info.value.partner_id);
    userName = String(info.value.name ?? '');
  } else {
    // The version first: it decides the API the key is used on (JSON-2 from 19).
    const version = await rpc.call<VersionInfo>('/jsonrpc', { service: 'common', method: 'version', args: [] });
    if (!version.ok) return version;
    const dialect = dialectOf(version.value);
    if (!dialect.ok) return dialect;
    rpc.configure({ dialect: dialect.value });
    const me = await rpc.callKw<{ id: number; name: string; partner_id: [number, string] | false; lang: unknown; tz: unknown }[]>('res.users', 'search_read', [], {
      domain: [['login', '=', settings.login]], fields: ['name', 'partner_id', 'lang', 'tz'], limit: 1,
    });
    if (!me.ok) return me;
    const row = me.value[0];
    if (!row) return { ok: false, failure: failureFromRpcError({ data: { name: 'odoo.exceptions.AccessDenied' } }, settings.url) };
    rpc.configure({ context: contextOf(row.lang, row.tz) });
    uid = row.id;
    partnerId = row.partner_id ? row.partner_id[0] : 0;
    userName = row.name;
  }
  const voip = await detectVoip(rpc);
  if (!voip.ok) return voip;
  const { major, version } = rpc.dialect;
  return { ok: true, value: { rpc, uid, partnerId, userName, server: { major, version, voip: voip.value } } };
}

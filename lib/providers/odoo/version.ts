/**
 * What the connected Odoo is: its major version (16–19, for URLs and API differences) and
 * whether Enterprise `voip` is installed (its fields and methods are used when it is).
 */
import type { OdooResult } from './errors';
import type { OdooRpc } from './rpc';

export interface OdooServer {
  major: number;
  voip: boolean;
}

export async function detectServer(rpc: OdooRpc, mode: 'session' | 'apiKey'): Promise<OdooResult<OdooServer>> {
  const info = mode === 'session'
    ? await rpc.call<{ server_version_info?: unknown[] }>('/web/session/get_session_info', {})
    : await rpc.call<{ server_version_info?: unknown[] }>('/jsonrpc', { service: 'common', method: 'version', args: [] });
  if (!info.ok) return info;
  const major = Number(info.value?.server_version_info?.[0]);
  if (!Number.isInteger(major)) return { ok: false, failure: { kind: 'protocol', message: 'Odoo did not say which version it is.' } };
  const voip = await rpc.callKw<number>('ir.module.module', 'search_count', [[['name', '=', 'voip'], ['state', '=', 'installed']]]);
  if (!voip.ok) return voip;
  return { ok: true, value: { major, voip: voip.value > 0 } };
}

/** The web client's URL of a record, in the form of that version. */
export function recordUrl(baseUrl: string, major: number, model: string, id: number): string {
  const path = major >= 18 ? `/odoo/${model}/${id}` : `/web#id=${id}&model=${encodeURIComponent(model)}&view_type=form`;
  return new URL(path, baseUrl).href;
}

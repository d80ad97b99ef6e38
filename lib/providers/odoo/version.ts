/**
 * What the connected Odoo is: its version (16–19 or an Odoo Online build; see dialect.ts for what
 * differs) and whether Enterprise `voip` is installed (its fields and methods are used when it is).
 */
import { dialectFor, parseServerVersion, type OdooDialect } from './dialect';
import type { OdooFailure, OdooResult } from './errors';
import type { OdooRpc } from './rpc';

export interface OdooServer {
  major: number;
  /** As the server says it ("18.0", "saas~18.2"); absent in connections stored before it was kept. */
  version?: string;
  voip: boolean;
}

export interface VersionInfo {
  server_version?: unknown;
  server_version_info?: unknown;
}

/** The dialect of a version answer, or a protocol failure when it says no version. */
export function dialectOf(info: VersionInfo | null | undefined): OdooResult<OdooDialect> {
  const v = parseServerVersion(info?.server_version_info, info?.server_version);
  if (!v) return { ok: false, failure: { kind: 'protocol', message: 'Odoo did not say which version it is.' } };
  return { ok: true, value: dialectFor(v.major, v.version) };
}

/** Access refused to a model (not the session or the server): the caller can do without it. */
const refused = (f: OdooFailure) => f.kind === 'odoo' && f.odooName === 'odoo.exceptions.AccessError';

/**
 * Whether Enterprise `voip` is installed. The module list is readable by administrators only; for
 * other users, voip's own field on res.users (fields_get is open to every user) tells the same.
 */
export async function detectVoip(rpc: OdooRpc): Promise<OdooResult<boolean>> {
  const count = await rpc.callKw<number>('ir.module.module', 'search_count', [[['name', '=', 'voip'], ['state', '=', 'installed']]]);
  if (count.ok) return { ok: true, value: count.value > 0 };
  if (!refused(count.failure)) return count;
  const fields = await rpc.callKw<Record<string, unknown> | null>('res.users', 'fields_get', [['voip_username']], { attributes: ['type'] });
  if (!fields.ok) return refused(fields.failure) ? { ok: true, value: false } : fields;
  return { ok: true, value: Boolean(fields.value && 'voip_username' in fields.value) };
}

/** The web client's URL of a record, in the form of that version. */
export function recordUrl(baseUrl: string, dialect: OdooDialect, model: string, id: number): string {
  return new URL(dialect.recordPath(model, id), baseUrl).href;
}

/**
 * Every way an Odoo call can fail, as one typed value the UI can show with a fix: the session
 * ended (log in again, with a link), the login or key was refused, Odoo's own message for its
 * access and user errors, Odoo unreachable (offline state), or an answer we do not understand.
 */
import { t } from '../../i18n';

export type OdooFailure =
  | { kind: 'sessionExpired'; message: string; loginUrl: string }
  | { kind: 'accessDenied'; message: string }
  | { kind: 'odoo'; message: string; odooName: string }
  | { kind: 'unreachable'; message: string }
  | { kind: 'protocol'; message: string };

export type OdooResult<T> = { ok: true; value: T } | { ok: false; failure: OdooFailure };

interface RpcErrorPayload {
  code?: unknown;
  message?: unknown;
  data?: { name?: unknown; message?: unknown } | null;
}

/** Maps Odoo's JSON-RPC `error` object to a failure the user can act on. */
export function failureFromRpcError(error: RpcErrorPayload, baseUrl: string): OdooFailure {
  const name = typeof error.data?.name === 'string' ? error.data.name : '';
  const odooMessage = typeof error.data?.message === 'string' && error.data.message.trim() !== '' ? error.data.message : '';
  if (error.code === 100 || name.endsWith('SessionExpiredException')) {
    return { kind: 'sessionExpired', message: t('odoo.error.sessionExpired'), loginUrl: new URL('/web/login', baseUrl).href };
  }
  if (name.endsWith('AccessDenied')) return { kind: 'accessDenied', message: t('odoo.error.accessDenied') };
  if (name.startsWith('odoo.exceptions.')) return { kind: 'odoo', message: odooMessage || t('odoo.error.generic'), odooName: name };
  const fallback = typeof error.message === 'string' ? error.message : t('odoo.error.generic');
  return { kind: 'odoo', message: odooMessage || fallback, odooName: name || 'unknown' };
}

export function unreachable(baseUrl: string, detail: string): OdooFailure {
  return { kind: 'unreachable', message: t('odoo.error.unreachable', new URL(baseUrl).host, detail) };
}

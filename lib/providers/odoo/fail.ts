import type { OdooFailure } from './errors';

/** An Odoo failure as the widget shows it: the message, and the login page when the session ended. */
export function providerFailure(f: OdooFailure): { ok: false; reason: string; loginUrl?: string } {
  return f.kind === 'sessionExpired' ? { ok: false, reason: f.message, loginUrl: f.loginUrl } : { ok: false, reason: f.message };
}

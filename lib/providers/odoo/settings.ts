/**
 * How the user connects Odoo: its address (an origin), the database when the server hosts
 * several, and the way in — the browser's own logged-in session (default) or an API key for a
 * login. The key itself is a secret and is not part of these settings (it goes to the vault).
 */
import type { MessageKey } from '../../i18n';

export interface OdooSettings {
  url: string;
  db: string;
  mode: 'session' | 'apiKey';
  login: string;
}

export type OdooSettingsErrors = Partial<Record<keyof OdooSettings | 'key', MessageKey>>;

export const ODOO_SETTINGS_KEY = 'odoo' as const;

/** The Odoo origin for a URL the user typed or pasted ("erp.example.com/odoo/crm" → "https://erp.example.com"). */
export function odooOrigin(input: string): string | null {
  const raw = input.trim();
  if (raw === '') return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || url.hostname === '') return null;
  return url.origin;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Field-level problems, or the settings as they will be stored. */
export function validateOdooSettings(
  form: OdooSettings & { key: string },
  hasKey: boolean,
): { ok: true; settings: OdooSettings } | { ok: false; errors: OdooSettingsErrors } {
  const errors: OdooSettingsErrors = {};
  const origin = odooOrigin(form.url);
  if (form.url.trim() === '') errors.url = 'validation.required';
  else if (!origin) errors.url = 'odoo.validation.url';
  else if (origin.startsWith('http:') && !LOOPBACK.test(new URL(origin).hostname)) errors.url = 'odoo.validation.https';
  const db = form.db.trim();
  if (db !== '' && !/^[\w.-]{1,63}$/.test(db)) errors.db = 'odoo.validation.db';
  if (form.mode === 'apiKey') {
    if (form.login.trim() === '') errors.login = 'validation.required';
    if (db === '') errors.db = 'odoo.validation.dbForKey';
    if (form.key.trim() === '' && !hasKey) errors.key = 'validation.required';
  }
  if (Object.keys(errors).length > 0 || !origin) return { ok: false, errors };
  return { ok: true, settings: { url: origin, db, mode: form.mode, login: form.mode === 'apiKey' ? form.login.trim() : '' } };
}

/** Stored settings as they are, old or damaged: null unless complete. */
export function readOdooSettings(stored: unknown): OdooSettings | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const s = stored as Record<string, unknown>;
  const url = typeof s.url === 'string' ? odooOrigin(s.url) : null;
  if (!url) return null;
  const mode = s.mode === 'apiKey' ? 'apiKey' : 'session';
  return { url, db: typeof s.db === 'string' ? s.db : '', mode, login: typeof s.login === 'string' ? s.login : '' };
}

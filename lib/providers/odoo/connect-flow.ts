/**
 * The settings page's Connect: check the form, ask the browser for access to that Odoo origin (at
 * this moment, from the user's click: it is an optional host permission), sign in, and keep what
 * was learnt. Each step that fails says what to do; nothing is stored until Odoo answered.
 */
import browser from 'webextension-polyfill';
import { originPattern, releaseOrigin } from './origin-access';
import { t } from '../../i18n';
import { connectOdoo, type OdooConnection } from './connect';
import type { OdooResult } from './errors';
import { validateOdooSettings, type OdooSettings, type OdooSettingsErrors } from './settings';
import { forgetOdoo, saveOdoo, loadOdoo, type StoredOdoo } from './store';
import { loadSecret } from '../../settings/secret-store';
import { rememberOdooConnected } from '..';

export type OdooForm = OdooSettings & { key: string };

export type ConnectOutcome =
  | { ok: true; stored: StoredOdoo }
  | { ok: false; errors: OdooSettingsErrors }
  | { ok: false; message: string; loginUrl?: string };

export interface ConnectDeps {
  requestOrigin(origin: string): Promise<boolean>;
  connect(settings: OdooSettings, key: string): Promise<OdooResult<OdooConnection>>;
  save(c: OdooConnection, settings: OdooSettings, key: string | undefined): Promise<StoredOdoo>;
  savedKey(): Promise<string>;
  /** The origin connected before this Connect, if any. */
  previousOrigin?(): Promise<string | null>;
  /** Gives back the host access to an origin no longer connected. */
  releaseOrigin?(origin: string): Promise<void>;
}

export const browserConnectDeps: ConnectDeps = {
  requestOrigin: (origin) => browser.permissions.request({ origins: [originPattern(origin)] }),
  connect: (settings, key) => connectOdoo(settings, key),
  save: async (c, settings, key) => {
    await saveOdoo(c, settings, key);
    const stored = await loadOdoo();
    if (!stored) throw new Error('the Odoo connection could not be stored');
    return stored;
  },
  savedKey: () => loadSecret('odooKey'),
  previousOrigin: async () => (await loadOdoo())?.settings.url ?? null,
  releaseOrigin: (origin) => releaseOrigin(origin),
};

export async function connectFromForm(form: OdooForm, hasKey: boolean, deps: ConnectDeps = browserConnectDeps): Promise<ConnectOutcome> {
  const valid = validateOdooSettings(form, hasKey);
  if (!valid.ok) return valid;
  const { settings } = valid;
  // Asked first, still inside the click: the browser only shows its prompt for a user gesture.
  const granted = await deps.requestOrigin(settings.url).catch(() => false);
  if (!granted) return { ok: false, message: t('odoo.settings.permissionDenied', settings.url) };
  const before = (await deps.previousOrigin?.()) ?? null;
  const typedKey = form.key.trim();
  const key = settings.mode === 'apiKey' ? typedKey || (await deps.savedKey()) : '';
  const c = await deps.connect(settings, key);
  if (!c.ok) {
    return c.failure.kind === 'sessionExpired'
      ? { ok: false, message: c.failure.message, loginUrl: c.failure.loginUrl }
      : { ok: false, message: c.failure.message };
  }
  const stored = await deps.save(c.value, settings, settings.mode === 'apiKey' && typedKey ? typedKey : undefined);
  rememberOdooConnected(true);
  // Connected elsewhere: the old origin's access goes back (only now, when the new one works),
  // unless it is the new one's too (Firefox: the same host on another port).
  if (before !== null && originPattern(before) !== originPattern(settings.url)) await deps.releaseOrigin?.(before);
  return { ok: true, stored };
}

export function connectedSummary(s: StoredOdoo): string {
  return t(
    'odoo.settings.connected',
    new URL(s.settings.url).host,
    s.userName,
    s.major,
    t(s.voip ? 'odoo.settings.voipEnterprise' : 'odoo.settings.voipCommunity'),
  );
}

/** Forgets the connection and the key, and gives the origin's access back to the browser. */
export async function disconnectOdoo(): Promise<void> {
  const stored = await loadOdoo();
  await forgetOdoo();
  rememberOdooConnected(false);
  if (stored) await releaseOrigin(stored.settings.url);
}

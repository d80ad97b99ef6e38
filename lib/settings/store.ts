import browser from 'webextension-polyfill';
import { countryFromLanguage } from '../phone-number';
import type { SipConfig } from '../sip/types';
import { accountFromStorage, emptySettings, missingParameters, type AccountSettings } from './schema';
import { loadSecret, saveSecret } from './secret-store';

const ACCOUNT_KEY = 'account';
const IDENTITY_KEY = 'identity';

export function suggestedCountry(): string {
  return countryFromLanguage(browser.i18n.getUILanguage());
}

/** Read on every dial, so kept in memory; any write (from any context) drops the copy. */
let cachedAccount: AccountSettings | null = null;
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && ACCOUNT_KEY in changes) cachedAccount = null;
});

export async function loadAccount(): Promise<AccountSettings> {
  if (cachedAccount) return { ...cachedAccount };
  const stored: unknown = (await browser.storage.local.get(ACCOUNT_KEY))[ACCOUNT_KEY];
  cachedAccount = accountFromStorage(stored, emptySettings(suggestedCountry()));
  return { ...cachedAccount };
}

export async function saveAccount(account: AccountSettings, secret: string | undefined): Promise<void> {
  if (secret !== undefined) await saveSecret(secret);
  cachedAccount = null;
  await browser.storage.local.set({ [ACCOUNT_KEY]: account });
}

export async function hasSecret(): Promise<boolean> {
  return (await loadSecret()) !== '';
}

/** Instance id and Contact name, made once and kept, so one browser is one registration. */
async function identity(): Promise<{ instanceId: string; contactName: string }> {
  const stored = (await browser.storage.local.get(IDENTITY_KEY))[IDENTITY_KEY] as
    | { instanceId: string; contactName: string }
    | undefined;
  if (stored?.instanceId && stored.contactName) return stored;
  const made = {
    instanceId: crypto.randomUUID(),
    contactName: Math.random().toString(36).slice(2, 10),
  };
  await browser.storage.local.set({ [IDENTITY_KEY]: made });
  return made;
}

/** The config for the phone host, or what is missing for it. */
export async function buildSipConfig(): Promise<{
  config: SipConfig | null;
  missing: string[];
  debug: boolean;
  defaultCountry: string;
}> {
  const account = await loadAccount();
  const secret = await loadSecret();
  const missing = missingParameters(account, secret !== '');
  if (missing.length > 0) return { config: null, missing, debug: account.debug, defaultCountry: account.defaultCountry };
  const { instanceId, contactName } = await identity();
  return {
    config: {
      wsUrl: account.wsUrl,
      domain: account.domain,
      username: account.username,
      authorizationUser: account.authorizationUser,
      secret,
      displayName: account.displayName,
      instanceId,
      contactName,
      callWaiting: account.callWaiting,
    },
    missing,
    debug: account.debug,
    defaultCountry: account.defaultCountry,
  };
}

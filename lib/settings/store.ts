import browser from 'webextension-polyfill';
import { countryFromLanguage } from '../phone-number';
import type { SipConfig } from '../sip/types';
import { accountFromStorage, emptySettings, missingParameters, type AccountSettings } from './schema';
import { loadPrivate, onPrivateChange, savePrivate } from './private-store';
import { loadSecret, saveSecret } from './secret-store';
import { loadIceConfig } from './network-store';

export function suggestedCountry(): string {
  return countryFromLanguage(browser.i18n.getUILanguage());
}

/**
 * Read on every dial and every batch of a page's numbers, so the read is kept (in flight too: the
 * requests of a double-click or of a large page share one); any write, from any context
 * (`onPrivateChange`), drops it, so the next read is of what was written.
 */
let accountRead: Promise<AccountSettings> | null = null;
onPrivateChange('account', () => {
  accountRead = null;
});

export async function loadAccount(): Promise<AccountSettings> {
  if (!accountRead) {
    const read = loadPrivate('account').then((stored) => accountFromStorage(stored, emptySettings(suggestedCountry())));
    accountRead = read;
    read.catch(() => {
      if (accountRead === read) accountRead = null;
    });
  }
  return { ...(await accountRead) };
}

export async function saveAccount(account: AccountSettings, secret: string | undefined): Promise<void> {
  if (secret !== undefined) await saveSecret(secret);
  await savePrivate('account', account);
}

export async function hasSecret(): Promise<boolean> {
  return (await loadSecret()) !== '';
}

/** Instance id and Contact name, made once and kept, so one browser is one registration. */
async function identity(): Promise<{ instanceId: string; contactName: string }> {
  const stored = (await loadPrivate('identity')) as Partial<Record<'instanceId' | 'contactName', unknown>> | undefined;
  if (typeof stored?.instanceId === 'string' && stored.instanceId && typeof stored.contactName === 'string' && stored.contactName) {
    return { instanceId: stored.instanceId, contactName: stored.contactName };
  }
  const made = {
    instanceId: crypto.randomUUID(),
    contactName: Math.random().toString(36).slice(2, 10),
  };
  await savePrivate('identity', made);
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
      maxLines: account.maxLines,
      ice: await loadIceConfig(),
    },
    missing,
    debug: account.debug,
    defaultCountry: account.defaultCountry,
  };
}

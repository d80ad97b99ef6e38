import { isCountryCode } from '../phone-number';
import type { MessageKey } from '../i18n';

/** The account as stored (`private-store.ts`, out of content scripts' reach). The secret is NOT here: see `secret-store.ts`. */
export interface AccountSettings {
  wsUrl: string;
  domain: string;
  username: string;
  authorizationUser: string;
  displayName: string;
  defaultCountry: string;
  callWaiting: boolean;
  /** With call waiting on: calls on the lines at once (1–3); one more gets 486 Busy Here. */
  maxLines: number;
  debug: boolean;
}

export const MAX_LINES = 3;
export const DEFAULT_LINES = 2;
/** A number of lines the phone offers: a whole number from 1 to MAX_LINES. */
export const isLines = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_LINES;

/**
 * The stored account as it is, old or damaged: each field kept only if it has the right type,
 * the rest from `defaults`. A damaged field then shows as missing (Missing Parameter names it),
 * never as a crash. Accounts saved before `debug` existed get it off.
 */
export function accountFromStorage(stored: unknown, defaults: AccountSettings): AccountSettings {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return { ...defaults };
  const s = stored as Record<string, unknown>;
  const text = (k: keyof AccountSettings) => (typeof s[k] === 'string' ? (s[k] as string) : (defaults[k] as string));
  const flag = (k: 'callWaiting' | 'debug') => (typeof s[k] === 'boolean' ? (s[k] as boolean) : defaults[k]);
  return {
    wsUrl: text('wsUrl'), domain: text('domain'), username: text('username'), authorizationUser: text('authorizationUser'),
    displayName: text('displayName'), defaultCountry: text('defaultCountry'), callWaiting: flag('callWaiting'), debug: flag('debug'),
    maxLines: isLines(s.maxLines) ? s.maxLines : defaults.maxLines,
  };
}

/** What the options form submits: the account plus a secret field (blank = keep the saved one). */
export interface SettingsForm extends AccountSettings {
  secret: string;
}

export type SettingsField = keyof SettingsForm;
export type FieldErrors = Partial<Record<SettingsField, MessageKey>>;

export function emptySettings(defaultCountry: string): AccountSettings {
  return {
    wsUrl: '',
    domain: '',
    username: '',
    authorizationUser: '',
    displayName: '',
    defaultCountry,
    callWaiting: false,
    maxLines: DEFAULT_LINES,
    debug: false,
  };
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/i;
const SIP_USER = /^[A-Za-z0-9._+-]{1,64}$/;
const DISPLAY_NAME = /^[^"\r\n\\]{0,64}$/;

function validateWsUrl(value: string): MessageKey | undefined {
  if (value === '') return 'validation.required';
  if (!/^wss?:\/\//i.test(value)) return 'validation.wsUrl.scheme';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'validation.wsUrl.invalid';
  }
  if (url.hostname === '') return 'validation.wsUrl.invalid';
  if (url.protocol === 'ws:' && !LOOPBACK.test(url.hostname)) return 'validation.wsUrl.insecure';
  return undefined;
}

function validateDomain(value: string): MessageKey | undefined {
  if (value === '') return 'validation.required';
  const host = value.replace(/:\d{1,5}$/, '');
  return HOST.test(host) || IPV4.test(host) || IPV6.test(host) ? undefined : 'validation.domain.invalid';
}

export type ValidationResult =
  | { ok: true; account: AccountSettings; secret: string | undefined }
  | { ok: false; errors: FieldErrors };

/**
 * Checks a submitted form. Values are trimmed; `hasSavedSecret` lets a blank secret mean
 * "keep the one already saved" so the secret never has to be shown back.
 */
export function validateSettings(form: SettingsForm, hasSavedSecret: boolean): ValidationResult {
  const f = {
    ...form,
    wsUrl: form.wsUrl.trim(),
    domain: form.domain.trim().toLowerCase(),
    username: form.username.trim(),
    authorizationUser: form.authorizationUser.trim(),
    displayName: form.displayName.trim(),
    defaultCountry: form.defaultCountry.trim().toUpperCase(),
  };
  const errors: FieldErrors = {};
  const ws = validateWsUrl(f.wsUrl);
  if (ws) errors.wsUrl = ws;
  const domain = validateDomain(f.domain);
  if (domain) errors.domain = domain;
  if (f.username === '') errors.username = 'validation.required';
  else if (!SIP_USER.test(f.username)) errors.username = 'validation.username.invalid';
  if (f.authorizationUser !== '' && !SIP_USER.test(f.authorizationUser)) {
    errors.authorizationUser = 'validation.username.invalid';
  }
  if (!DISPLAY_NAME.test(f.displayName)) errors.displayName = 'validation.displayName.invalid';
  if (!isCountryCode(f.defaultCountry)) errors.defaultCountry = 'validation.country.invalid';
  if (!isLines(f.maxLines)) errors.maxLines = 'validation.maxLines';
  if (form.secret === '' && !hasSavedSecret) errors.secret = 'validation.required';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const { secret, ...account } = f;
  return { ok: true, account, secret: secret === '' ? undefined : secret };
}

/** Which required parts of a saved account are missing (for the Missing Parameter message). */
export function missingParameters(account: AccountSettings | undefined, hasSecret: boolean): SettingsField[] {
  const missing: SettingsField[] = [];
  if (!account?.wsUrl) missing.push('wsUrl');
  if (!account?.domain) missing.push('domain');
  if (!account?.username) missing.push('username');
  if (!hasSecret) missing.push('secret');
  return missing;
}

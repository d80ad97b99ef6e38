import type { MessageKey } from '../i18n';
import type { IceConfig } from '../sip/types';

/**
 * NAT traversal as stored (`private-store.ts`, key `network`): STUN and TURN servers and whether
 * media must go through the relay. The TURN credential is NOT here: it is a secret (`secret-store.ts`).
 */
export interface NetworkSettings {
  stunUrls: string[];
  turnUrls: string[];
  turnUsername: string;
  relayOnly: boolean;
}

/** What the settings form submits: one address a line, and a credential (blank = keep the saved one). */
export interface NetworkForm {
  stunUrls: string;
  turnUrls: string;
  turnUsername: string;
  turnCredential: string;
  relayOnly: boolean;
}

export type NetworkField = keyof NetworkForm;
/** A field's problem, with what it names (the address that is wrong). */
export interface NetworkProblem {
  key: MessageKey;
  args: string[];
}
export type NetworkErrors = Partial<Record<NetworkField, NetworkProblem>>;

export const NO_NETWORK: NetworkSettings = { stunUrls: [], turnUrls: [], turnUsername: '', relayOnly: false };
export const MAX_SERVERS = 5;

/** The stored value as it is, old or damaged: a damaged field reads as unset. */
export function networkFromStorage(stored: unknown): NetworkSettings {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return { ...NO_NETWORK };
  const s = stored as Record<string, unknown>;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((u): u is string => typeof u === 'string') : []);
  return {
    stunUrls: list(s.stunUrls),
    turnUrls: list(s.turnUrls),
    turnUsername: typeof s.turnUsername === 'string' ? s.turnUsername : '',
    relayOnly: s.relayOnly === true,
  };
}

// RFC 7064 (stun:, stuns:) and RFC 7065 (turn:, turns:, ?transport=udp|tcp). No user part, no path.
const HOST = String.raw`(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])`;
const PORT = String.raw`(?::(?:6553[0-5]|655[0-2]\d|65[0-4]\d{2}|6[0-4]\d{3}|[1-5]\d{4}|[1-9]\d{0,3}))?`;
const STUN_URL = new RegExp(`^stuns?:${HOST}${PORT}$`, 'i');
const TURN_URL = new RegExp(`^turns?:${HOST}${PORT}(?:\\?transport=(?:udp|tcp))?$`, 'i');
/** A TURN username is sent in STUN attributes: printable, no spaces at the ends, bounded. */
const TURN_USER = /^[^\s\p{Cc}](?:[^\p{Cc}]{0,126}[^\s\p{Cc}])?$/u;

function lines(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function checkUrls(urls: string[], pattern: RegExp, key: MessageKey): NetworkProblem | undefined {
  if (urls.length > MAX_SERVERS) return { key: 'network.validation.tooMany', args: [String(MAX_SERVERS)] };
  const bad = urls.find((u) => !pattern.test(u));
  return bad === undefined ? undefined : { key, args: [bad] };
}

export type NetworkValidation =
  | { ok: true; network: NetworkSettings; credential: string | undefined }
  | { ok: false; errors: NetworkErrors };

/**
 * Checks the form field by field. A TURN server needs a username and a credential (a blank
 * credential keeps the saved one); "relay only" needs a TURN server, or no call could connect.
 */
export function validateNetwork(form: NetworkForm, hasSavedCredential: boolean): NetworkValidation {
  const stunUrls = lines(form.stunUrls);
  const turnUrls = lines(form.turnUrls);
  const turnUsername = form.turnUsername.trim();
  const errors: NetworkErrors = {};
  const stun = checkUrls(stunUrls, STUN_URL, 'network.validation.stun');
  if (stun) errors.stunUrls = stun;
  const turn = checkUrls(turnUrls, TURN_URL, 'network.validation.turn');
  if (turn) errors.turnUrls = turn;
  if (turnUrls.length > 0) {
    if (turnUsername === '') errors.turnUsername = { key: 'network.validation.turnUsername', args: [] };
    else if (!TURN_USER.test(turnUsername)) errors.turnUsername = { key: 'network.validation.turnUsernameInvalid', args: [] };
    if (form.turnCredential === '' && !hasSavedCredential) errors.turnCredential = { key: 'network.validation.turnCredential', args: [] };
  }
  if (form.relayOnly && turnUrls.length === 0) errors.relayOnly = { key: 'network.validation.relayOnly', args: [] };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // Without a TURN server the credential has no use: it is cleared rather than kept unseen.
  const credential = turnUrls.length === 0 ? '' : form.turnCredential === '' ? undefined : form.turnCredential;
  return { ok: true, network: { stunUrls, turnUrls, turnUsername: turnUrls.length ? turnUsername : '', relayOnly: form.relayOnly }, credential };
}

/** What the phone's peer connections are given. */
export function iceConfigOf(network: NetworkSettings, turnCredential: string): IceConfig {
  const iceServers: RTCIceServer[] = [];
  if (network.stunUrls.length > 0) iceServers.push({ urls: [...network.stunUrls] });
  if (network.turnUrls.length > 0 && turnCredential !== '') {
    iceServers.push({ urls: [...network.turnUrls], username: network.turnUsername, credential: turnCredential });
  }
  return { iceServers, relayOnly: network.relayOnly };
}

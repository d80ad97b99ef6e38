/**
 * The one message protocol. Names say who owns the handler:
 *   phone:*  commands and queries for the phone, sent by extension UIs, routed by the background;
 *   bg:*     things only the background does (settings, pages);
 *   host:*   between the background and the phone host (Chrome's offscreen document);
 *   cs:*     what a content script may send (validated hardest: it comes from web pages' tabs).
 * Every payload is checked by `parse*` before use; results are typed unions, never thrown strings.
 */
import type { PhoneError } from '../errors';
import type { DialTarget } from '../phone-number';
import type { StoredOdoo } from '../providers/odoo/store';
import type { AccountSettings, FieldErrors, SettingsForm } from '../settings/schema';
import type { PhoneSnapshot, SipConfig } from '../sip/types';

export type PhoneCommand =
  | { type: 'phone:getState' }
  | { type: 'phone:dial'; number: string }
  | { type: 'phone:answer'; callId: string }
  | { type: 'phone:decline'; callId: string }
  | { type: 'phone:hangup'; callId: string }
  | { type: 'phone:mute'; callId: string; muted: boolean }
  | { type: 'phone:hold'; callId: string; held: boolean }
  | { type: 'phone:dtmf'; callId: string; digits: string }
  | { type: 'phone:transfer'; callId: string; target: string }
  | { type: 'phone:dismiss'; callId: string };

export type BackgroundCommand =
  | { type: 'bg:getSettings' }
  | { type: 'bg:saveSettings'; form: SettingsForm }
  | { type: 'bg:openOptions' }
  | { type: 'bg:openMicPage' }
  | { type: 'bg:micResult'; granted: boolean }
  | { type: 'bg:syncEmailAlarms' }
  | { type: 'bg:missedSeen' }
  /** The Odoo connection was made or forgotten in the settings. */
  | { type: 'bg:odooChanged' };

export type UiMessage = PhoneCommand | BackgroundCommand;

/** What the background asks of the phone host (numbers already normalised). */
export type HostCommand =
  | {
      type: 'configure'; config: SipConfig | null; missing: string[]; debug: boolean; defaultCountry: string;
      /** The Odoo connection (no secret), for caller ID and call logs; null without Odoo. */
      odoo?: StoredOdoo | null;
    }
  | { type: 'getState' }
  | { type: 'dial'; target: DialTarget }
  | { type: 'answer'; callId: string }
  | { type: 'decline'; callId: string }
  | { type: 'hangup'; callId: string }
  | { type: 'mute'; callId: string; muted: boolean }
  | { type: 'hold'; callId: string; held: boolean }
  | { type: 'dtmf'; callId: string; digits: string }
  | { type: 'transfer'; callId: string; target: DialTarget }
  | { type: 'dismiss'; callId: string }
  | { type: 'online' }
  | { type: 'offline' };

export type HostEnvelope = { type: 'host:cmd'; cmd: HostCommand };
/** Host → everyone: the state changed. */
export type HostBroadcast =
  | { type: 'host:state'; state: PhoneSnapshot }
  | { type: 'host:ready' }
  | { type: 'host:history' };

export type CommandResult<T = undefined> = { ok: true; value: T } | { ok: false; error: PhoneError };

export interface SettingsView {
  account: AccountSettings;
  hasSecret: boolean;
  /** Browser-language guess for a first setup. */
  suggestedCountry: string;
}

export type SaveSettingsResult = { ok: true } | { ok: false; errors: FieldErrors };

// ---- validation --------------------------------------------------------------------------

type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max = 256): v is string => typeof v === 'string' && v.length <= max;
const callId = (v: unknown): v is string => str(v, 128) && /^[\w.@:-]+$/.test(v as string);
const bool = (v: unknown): v is boolean => typeof v === 'boolean';

const SETTINGS_TEXT_FIELDS = [
  'wsUrl',
  'domain',
  'username',
  'authorizationUser',
  'displayName',
  'defaultCountry',
  'secret',
] as const;

function parseForm(v: unknown): SettingsForm | null {
  if (!isObj(v)) return null;
  for (const k of SETTINGS_TEXT_FIELDS) if (!str(v[k], 512)) return null;
  if (!bool(v.callWaiting) || !bool(v.debug)) return null;
  const form: Obj = {};
  for (const k of SETTINGS_TEXT_FIELDS) form[k] = v[k];
  form.callWaiting = v.callWaiting;
  form.debug = v.debug;
  return form as unknown as SettingsForm;
}

/** Checks a message from an extension page. Returns null for anything malformed. */
export function parseUiMessage(m: unknown): UiMessage | null {
  if (!isObj(m) || typeof m.type !== 'string') return null;
  switch (m.type) {
    case 'phone:getState':
    case 'bg:getSettings':
    case 'bg:openOptions':
    case 'bg:openMicPage':
    case 'bg:syncEmailAlarms':
    case 'bg:missedSeen':
    case 'bg:odooChanged':
      return { type: m.type };
    case 'phone:dial':
      return str(m.number, 64) ? { type: m.type, number: m.number } : null;
    case 'phone:answer':
    case 'phone:decline':
    case 'phone:hangup':
    case 'phone:dismiss':
      return callId(m.callId) ? { type: m.type, callId: m.callId } : null;
    case 'phone:mute':
      return callId(m.callId) && bool(m.muted) ? { type: m.type, callId: m.callId, muted: m.muted } : null;
    case 'phone:hold':
      return callId(m.callId) && bool(m.held) ? { type: m.type, callId: m.callId, held: m.held } : null;
    case 'phone:dtmf':
      return callId(m.callId) && str(m.digits, 32) && /^[0-9*#A-D]+$/.test(m.digits)
        ? { type: m.type, callId: m.callId, digits: m.digits }
        : null;
    case 'phone:transfer':
      return callId(m.callId) && str(m.target, 64) ? { type: m.type, callId: m.callId, target: m.target } : null;
    case 'bg:saveSettings': {
      const form = parseForm(m.form);
      return form ? { type: m.type, form } : null;
    }
    case 'bg:micResult':
      return bool(m.granted) ? { type: m.type, granted: m.granted } : null;
    default:
      return null;
  }
}

export function isHostEnvelope(m: unknown): m is HostEnvelope {
  return isObj(m) && m.type === 'host:cmd' && isObj(m.cmd) && typeof m.cmd.type === 'string';
}

export function isHostBroadcast(m: unknown): m is HostBroadcast {
  return isObj(m) && (m.type === 'host:ready' || m.type === 'host:history' || (m.type === 'host:state' && isObj(m.state)));
}

/** Minimal shape of a runtime message sender that we rely on. */
export interface SenderInfo {
  url?: string | undefined;
  tab?: unknown;
  id?: string | undefined;
}

/**
 * True only for this extension's own pages (popup, options, offscreen, a pop-out tab).
 * Content scripts carry the web page's URL, so they fail this check.
 */
export function isOwnExtensionPage(sender: SenderInfo, extensionOrigin: string, extensionId: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

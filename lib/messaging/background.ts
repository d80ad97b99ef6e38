/** `bg:*` — what only the background does for an extension page: settings and pages to open. */
import type { CallRisk } from '../phone-number';
import type { Result } from '../result';
import type { AccountSettings, FieldErrors, SettingsForm } from '../settings/schema';
import type { NetworkErrors, NetworkForm, NetworkSettings } from '../settings/network';
import { parseDevices, type DeviceChoices } from '../devices/choice';
import { bare, entry, type MessageOf } from './define';
import { isDndChoice, type DndChoice } from '../dnd/choice';
import { bool, isObj, str, type Obj } from './validate';

export interface SettingsView {
  account: AccountSettings;
  hasSecret: boolean;
  /** Browser-language guess for a first setup. */
  suggestedCountry: string;
}

/** A call a page asked for, as its confirmation window shows it. */
export interface PendingCallView {
  /** The number as it will be dialled, formatted for reading. */
  number: string;
  /** The contact it belongs to, '' when unknown. */
  name: string;
  /** The site that asked; null for none. */
  site: string | null;
  /** Why it must be confirmed whatever the site (premium rate, feature code…); null for none. */
  risk: CallRisk | null;
  /** What was clicked on the page was not seen where it was clicked (hidden, covered, moved): said, and the site cannot be trusted from here. */
  unseen: boolean;
}

/** The NAT traversal settings as the settings page shows them (never the TURN credential). */
export interface NetworkView {
  network: NetworkSettings;
  hasCredential: boolean;
}

const NETWORK_TEXT_FIELDS = ['stunUrls', 'turnUrls', 'turnUsername', 'turnCredential'] as const;

function parseNetworkForm(v: unknown): NetworkForm | null {
  if (!isObj(v)) return null;
  for (const k of NETWORK_TEXT_FIELDS) if (!str(v[k], 2048)) return null;
  if (!bool(v.relayOnly)) return null;
  const form: Obj = { relayOnly: v.relayOnly };
  for (const k of NETWORK_TEXT_FIELDS) form[k] = v[k];
  return form as unknown as NetworkForm;
}

const requestId = (v: unknown): v is string => str(v, 64) && /^[0-9a-f-]{36}$/.test(v);

const SETTINGS_TEXT_FIELDS = ['wsUrl', 'domain', 'username', 'authorizationUser', 'displayName', 'defaultCountry', 'secret'] as const;

/** Only the known fields, each a bounded string or a flag: nothing else reaches storage. */
function parseForm(v: unknown): SettingsForm | null {
  if (!isObj(v)) return null;
  for (const k of SETTINGS_TEXT_FIELDS) if (!str(v[k], 512)) return null;
  if (!bool(v.callWaiting) || !bool(v.debug) || typeof v.maxLines !== 'number') return null;
  const form: Obj = {};
  for (const k of SETTINGS_TEXT_FIELDS) form[k] = v[k];
  form.callWaiting = v.callWaiting;
  // Checked for its range with the other fields (a field error, not a malformed request).
  form.maxLines = v.maxLines;
  form.debug = v.debug;
  return form as unknown as SettingsForm;
}

export const backgroundChannel = {
  'bg:getSettings': bare<Result<SettingsView>>(),
  'bg:saveSettings': entry<{ form: SettingsForm }, Result<undefined, FieldErrors>>((m) => {
    const form = parseForm(m.form);
    return form ? { form } : null;
  }),
  'bg:getNetwork': bare<Result<NetworkView>>(),
  'bg:saveNetwork': entry<{ form: NetworkForm }, Result<undefined, NetworkErrors>>((m) => {
    const form = parseNetworkForm(m.form);
    return form ? { form } : null;
  }),
  'bg:getDevices': bare<Result<DeviceChoices>>(),
  /** The microphone, speaker and ringer chosen (settings or the call screen); the host applies them at once. */
  'bg:saveDevices': entry<{ devices: DeviceChoices }, Result>((m) => {
    const devices = parseDevices(m.devices);
    return devices ? { devices } : null;
  }),
  'bg:openOptions': bare<Result>(),
  'bg:openMicPage': bare<Result>(),
  /** The scheduled emails changed (local provider): arm their alarms again. */
  'bg:syncEmailAlarms': bare<Result>(),
  /** Recent was looked at: the badge's missed-call count follows. */
  'bg:missedSeen': bare<Result>(),
  /** Do not disturb on for a duration, or off (the header switch). */
  'bg:setDnd': entry<{ choice: DndChoice | 'off' }, Result>((m) =>
    m.choice === 'off' || isDndChoice(m.choice) ? { choice: m.choice } : null,
  ),
  /** The Odoo connection was made or forgotten in the settings. */
  'bg:odooChanged': bare<Result>(),
  /** The confirmation window asks what it confirms. */
  'bg:pendingCall': entry<{ id: string }, Result<PendingCallView>>((m) => (requestId(m.id) ? { id: m.id } : null)),
  /** The user's answer in it: call (and perhaps trust the site from now on) or not. */
  'bg:answerCall': entry<{ id: string; call: boolean; trust: boolean }, Result>((m) =>
    requestId(m.id) && bool(m.call) && bool(m.trust) ? { id: m.id, call: m.call, trust: m.trust } : null,
  ),
};

export type BackgroundChannel = typeof backgroundChannel;
export type BackgroundCommand = MessageOf<BackgroundChannel>;

/**
 * Which audio devices the user chose, and which one to use now. Device ids are per browser
 * profile and may change across sessions (Chrome renews them when site data is cleared), so each
 * choice keeps the label as well: the id is tried first, then the label, then the default device.
 */
export type DeviceRole = 'microphone' | 'speaker' | 'ringer';
export const DEVICE_ROLES: readonly DeviceRole[] = ['microphone', 'speaker', 'ringer'];

export interface DeviceChoice {
  id: string;
  label: string;
}

/** null: the browser's default device. */
export type DeviceChoices = Record<DeviceRole, DeviceChoice | null>;

export const DEFAULT_DEVICES: DeviceChoices = { microphone: null, speaker: null, ringer: null };

/** What `enumerateDevices` gives (a plain copy: MediaDeviceInfo does not cross a message). */
export interface DeviceInfo {
  deviceId: string;
  kind: MediaDeviceKind;
  label: string;
}

export const kindOf = (role: DeviceRole): MediaDeviceKind => (role === 'microphone' ? 'audioinput' : 'audiooutput');

/** The device to use for a role: `deviceId` undefined is the default; `missing` when the chosen one is not there. */
export interface Resolved {
  deviceId: string | undefined;
  label: string;
  missing: boolean;
}

/** Chrome lists the default twice ('default', 'communications' aliases): not a choice of their own. */
const ALIAS_IDS = new Set(['default', 'communications', '']);

export function resolveDevice(choice: DeviceChoice | null, role: DeviceRole, devices: readonly DeviceInfo[]): Resolved {
  if (!choice || ALIAS_IDS.has(choice.id)) return { deviceId: undefined, label: '', missing: false };
  const ofKind = devices.filter((d) => d.kind === kindOf(role));
  const found = ofKind.find((d) => d.deviceId === choice.id) ?? (choice.label ? ofKind.find((d) => d.label === choice.label) : undefined);
  return found ? { deviceId: found.deviceId, label: found.label, missing: false } : { deviceId: undefined, label: choice.label, missing: true };
}

/** The devices a role can pick from, without the default's aliases (offered once, as "Default"). */
export function choicesFor(role: DeviceRole, devices: readonly DeviceInfo[]): DeviceInfo[] {
  return devices.filter((d) => d.kind === kindOf(role) && !ALIAS_IDS.has(d.deviceId));
}

function choiceFrom(v: unknown): DeviceChoice | null {
  if (typeof v !== 'object' || v === null) return null;
  const { id, label } = v as Record<string, unknown>;
  if (typeof id !== 'string' || typeof label !== 'string' || id.length > 512 || label.length > 512) return null;
  return { id, label };
}

/** The stored choices as they are (old or damaged): each role kept only if well formed, else the default. */
export function devicesFromStorage(stored: unknown): DeviceChoices {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return { ...DEFAULT_DEVICES };
  const s = stored as Record<string, unknown>;
  return { microphone: choiceFrom(s.microphone), speaker: choiceFrom(s.speaker), ringer: choiceFrom(s.ringer) };
}

/** A message's choices: null when anything is not a well-formed choice (nothing is silently dropped). */
export function parseDevices(v: unknown): DeviceChoices | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const s = v as Record<string, unknown>;
  for (const role of DEVICE_ROLES) if (s[role] !== null && choiceFrom(s[role]) === null) return null;
  return devicesFromStorage(v);
}

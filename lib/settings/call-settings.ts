import browser from 'webextension-polyfill';
import { t, type MessageKey } from '../i18n';

/** What happens around a call: call pop on answer, the wrap-up and its outcomes. */
export interface CallSettings {
  /** Open the caller's record in a tab when a call is answered. */
  openOnAnswer: boolean;
  /** Offer a wrap-up (note, outcome, next step) after every call. */
  wrapUp: boolean;
  /** The user's own outcomes; null = the default list, in the user's language. */
  outcomes: string[] | null;
  /** What the user dials for their mailbox (e.g. *97 or an extension); '' when not set. */
  voicemailNumber: string;
}

export const CALL_SETTINGS_KEY = 'callSettings';
export const MAX_OUTCOMES = 12;
export const MAX_OUTCOME_LENGTH = 40;

const DEFAULT_OUTCOMES: MessageKey[] = [
  'wrapUp.outcome.answered', 'wrapUp.outcome.noAnswer', 'wrapUp.outcome.voicemail',
  'wrapUp.outcome.wrongNumber', 'wrapUp.outcome.busy', 'wrapUp.outcome.callBack',
];

export const defaultCallSettings = (): CallSettings => ({ openOnAnswer: false, wrapUp: true, outcomes: null, voicemailNumber: '' });

/** A voicemail number as dialled: a service code or extension (*97, 1004) or a phone number. */
const VOICEMAIL_NUMBER = /^(?:[*#]?\d{2,15}|\+\d{3,15})$/;

/**
 * The voicemail number typed in the settings, forgiving spaces, dashes, dots, slashes and brackets:
 * the number to dial ('' removes it), or why it is refused.
 */
export function parseVoicemailNumber(text: string): { ok: true; number: string } | { ok: false; message: string } {
  const compact = text.trim().replace(/[\s().\-/\u00a0\u2010-\u2015]/g, '');
  if (compact === '') return { ok: true, number: '' };
  const number = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  return VOICEMAIL_NUMBER.test(number) ? { ok: true, number } : { ok: false, message: t('validation.voicemailNumber', text.trim()) };
}

/** The outcomes offered: the user's list, or the default one. */
export function outcomesOf(s: CallSettings): string[] {
  return s.outcomes ?? DEFAULT_OUTCOMES.map((k) => t(k));
}

/** Stored settings as they are, old or damaged: each field kept only with the right type. */
export function readCallSettings(stored: unknown): CallSettings {
  const d = defaultCallSettings();
  if (typeof stored !== 'object' || stored === null) return d;
  const s = stored as Record<string, unknown>;
  const list = Array.isArray(s.outcomes) && s.outcomes.every((o) => typeof o === 'string') && s.outcomes.length > 0 ? (s.outcomes as string[]) : null;
  return {
    openOnAnswer: typeof s.openOnAnswer === 'boolean' ? s.openOnAnswer : d.openOnAnswer,
    wrapUp: typeof s.wrapUp === 'boolean' ? s.wrapUp : d.wrapUp,
    outcomes: list,
    voicemailNumber: typeof s.voicemailNumber === 'string' && VOICEMAIL_NUMBER.test(s.voicemailNumber) ? s.voicemailNumber : d.voicemailNumber,
  };
}

/** The outcomes typed in the settings (one a line), checked: the list, or why it is refused. */
export function parseOutcomes(text: string): { ok: true; outcomes: string[] } | { ok: false; message: string } {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length === 0) return { ok: false, message: t('callSettings.outcomes.empty') };
  if (lines.length > MAX_OUTCOMES) return { ok: false, message: t('callSettings.outcomes.tooMany', MAX_OUTCOMES) };
  const long = lines.find((l) => l.length > MAX_OUTCOME_LENGTH);
  if (long) return { ok: false, message: t('callSettings.outcomes.tooLong', long, MAX_OUTCOME_LENGTH) };
  const seen = new Set<string>();
  for (const l of lines) {
    const key = l.toLocaleLowerCase();
    if (seen.has(key)) return { ok: false, message: t('callSettings.outcomes.duplicate', l) };
    seen.add(key);
  }
  return { ok: true, outcomes: lines };
}

export async function loadCallSettings(): Promise<CallSettings> {
  return readCallSettings((await browser.storage.local.get(CALL_SETTINGS_KEY))[CALL_SETTINGS_KEY]);
}

export async function saveCallSettings(settings: CallSettings): Promise<void> {
  await browser.storage.local.set({ [CALL_SETTINGS_KEY]: settings });
}

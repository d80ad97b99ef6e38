import type { EmailDraft } from '../types';
import { plural, t } from '../../i18n';
import { addressProblem } from '../../email-address';

const MAX_SUBJECT = 255;

/** Why this email cannot be scheduled, in words for the user, or null. */
export function emailProblem(draft: EmailDraft, sendAt: number, now: number): string | null {
  const addresses = draft.to.split(/[,;]/).map((a) => a.trim()).filter((a) => a !== '');
  if (addresses.length === 0) return t('data.email.needsRecipient');
  const bad = addresses.map(addressProblem).find((p) => p !== null);
  if (bad) return bad;
  if (draft.subject.length > MAX_SUBJECT) return plural('data.tooLong', MAX_SUBJECT, t('data.field.subject'));
  if (!Number.isFinite(sendAt)) return t('data.email.badTime');
  if (sendAt <= now) return t('data.email.pastTime');
  return null;
}

import type { EmailDraft } from '../types';

const ADDRESS = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
const MAX_SUBJECT = 255;

/** Why this email cannot be scheduled, in words for the user, or null. */
export function emailProblem(draft: EmailDraft, sendAt: number, now: number): string | null {
  const addresses = draft.to.split(/[,;]/).map((a) => a.trim()).filter((a) => a !== '');
  if (addresses.length === 0) return 'The email needs a recipient.';
  const bad = addresses.find((a) => !ADDRESS.test(a));
  if (bad !== undefined) return `"${bad}" is not an email address.`;
  if (draft.subject.length > MAX_SUBJECT) return `The subject is longer than ${MAX_SUBJECT} characters.`;
  if (!Number.isFinite(sendAt)) return 'The send time is not a valid time.';
  if (sendAt <= now) return 'The send time must be in the future.';
  return null;
}

import type { ContactDraft } from '../types';
import { plural, t } from '../../i18n';
import { addressProblem } from '../../email-address';

const MAX_NAME = 200;
const MAX_PHONES = 10;

/** Why a draft cannot be saved, in words for the user, or null when it can. */
export function contactProblem(draft: ContactDraft): string | null {
  const name = draft.name.trim();
  if (name === '') return 'A contact needs a name.';
  if (name.length > MAX_NAME) return plural('data.tooLong', MAX_NAME, t('data.field.name'));
  if (draft.company.trim().length > MAX_NAME) return plural('data.tooLong', MAX_NAME, t('data.field.company'));
  const email = draft.email.trim();
  const emailProblem = email === '' ? null : addressProblem(email);
  if (emailProblem) return emailProblem;
  if (draft.phones.length > MAX_PHONES) return plural('data.contact.tooManyPhones', MAX_PHONES);
  const url = draft.recordUrl.trim();
  // The UI renders this as a link: anything but http(s) (javascript:, data:) is refused.
  if (url !== '' && !/^https?:\/\/\S+$/i.test(url)) return t('data.contact.badLink');
  return null;
}

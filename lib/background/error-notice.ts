import browser from 'webextension-polyfill';
import { describeError, type ErrorText, type PhoneError } from '../errors';
import { t } from '../i18n';

/**
 * A failure of a call a page started (a call button, a tel: link, a selection), told without the
 * page's own text: a page can write anything in a link or a selection ("Your PC is infected, call
 * …"), and a system notification under the extension's name must never repeat it.
 */
export function pageSafeError(error: PhoneError): ErrorText {
  const text = describeError(error);
  return error.code === 'incorrectNumber' ? { ...text, message: t('error.incorrectNumber.fromPage') } : text;
}

/**
 * Shows the failure of a call a page started, where no widget is open: a notification with the
 * title, message and fix the widget's error panel shows (the message page-safe).
 */
export async function showErrorNotice(error: PhoneError): Promise<void> {
  const text = pageSafeError(error);
  await browser.notifications
    .create(`error:${Date.now()}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: text.title,
      message: text.hint ? `${text.message} ${text.hint}` : text.message,
    })
    .catch(() => undefined);
}

import browser from 'webextension-polyfill';
import { describeError, type PhoneError } from '../errors';

/**
 * Shows a phone error where no widget is open (a call started from a web page or the context
 * menu): a notification with the same title, message and fix the widget's error panel shows.
 */
export async function showErrorNotice(error: PhoneError): Promise<void> {
  const text = describeError(error);
  await browser.notifications
    .create(`error:${Date.now()}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: text.title,
      message: text.hint ? `${text.message} ${text.hint}` : text.message,
    })
    .catch(() => undefined);
}

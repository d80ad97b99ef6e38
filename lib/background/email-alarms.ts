import browser from 'webextension-polyfill';
import { dataProvider } from '../providers';
import { mailtoUrl } from '../mailto';

const PREFIX = 'email:';

/**
 * Send Later with the local provider: one alarm per scheduled email. Alarms may not survive a
 * browser restart, so they are re-armed from the stored schedule at every background start; an
 * email whose time passed while the browser was closed is opened at once.
 */
export async function syncEmailAlarms(): Promise<void> {
  const scheduled = await dataProvider().email.scheduled();
  if (!scheduled.ok) return;
  const wanted = new Map(scheduled.value.map((e) => [PREFIX + e.id, e.sendAt]));
  for (const alarm of await browser.alarms.getAll()) {
    if (alarm.name.startsWith(PREFIX) && !wanted.has(alarm.name)) await browser.alarms.clear(alarm.name);
  }
  const now = Date.now();
  for (const [name, when] of wanted) browser.alarms.create(name, { when: Math.max(when, now + 500) });
}

async function deliver(id: string): Promise<void> {
  const provider = dataProvider();
  const scheduled = await provider.email.scheduled();
  const email = scheduled.ok ? scheduled.value.find((e) => e.id === id) : undefined;
  if (!email) return; // cancelled meanwhile
  await browser.tabs.create({ url: mailtoUrl(email) });
  await provider.email.markSent(id);
  await browser.notifications
    .create(`${PREFIX}${id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: 'Scheduled email ready',
      message: `Your email to ${email.to} is open in your mail app: press Send there.`,
    })
    .catch(() => undefined);
}

export function listenForEmailAlarms(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name.startsWith(PREFIX)) void deliver(alarm.name.slice(PREFIX.length));
  });
}

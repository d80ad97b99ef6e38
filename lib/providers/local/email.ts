import type { EmailApi, ProviderResult, ScheduledEmail } from '../types';
import type { Connection } from './connection';
import { emailProblem } from './email-validation';
import { fail, guard, newId, ok } from './result';
import { t } from '../../i18n';

interface Deps {
  conn: Connection;
  now: () => number;
}

export function localEmail({ conn, now }: Deps): EmailApi {
  /** Only a still-scheduled email can be cancelled or marked sent: the other states are final. */
  const finish = async (id: string, state: 'sent' | 'cancelled'): Promise<ProviderResult<undefined>> => {
    const tx = (await conn.get()).transaction('emails', 'readwrite');
    const current = await tx.store.get(id);
    if (!current) return fail(t('data.email.gone'));
    if (current.state !== 'scheduled') return fail(t('data.email.already', current.state));
    await tx.store.put({ ...current, state });
    await tx.done;
    return ok(undefined);
  };

  return {
    // Without a mail server, Send opens the user's mail client.
    sendMode: 'mailto',

    schedule: (draft, sendAt) =>
      guard('data.fail.scheduleEmail', async () => {
        const problem = emailProblem(draft, sendAt, now());
        if (problem) return fail(problem);
        const email: ScheduledEmail = {
          id: newId(),
          to: draft.to.trim(),
          subject: draft.subject,
          body: draft.body,
          contactId: draft.contactId,
          sendAt,
          state: 'scheduled',
        };
        await (await conn.get()).add('emails', email);
        return ok(email);
      }),

    scheduled: () =>
      guard('data.fail.readScheduled', async () => {
        const range = IDBKeyRange.bound(['scheduled', -Infinity], ['scheduled', Infinity]);
        return ok(await (await conn.get()).getAllFromIndex('emails', 'stateSendAt', range));
      }),

    cancelScheduled: (id) => guard('data.fail.cancelEmail', () => finish(id, 'cancelled')),

    markSent: (id) => guard('data.fail.markSent', () => finish(id, 'sent')),
  };
}

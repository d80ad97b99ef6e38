import type { EmailApi, ProviderResult, ScheduledEmail } from '../types';
import type { Connection } from './connection';
import { emailProblem } from './email-validation';
import { fail, guard, newId, ok } from './result';

interface Deps {
  conn: Connection;
  now: () => number;
}

export function localEmail({ conn, now }: Deps): EmailApi {
  /** Only a still-scheduled email can be cancelled or marked sent: the other states are final. */
  const finish = async (id: string, state: 'sent' | 'cancelled'): Promise<ProviderResult<undefined>> => {
    const tx = (await conn.get()).transaction('emails', 'readwrite');
    const current = await tx.store.get(id);
    if (!current) return fail('This scheduled email no longer exists.');
    if (current.state !== 'scheduled') return fail(`This email is already ${current.state}.`);
    await tx.store.put({ ...current, state });
    await tx.done;
    return ok(undefined);
  };

  return {
    // Without a mail server, Send opens the user's mail client.
    sendMode: 'mailto',

    schedule: (draft, sendAt) =>
      guard('Could not schedule the email', async () => {
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
      guard('Could not read scheduled emails', async () => {
        const range = IDBKeyRange.bound(['scheduled', -Infinity], ['scheduled', Infinity]);
        return ok(await (await conn.get()).getAllFromIndex('emails', 'stateSendAt', range));
      }),

    cancelScheduled: (id) => guard('Could not cancel the email', () => finish(id, 'cancelled')),

    markSent: (id) => guard('Could not mark the email sent', () => finish(id, 'sent')),
  };
}

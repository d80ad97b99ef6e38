import type { ActivitiesApi, Activity, ProviderResult } from '../types';
import type { Connection } from './connection';
import { activityProblem, isIsoDate } from './activity-validation';
import { fail, guard, newId, ok } from './result';
import { textFilter } from './text';

interface Deps {
  conn: Connection;
  now: () => number;
}

/** The local provider has a single user. */
const ME = 'me';

function bySchedule(a: Activity, b: Activity): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  return a.createdAt - b.createdAt;
}

export function localActivities({ conn, now }: Deps): ActivitiesApi {
  /** Reads, checks it is still open, applies `change`, writes back: all in one transaction. */
  const changeOpen = async (id: string, change: (a: Activity) => Activity): Promise<ProviderResult<Activity>> => {
    const tx = (await conn.get()).transaction('activities', 'readwrite');
    const current = await tx.store.get(id);
    if (!current) return fail('This activity no longer exists.');
    if (current.state !== 'open') return fail(`This activity is already ${current.state}.`);
    const next = change(current);
    await tx.store.put(next);
    await tx.done;
    return ok(next);
  };

  return {
    due: (today, query) =>
      guard('Could not read the activities', async () => {
        if (!isIsoDate(today)) return fail(`"${today}" is not a date (expected YYYY-MM-DD).`);
        const range = IDBKeyRange.bound(['open', ''], ['open', today]);
        const open = await (await conn.get()).getAllFromIndex('activities', 'stateDue', range);
        const matches = textFilter(query);
        return ok(open.filter((a) => a.assignee === ME && matches([a.contactName, a.summary], [a.phone])).sort(bySchedule));
      }),

    forContact: (contactId) =>
      guard('Could not read the activities', async () => {
        const rows = await (await conn.get()).getAllFromIndex('activities', 'contactId', contactId);
        return ok(rows.sort(bySchedule));
      }),

    schedule: (draft) =>
      guard('Could not schedule the activity', async () => {
        const problem = activityProblem(draft);
        if (problem) return fail(problem);
        const db = await conn.get();
        const contact = await db.get('contacts', draft.contactId);
        if (!contact) return fail('The contact for this activity does not exist.');
        const activity: Activity = {
          id: newId(),
          contactId: contact.id,
          contactName: contact.name,
          phone: contact.phones[0]?.number ?? '',
          summary: draft.summary.trim(),
          note: draft.note,
          dueDate: draft.dueDate,
          assignee: ME,
          state: 'open',
          feedback: '',
          doneAt: null,
          createdAt: now(),
        };
        await db.add('activities', activity);
        return ok(activity);
      }),

    update: (id, patch) =>
      guard('Could not change the activity', async () => {
        const problem = activityProblem(patch);
        if (problem) return fail(problem);
        return changeOpen(id, (a) => ({
          ...a,
          summary: patch.summary?.trim() ?? a.summary,
          note: patch.note ?? a.note,
          dueDate: patch.dueDate ?? a.dueDate,
        }));
      }),

    markDone: (id, feedback) =>
      guard('Could not mark the activity done', () =>
        changeOpen(id, (a) => ({ ...a, state: 'done', feedback: feedback.trim(), doneAt: now() })),
      ),

    cancel: (id) =>
      guard('Could not cancel the activity', async () => {
        const result = await changeOpen(id, (a) => ({ ...a, state: 'cancelled' }));
        return result.ok ? ok(undefined) : result;
      }),
  };
}

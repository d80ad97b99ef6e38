import type { ActivitiesApi, Activity, ProviderResult } from '../types';
import type { Connection } from './connection';
import { activityProblem, isIsoDate } from './activity-validation';
import { fail, guard, newId, ok } from './result';
import { textFilter } from './text';
import { t } from '../../i18n';

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
    if (!current) return fail(t('data.activity.gone'));
    if (current.state !== 'open') return fail(t('data.activity.already', current.state));
    const next = change(current);
    await tx.store.put(next);
    await tx.done;
    return ok(next);
  };

  return {
    due: (today, query, limit) =>
      guard('data.fail.readActivities', async () => {
        if (!isIsoDate(today)) return fail(t('data.notADate', today));
        const range = IDBKeyRange.bound(['open', ''], ['open', today]);
        const open = await (await conn.get()).getAllFromIndex('activities', 'stateDue', range);
        const matches = textFilter(query);
        const due = open.filter((a) => a.assignee === ME && matches([a.contactName, a.summary], [a.phone])).sort(bySchedule);
        return ok(limit === undefined ? due : due.slice(0, limit));
      }),

    forContact: (contactId) =>
      guard('data.fail.readActivities', async () => {
        const rows = await (await conn.get()).getAllFromIndex('activities', 'contactId', contactId);
        return ok(rows.sort(bySchedule));
      }),

    schedule: (draft) =>
      guard('data.fail.scheduleActivity', async () => {
        const problem = activityProblem(draft);
        if (problem) return fail(problem);
        const db = await conn.get();
        const contact = await db.get('contacts', draft.contactId);
        if (!contact) return fail(t('data.activity.noContact'));
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
      guard('data.fail.changeActivity', async () => {
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
      guard('data.fail.markDone', () =>
        changeOpen(id, (a) => ({ ...a, state: 'done', feedback: feedback.trim(), doneAt: now() })),
      ),

    cancel: (id) =>
      guard('data.fail.cancelActivity', async () => {
        const result = await changeOpen(id, (a) => ({ ...a, state: 'cancelled' }));
        return result.ok ? ok(undefined) : result;
      }),
  };
}

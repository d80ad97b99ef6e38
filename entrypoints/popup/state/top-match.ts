import type { Activity } from '../../../lib/providers/types';
import type { Rows } from './lists.svelte';
import { partyOfActivity, partyOfContact, type Party } from './on-the-line.svelte';

/** What Enter in the search box calls: a number, who it is, and the activity it is for. */
export interface Match {
  number: string;
  party: Party;
  activity: Activity | null;
}

/** The first row of `rows` that has a number to call, as a call to place. */
export function firstCallable(rows: Rows): Match | null {
  if (rows.tab === 'activities') {
    const a = rows.rows.find((x) => x.phone);
    return a ? { number: a.phone, party: partyOfActivity(a), activity: a } : null;
  }
  if (rows.tab === 'contacts') {
    const c = rows.rows.find((x) => x.phones[0]);
    return c?.phones[0] ? { number: c.phones[0].number, party: partyOfContact(c), activity: null } : null;
  }
  const e = rows.rows.find((x) => x.number);
  return e ? { number: e.number, party: { name: e.contactName, company: '', subject: '' }, activity: null } : null;
}

/** The top match of a search: the active tab's first callable row, else the other tabs' in order. */
export function topMatch(shown: Rows, elsewhere: Rows[]): Match | null {
  for (const rows of [shown, ...elsewhere]) {
    const m = firstCallable(rows);
    if (m) return m;
  }
  return null;
}

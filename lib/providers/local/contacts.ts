import type { Contact, ContactDraft, ContactsApi } from '../types';
import type { Connection } from './connection';
import type { ContactRow } from './db';
import { byName, toContact, toRow } from './contact-row';
import { searchContacts } from './contact-search';
import { contactProblem } from './contact-validation';
import { phoneLib, type PhoneLib } from './phone-lib';
import { fail, guard, newId, ok } from './result';
import { last9 } from './search-keys';
import { t } from '../../i18n';

interface Deps {
  conn: Connection;
  now: () => number;
  defaultCountry: string;
}

export function localContacts({ conn, now, defaultCountry }: Deps): ContactsApi {
  const rowFor = (draft: ContactDraft, lib: PhoneLib): ContactRow =>
    toRow({ ...draft, id: draft.id ?? newId() }, now(), defaultCountry, lib);

  return {
    search: (query, limit) =>
      guard('data.fail.searchContacts', async () => {
        const rows = await searchContacts(await conn.get(), query, limit);
        return ok(rows.map(toContact));
      }),

    get: (id) =>
      guard('data.fail.readContact', async () => {
        const row = await (await conn.get()).get('contacts', id);
        return ok(row ? toContact(row) : null);
      }),

    save: (draft) =>
      guard('data.fail.saveContact', async () => {
        const problem = contactProblem(draft);
        if (problem) return fail(problem);
        const row = rowFor(draft, await phoneLib());
        await (await conn.get()).put('contacts', row);
        return ok(toContact(row));
      }),

    remove: (id) =>
      guard('data.fail.deleteContact', async () => {
        await (await conn.get()).delete('contacts', id);
        return ok(undefined);
      }),

    matchNumber: (number) =>
      guard('data.fail.lookUpNumber', async () => {
        const db = await conn.get();
        const normalised = (await phoneLib()).normaliseNumber(number, defaultCountry);
        if (normalised.ok) {
          const exact = await db.getFromIndex('contacts', 'numbers', normalised.target.number);
          if (exact) return ok(toContact(exact));
        }
        // The PBX may present a national or otherwise prefixed form that normalises differently.
        const tail = last9(number);
        const loose = tail ? await db.getFromIndex('contacts', 'last9', tail) : undefined;
        return ok(loose ? toContact(loose) : null);
      }),

    count: () =>
      guard('data.fail.countContacts', async () => ok(await (await conn.get()).count('contacts'))),

    bulkAdd: (drafts) =>
      guard('data.fail.addContacts', async () => {
        for (const [i, draft] of drafts.entries()) {
          const problem = contactProblem(draft);
          if (problem) return fail(t('data.contact.nth', i + 1, draft.name.trim() || t('data.contact.noName'), problem));
        }
        const lib = await phoneLib();
        const rows = drafts.map((d) => rowFor(d, lib));
        const tx = (await conn.get()).transaction('contacts', 'readwrite');
        // `add`, not `put`: an id that already exists aborts the whole batch instead of overwriting.
        const writes = rows.map((row) => tx.store.add(row));
        await Promise.all([...writes, tx.done]);
        return ok(rows.length);
      }),

    all: () =>
      guard('data.fail.readContacts', async () => {
        const rows = await (await conn.get()).getAll('contacts');
        return ok(rows.sort(byName).map((row): Contact => toContact(row)));
      }),
  };
}

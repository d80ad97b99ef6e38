/** Converts between the public Contact and the stored row with its derived index fields. */
import type { Contact, ContactDraft, ContactPhone } from '../types';
import type { ContactRow } from './db';
import type { PhoneLib } from './phone-lib';
import { last9, searchKeys } from './search-keys';
import { fold } from './text';

interface NormalisedPhones {
  phones: ContactPhone[];
  /** The numbers caller ID can match: those that normalised. */
  matchable: string[];
}

/**
 * E.164 where possible so caller ID and search see one spelling; an extension stays an
 * extension; a number that does not parse is kept as typed (the user's data) but never matches.
 */
function normalisePhones(phones: ContactPhone[], defaultCountry: string, lib: PhoneLib): NormalisedPhones {
  const out: NormalisedPhones = { phones: [], matchable: [] };
  for (const phone of phones) {
    const typed = phone.number.trim();
    if (typed === '') continue;
    const result = lib.normaliseNumber(typed, defaultCountry);
    const number = result.ok ? result.target.number : typed;
    if (result.ok) out.matchable.push(number);
    out.phones.push({ label: phone.label.trim(), number });
  }
  return out;
}

export function toRow(
  draft: ContactDraft & { id: string },
  updatedAt: number,
  defaultCountry: string,
  lib: PhoneLib,
): ContactRow {
  const { phones, matchable } = normalisePhones(draft.phones, defaultCountry, lib);
  const contact: Contact = {
    id: draft.id,
    name: draft.name.trim(),
    company: draft.company.trim(),
    email: draft.email.trim(),
    phones,
    recordUrl: draft.recordUrl.trim(),
    recordName: draft.recordName.trim(),
    updatedAt,
  };
  const callable = phones.length > 0;
  return {
    ...contact,
    search: callable ? searchKeys(contact, lib) : [],
    ...(callable ? { nameKey: fold(contact.name) } : {}),
    numbers: [...new Set(matchable)],
    last9: [...new Set(matchable.filter((n) => n.startsWith('+')).map(last9).filter((d) => d !== null))],
  };
}

/** Copies field by field so no derived index field leaks out through the interface. */
export function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    name: row.name,
    company: row.company,
    email: row.email,
    phones: row.phones.map((p) => ({ label: p.label, number: p.number })),
    recordUrl: row.recordUrl,
    recordName: row.recordName,
    updatedAt: row.updatedAt,
  };
}

export function byName(a: ContactRow, b: ContactRow): number {
  const ka = a.nameKey ?? fold(a.name);
  const kb = b.nameKey ?? fold(b.name);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

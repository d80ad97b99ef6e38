/**
 * Which header column holds what. Headers are matched by meaning, not position, so exports from
 * Google Contacts (old "Given Name", "Phone 1 - Type" and new "First Name", "Phone 1 - Label"),
 * Outlook ("Mobile Phone", "Business Phone 2", "E-mail Address"), spreadsheets typed by hand and
 * this extension's own export all read.
 */
import { labelFromText, type PhoneLabel } from './labels';

export interface PhoneColumn {
  value: number;
  /** Column with the label text ("Phone 1 - Type"), or the label the header itself implies. */
  label: { column: number } | { fixed: PhoneLabel };
}

export interface ColumnMap {
  name: number | null;
  first: number | null;
  middle: number | null;
  last: number | null;
  company: number | null;
  /** Every email column, in order; the first non-empty one is used. */
  emails: number[];
  url: number | null;
  recordName: number | null;
  phones: PhoneColumn[];
}

type Single = 'name' | 'first' | 'middle' | 'last' | 'company' | 'url' | 'recordName';

const SINGLE: Record<Single, readonly string[]> = {
  name: ['name', 'full name', 'display name', 'contact name', 'contact'],
  first: ['first name', 'given name', 'firstname', 'first', 'given'],
  middle: ['middle name', 'additional name', 'middlename'],
  last: ['last name', 'family name', 'surname', 'lastname', 'last'],
  company: ['company', 'organization', 'organisation', 'org', 'company name', 'organization name', 'organisation name', 'organization 1 - name', 'organisation 1 - name'],
  url: ['url', 'website', 'web site', 'web page', 'webpage', 'homepage', 'record url', 'website 1 - value'],
  recordName: ['record name'],
};

const EMAIL = /^(email|mail)( \d+)?( address)?$|^email \d+ - value$/;
/** "Phone 1 - Type" / "Phone 1 - Label" / "Phone 1 - Value" (Google), "Phone 1 Label" / "Phone 1" (ours). */
const NUMBERED_PHONE = /^phone (\d+)(?: - (type|label|value)| (label))?$/;
/** A header naming a number on its own: "Mobile Phone", "Business Fax", "Home Phone 2", "Cell". */
const PHONE_WORD = /\b(phone|telephone|tel|mobile|cell|cellphone|fax|pager)\b/;
/**
 * Words only ("Assistant's Phone", "TTY/TDD Phone"): a header such as "Name|Phone" is a file
 * split by another delimiter, not a phone column, and must lead to the fatal header error.
 */
const WORDS_ONLY = /^[\p{L}\d '’/]+$/u;
/** Plain "Phone" columns: in a sales team's list, the number to reach the contact at work. */
const GENERIC_PHONE = /^(phone|telephone|tel)( number)?$/;

/** Lower case, one space, "E-mail" → "email", "_" → " " (first_name). */
function normaliseHeader(header: string): string {
  return header.trim().toLowerCase().replace(/[_\s]+/g, ' ').replace(/\be-mail\b/g, 'email');
}

function singleKind(header: string): Single | null {
  for (const [kind, aliases] of Object.entries(SINGLE) as [Single, readonly string[]][]) {
    if (aliases.includes(header)) return kind;
  }
  return null;
}

export function mapColumns(headers: readonly string[]): ColumnMap {
  const map: ColumnMap = {
    name: null, first: null, middle: null, last: null, company: null,
    emails: [], url: null, recordName: null, phones: [],
  };
  const numbered = new Map<string, { value?: number; label?: number }>();
  const standalone: { position: number; column: PhoneColumn }[] = [];
  for (const [column, raw] of headers.entries()) {
    const header = normaliseHeader(raw);
    const kind = singleKind(header);
    const pair = NUMBERED_PHONE.exec(header);
    if (kind) {
      // The first matching column wins ("Name" before a later "Contact", say).
      map[kind] ??= column;
    } else if (EMAIL.test(header)) {
      map.emails.push(column);
    } else if (pair) {
      const slot = numbered.get(pair[1] ?? '') ?? {};
      if (pair[2] === 'type' || pair[2] === 'label' || pair[3] === 'label') slot.label ??= column;
      else slot.value ??= column;
      numbered.set(pair[1] ?? '', slot);
    } else if (WORDS_ONLY.test(header) && PHONE_WORD.test(header)) {
      const fixed = GENERIC_PHONE.test(header) ? 'work' : labelFromText(header);
      // Fax and pager columns (Outlook's "Business Fax") are not numbers to call.
      if (fixed !== null) standalone.push({ position: column, column: { value: column, label: { fixed } } });
    }
  }
  for (const slot of numbered.values()) {
    if (slot.value === undefined) continue;
    const label = slot.label === undefined ? { fixed: 'other' as const } : { column: slot.label };
    standalone.push({ position: slot.value, column: { value: slot.value, label } });
  }
  map.phones = standalone.sort((a, b) => a.position - b.position).map((p) => p.column);
  return map;
}

export function hasNameOrPhone(map: ColumnMap): boolean {
  return map.name !== null || map.first !== null || map.last !== null || map.phones.length > 0;
}

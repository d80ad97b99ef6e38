/** Contacts → vCard 3.0 or CSV files, the formats the importers read back. */
import type { Contact, ContactPhone } from '../types';
import { csvPhoneValue, neutraliseFormula } from './formula';
import { labelFromText } from './labels';
import { foldLine } from './vcard-fold';
import { escapeText } from './vcard-value';

const CRLF = '\r\n';

const TEL_TYPE = { mobile: 'CELL', work: 'WORK', home: 'HOME', other: '' } as const;

function telLine(phone: ContactPhone): string {
  // Free-text labels go through the same mapping as import, so a re-import agrees. A number
  // the user labelled "fax" is still written as a plain number: it is theirs to keep.
  const type = TEL_TYPE[labelFromText(phone.label) ?? 'other'];
  return `TEL${type ? `;TYPE=${type}` : ''}:${escapeText(phone.number)}`;
}

/** N is required in 3.0; the family name is taken to be the last word, the rest given names. */
function structuredName(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => w !== '');
  const family = words.length > 1 ? (words.pop() ?? '') : '';
  return `N:${escapeText(family)};${escapeText(words.join(' '))};;;`;
}

/**
 * The link's label travels as Apple's grouped X-ABLabel, which Apple Contacts shows beside
 * the link and the importer reads back as the record name. URL values are URIs, not text:
 * only backslashes and line breaks are escaped, so other readers see the link unchanged.
 */
function urlLines(contact: Contact): string[] {
  if (contact.recordUrl === '') return [];
  const url = contact.recordUrl.replace(/\\/g, '\\\\').replace(/\r\n|\n|\r/g, '');
  if (contact.recordName === '') return [`URL:${url}`];
  return [`item1.URL:${url}`, `item1.X-ABLabel:${escapeText(contact.recordName)}`];
}

function cardLines(contact: Contact): string[] {
  return [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `FN:${escapeText(contact.name)}`,
    structuredName(contact.name),
    ...(contact.company ? [`ORG:${escapeText(contact.company)}`] : []),
    ...(contact.email ? [`EMAIL;TYPE=INTERNET:${escapeText(contact.email)}`] : []),
    ...contact.phones.map(telLine),
    ...urlLines(contact),
    'END:VCARD',
  ];
}

/** vCard 3.0, CRLF line ends, folded at 75 octets; one card per contact. */
export function toVCard(contacts: readonly Contact[]): string {
  return contacts.flatMap(cardLines).flatMap(foldLine).map((line) => line + CRLF).join('');
}

/** RFC 4180: quoted when it holds a delimiter, quote or line break; quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * CSV with a header of Name, Company, Email, then a label and number pair per phone (as many
 * pairs as the contact with the most numbers has), then Record Name and Record URL. CRLF line
 * ends. No byte-order mark: that belongs to the file, so whoever writes the Blob adds
 * "\uFEFF" if Excel should read it as UTF-8.
 */
export function toCsv(contacts: readonly Contact[]): string {
  const pairs = Math.max(1, ...contacts.map((c) => c.phones.length));
  const header = ['Name', 'Company', 'Email'];
  for (let i = 1; i <= pairs; i++) header.push(`Phone ${i} Label`, `Phone ${i}`);
  header.push('Record Name', 'Record URL');
  const rows = contacts.map((contact) => {
    const text = [contact.name, contact.company, contact.email].map(neutraliseFormula);
    const phones: string[] = [];
    for (let i = 0; i < pairs; i++) {
      const phone = contact.phones[i];
      phones.push(neutraliseFormula(phone?.label ?? ''), csvPhoneValue(phone?.number ?? ''));
    }
    const record = [contact.recordName, contact.recordUrl].map(neutraliseFormula);
    return [...text, ...phones, ...record].map(csvField);
  });
  return [header, ...rows].map((row) => row.join(',') + CRLF).join('');
}

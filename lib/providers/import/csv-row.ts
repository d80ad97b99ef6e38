/** One CSV record → a raw contact, through the column map. */
import type { ColumnMap } from './csv-columns';
import type { CsvRecord } from './csv-reader';
import { restoreFormulaText } from './formula';
import { labelFromText } from './labels';
import type { RawContact, RawPhone } from './raw-contact';

/** Google joins several values of one field with " ::: " ("+1 … ::: +1 …"). */
const GOOGLE_MULTI = /\s+:::\s+/;

function cell(record: CsvRecord, column: number | null): string {
  if (column === null) return '';
  return restoreFormulaText((record.fields[column] ?? '').trim());
}

function phonesOf(record: CsvRecord, map: ColumnMap): RawPhone[] {
  const phones: RawPhone[] = [];
  for (const column of map.phones) {
    const label = 'fixed' in column.label ? column.label.fixed : labelFromText(cell(record, column.label.column));
    if (label === null) continue;
    for (const value of cell(record, column.value).split(GOOGLE_MULTI)) {
      phones.push({ label, value, line: record.line });
    }
  }
  return phones;
}

export function rowToContact(record: CsvRecord, map: ColumnMap): RawContact {
  const parts = [cell(record, map.first), cell(record, map.middle), cell(record, map.last)];
  const email = map.emails.map((column) => cell(record, column)).find((value) => value !== '') ?? '';
  return {
    line: record.line,
    name: cell(record, map.name) || parts.filter((part) => part !== '').join(' '),
    company: cell(record, map.company),
    email: email.split(GOOGLE_MULTI)[0] ?? '',
    recordUrl: cell(record, map.url),
    recordName: cell(record, map.recordName),
    phones: phonesOf(record, map),
  };
}

/** Spreadsheets leave rows of empty cells (",,,,") below the data; they are not contacts. */
export function isBlank(record: CsvRecord): boolean {
  return record.fields.every((field) => field.trim() === '');
}

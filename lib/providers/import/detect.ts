/** Picks the reader by content, not file name: a .txt or extension-less export still imports. */
import { parseCsv } from './csv';
import type { ImportReport } from './report';
import { stripBom } from './text';
import { parseVCards } from './vcard';

export function parseContactFile(text: string, defaultCountry: string): ImportReport {
  const start = stripBom(text).trimStart().slice(0, 11).toUpperCase();
  return start === 'BEGIN:VCARD' ? parseVCards(text, defaultCountry) : parseCsv(text, defaultCountry);
}

/** RFC 4180 records, each with the line it starts on (a quoted field may span lines). */
import { t } from '../../i18n';

export type Delimiter = ',' | ';' | '\t';

export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvReadResult {
  records: CsvRecord[];
  /** Records that could not be read; reading went on at the next line. */
  broken: { line: number; reason: string }[];
}

interface Cursor {
  pos: number;
  line: number;
}

/** Length of the line break at `pos` (CRLF, LF or a lone CR), or 0. */
function breakAt(text: string, pos: number): number {
  if (text.startsWith('\r\n', pos)) return 2;
  const char = text.charAt(pos);
  return char === '\n' || char === '\r' ? 1 : 0;
}

/** A quoted field's content from just after its opening quote; null when it never closes. */
function readQuoted(text: string, at: Cursor): string | null {
  let value = '';
  for (;;) {
    const quote = text.indexOf('"', at.pos);
    if (quote < 0) return null;
    const chunk = text.slice(at.pos, quote);
    at.line += (chunk.match(/\r\n|\n|\r/g) ?? []).length;
    // Line breaks inside a value become LF whatever the file used, as in vCard values.
    value += chunk.replace(/\r\n|\r/g, '\n');
    if (text.charAt(quote + 1) === '"') {
      value += '"';
      at.pos = quote + 2;
    } else {
      at.pos = quote + 1;
      return value;
    }
  }
}

/** Up to the next delimiter or line break. A quote inside an unquoted field is literal, as in spreadsheets. */
function readBare(text: string, at: Cursor, delimiter: Delimiter): string {
  const start = at.pos;
  while (at.pos < text.length && text.charAt(at.pos) !== delimiter && breakAt(text, at.pos) === 0) at.pos++;
  return text.slice(start, at.pos);
}

type RecordResult = { ok: true; fields: string[] } | { ok: false; reason: string };

function atFieldEnd(text: string, pos: number, delimiter: Delimiter): boolean {
  return pos >= text.length || text.charAt(pos) === delimiter || breakAt(text, pos) > 0;
}

/**
 * One record from `at`. A quote that never closes, or text right after a closing quote, makes
 * it broken: the latter is what an unterminated quote looks like when a later row's quote
 * "closes" it, so it is reported as such when the record ran over more than one line.
 */
function readRecord(text: string, at: Cursor, delimiter: Delimiter): RecordResult {
  const startLine = at.line;
  const fields: string[] = [];
  for (;;) {
    if (text.charAt(at.pos) === '"') {
      at.pos++;
      const quoted = readQuoted(text, at);
      if (quoted === null) return { ok: false, reason: t('import.csv.unterminated') };
      if (!atFieldEnd(text, at.pos, delimiter)) {
        return { ok: false, reason: at.line > startLine ? t('import.csv.unterminated') : t('import.csv.afterQuote') };
      }
      fields.push(quoted);
    } else {
      fields.push(readBare(text, at, delimiter));
    }
    if (text.charAt(at.pos) === delimiter) {
      at.pos++;
      continue;
    }
    const lineBreak = breakAt(text, at.pos);
    at.pos += lineBreak;
    if (lineBreak > 0) at.line++;
    return { ok: true, fields };
  }
}

/**
 * Reads all records. An unterminated quote would otherwise swallow the rest of the file (or
 * the rows up to the next quote) into one field; instead that record is reported broken and
 * reading restarts on the line after the one it started on, so the rows below are not lost.
 */
export function readCsv(text: string, delimiter: Delimiter): CsvReadResult {
  const result: CsvReadResult = { records: [], broken: [] };
  const at: Cursor = { pos: 0, line: 1 };
  while (at.pos < text.length) {
    const start = { ...at };
    const record = readRecord(text, at, delimiter);
    if (record.ok) {
      result.records.push({ line: start.line, fields: record.fields });
      continue;
    }
    result.broken.push({ line: start.line, reason: record.reason });
    at.pos = start.pos;
    at.line = start.line;
    while (at.pos < text.length && breakAt(text, at.pos) === 0) at.pos++;
    const lineBreak = breakAt(text, at.pos);
    at.pos += lineBreak;
    at.line++;
  }
  return result;
}

/**
 * The delimiter the header line uses most (outside quotes), comma on a tie or when there is
 * none: European Excel writes ";", Outlook and Google ",", some tools tabs.
 */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (const char of headerLine) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === ',' || char === ';' || char === '\t')) counts[char]++;
  }
  const best = (Object.keys(counts) as Delimiter[]).reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return best;
}

/** CSV import: Google Contacts, Outlook, spreadsheets, and this extension's own export. */
import { createReportBuilder } from './builder';
import { hasNameOrPhone, mapColumns } from './csv-columns';
import { detectDelimiter, readCsv, type CsvRecord, type Delimiter } from './csv-reader';
import { isBlank, rowToContact } from './csv-row';
import { fatalReport, type ImportReport } from './report';
import { binaryProblem, physicalLines, stripBom } from './text';
import { plural, t } from '../../i18n';

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];
const NAMES: Record<Delimiter, string> = { ',': ',', ';': ';', '\t': 'tab' };

/** The first few header names, enough for the user to recognise what file they picked. */
function quoteHeader(fields: readonly string[]): string {
  const shown = fields.slice(0, 5).map((f) => `“${f}”`).join(', ');
  return fields.length > 5 ? `${shown} …` : shown;
}

/**
 * A row that does not fit the header. Rows shorter than the header are normal (hand-made
 * files leave trailing columns out), unless the row is one field holding another delimiter:
 * then the rows are split differently from the header, and every row would read wrong.
 */
function shapeProblem(record: CsvRecord, columns: number, delimiter: Delimiter): string | null {
  const count = record.fields.length;
  const extra = record.fields.slice(columns);
  if (extra.some((field) => field.trim() !== '')) {
    return plural('import.csv.extraFields', count, columns);
  }
  const only = record.fields[0] ?? '';
  const other = DELIMITERS.find((d) => d !== delimiter && only.includes(d));
  if (count === 1 && columns > 1 && other) {
    return plural('import.csv.otherDelimiter', columns, NAMES[other], NAMES[delimiter]);
  }
  return null;
}

/**
 * Reads `text` (a whole file). Problems with single rows skip those rows; a file whose header
 * cannot be understood gives one fatal entry and no contacts, because guessing columns would
 * import names as numbers.
 */
export function parseCsv(text: string, defaultCountry: string): ImportReport {
  const source = stripBom(text);
  const binary = binaryProblem(source);
  if (binary) return fatalReport(binary);
  if (source.trim() === '') return fatalReport(t('import.empty'));

  const headerLine = physicalLines(source).find((line) => line.trim() !== '') ?? '';
  const delimiter = detectDelimiter(headerLine);
  const { records, broken } = readCsv(source, delimiter);
  const rows = records.filter((record) => !isBlank(record));
  const header: CsvRecord | undefined = rows[0];
  const firstBroken = broken[0];
  if (!header || (firstBroken && firstBroken.line <= header.line)) {
    return fatalReport(t('import.csv.badHeader', firstBroken?.reason ?? t('import.csv.noHeader')));
  }
  const map = mapColumns(header.fields);
  if (!hasNameOrPhone(map)) {
    return fatalReport(
      t('import.csv.noColumns', quoteHeader(header.fields)),
    );
  }
  const body = rows.slice(1);
  if (body.length === 0 && broken.length === 0) return fatalReport(t('import.csv.noRows'));

  const builder = createReportBuilder(defaultCountry);
  // Rows and broken records interleaved by line, so the report reads top to bottom.
  const events = [
    ...body.map((record) => ({ line: record.line, record })),
    ...broken.map((b) => ({ line: b.line, reason: b.reason })),
  ].sort((a, b) => a.line - b.line);
  for (const event of events) {
    if (!('record' in event)) {
      builder.skip(event.line, event.reason);
      continue;
    }
    const shape = shapeProblem(event.record, header.fields.length, delimiter);
    if (shape) builder.warn(event.line, shape);
    builder.add(rowToContact(event.record, map));
  }
  return builder.finish();
}

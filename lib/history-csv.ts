/**
 * Recent as a CSV file (RFC 4180: comma-separated, CRLF, fields quoted when they hold a comma,
 * quote or line break). A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage
 * return) as a formula, and names, numbers and notes come from callers and the ERP: such a cell
 * gets a leading apostrophe (OWASP's CSV injection advice), so it opens as text.
 */
import { t } from './i18n';
import type { HistoryEntry } from './providers/types';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number): string {
  let s = String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const row = (cells: (string | number)[]) => cells.map(csvCell).join(',');

/** Date (ISO 8601, UTC), direction, number, name, duration, outcome (the wrap-up's), the call's own outcome, note. */
export function historyCsv(entries: readonly HistoryEntry[]): string {
  const head = row([t('csv.date'), t('csv.direction'), t('csv.number'), t('csv.name'), t('csv.duration'), t('csv.outcome'), t('csv.callOutcome'), t('csv.note')]);
  const lines = entries.map((e) => row([
    new Date(e.startedAt).toISOString(),
    t(e.direction === 'incoming' ? 'csv.incoming' : 'csv.outgoing'),
    e.number,
    e.contactName,
    e.durationSec,
    e.wrapUp?.outcome ?? '',
    e.outcome,
    e.wrapUp?.note ?? '',
  ]));
  return [head, ...lines].join('\r\n') + '\r\n';
}

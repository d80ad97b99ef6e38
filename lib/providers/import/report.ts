/** What an import produced, for the options page to show before anything is saved. */
import type { ContactDraft } from '../types';

export interface ImportSkip {
  /** 1-based line where the skipped card or row starts. */
  line: number;
  reason: string;
}

export interface ImportWarning {
  line: number;
  message: string;
}

export interface ImportReport {
  contacts: ContactDraft[];
  skipped: ImportSkip[];
  warnings: ImportWarning[];
}

/**
 * A file that cannot be read at all. The report type has no separate error field, so the whole
 * file is one skipped entry at line 1: the UI then shows "0 imported" with the reason beside it.
 */
export function fatalReport(reason: string): ImportReport {
  return { contacts: [], skipped: [{ line: 1, reason }], warnings: [] };
}

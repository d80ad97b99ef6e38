/** Contact import and export for the options page. */
export { parseVCards } from './vcard';
export { parseCsv } from './csv';
export { parseContactFile } from './detect';
export { decodeFileBytes } from './decode';
export { toVCard, toCsv } from './export';
export type { ImportReport, ImportSkip, ImportWarning } from './report';

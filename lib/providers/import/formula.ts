/**
 * CSV formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with
 * = + - @ (or a tab / CR it skips over) as a formula, so a contact named
 * `=HYPERLINK("http://evil", "Click")` would become live when the export is opened. Such a
 * field gets a leading apostrophe.
 *
 * Values that already start with apostrophes before one of those characters get one more, so
 * `restoreFormulaText` can always remove exactly one: export followed by import gives back the
 * original text, whatever it was.
 */
const RISKY = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return RISKY.test(value) ? `'${value}` : value;
}

export function restoreFormulaText(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}

/**
 * Phone numbers in E.164 ("+4930901820") are left alone. A "+" followed only by digits is a
 * number to a spreadsheet, not a formula that can call anything, so it carries no payload; an
 * apostrophe would show up literally in Excel and LibreOffice (they treat it as a text marker
 * only when typed, not in a CSV) and corrupt every number in the file. Any other phone value
 * (one kept as typed) is treated like text.
 */
export function csvPhoneValue(number: string): string {
  return /^\+\d+$/.test(number) ? number : neutraliseFormula(number);
}

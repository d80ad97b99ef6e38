/** Plain-text helpers shared by the vCard and CSV readers. */
import { t } from '../../i18n';

export function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** Splits at CRLF, LF or a lone CR (old Mac exports), so line numbers match any editor. */
export function physicalLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

const SAMPLE = 8192;
const BINARY = (): string => t('import.binary');

/** Characters that never occur in a contacts file: C0 controls other than tab, LF, FF, CR; DEL; U+FFFD. */
function isOdd(code: number): boolean {
  if (code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d) return false;
  return code < 0x20 || code === 0x7f || code === 0xfffd;
}

/**
 * Why this is not a text file, or null. Binary data decoded as UTF-8 is full of U+FFFD and
 * control characters; a real export has at most a few U+FFFD (a Windows-1252 file read as
 * UTF-8), so the threshold is generous. A NUL alone is enough: no text format uses it.
 */
export function binaryProblem(text: string): string | null {
  const sample = text.slice(0, SAMPLE);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return BINARY();
    if (isOdd(code)) odd++;
  }
  return sample.length > 0 && odd / sample.length > 0.1 ? BINARY() : null;
}

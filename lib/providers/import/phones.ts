/** Checks the numbers read from one card or row. */
import { normaliseNumber } from '../../phone-number';
import type { ContactPhone } from '../types';
import { splitExtension } from './extension-suffix';
import type { RawPhone } from './raw-contact';
import type { ImportWarning } from './report';
import { t } from '../../i18n';

export interface CheckedPhones {
  phones: ContactPhone[];
  /** Numbers that are neither a valid number nor an extension: left out, named in a warning. */
  invalid: RawPhone[];
  /** About numbers that were kept, but not entirely as written. */
  warnings: ImportWarning[];
}

/** E.164 for full numbers, so caller ID matches them; an extension is kept as typed. */
function normalised(typed: string, defaultCountry: string): string | null {
  const result = normaliseNumber(typed, defaultCountry);
  if (!result.ok) return null;
  return result.target.kind === 'e164' ? result.target.number : typed;
}

/**
 * Normalises each number. A number with an extension suffix that only parses without it keeps
 * the main number, with a warning naming the extension. The same number twice on one contact
 * (Android lists a number once per type) is kept once, with the first label.
 */
export function checkPhones(raw: readonly RawPhone[], defaultCountry: string): CheckedPhones {
  const out: CheckedPhones = { phones: [], invalid: [], warnings: [] };
  const seen = new Set<string>();
  for (const phone of raw) {
    const typed = phone.value.trim();
    if (typed === '') continue;
    let number = normalised(typed, defaultCountry);
    const split = number === null ? splitExtension(typed) : null;
    if (split) {
      number = normalised(split.main, defaultCountry);
      if (number !== null) {
        out.warnings.push({
          line: phone.line,
          message: t('import.extensionLeftOut', split.extension, split.main),
        });
      }
    }
    if (number === null) {
      out.invalid.push({ ...phone, value: typed });
      continue;
    }
    if (seen.has(number)) continue;
    seen.add(number);
    out.phones.push({ label: phone.label, number });
  }
  return out;
}

/** “12ab”, “x”: how numbers are named in messages. */
export function quoteList(values: readonly string[]): string {
  return values.map((v) => `“${v}”`).join(', ');
}

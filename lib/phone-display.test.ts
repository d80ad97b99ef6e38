import { describe, expect, it } from 'vitest';
import { formatForReading } from './phone-display';
import { queryTokens, textFilter } from './providers/local/text';
import { numberKeys } from './providers/local/search-keys';
import { nationalForms, normaliseNumber } from './phone-number';

describe('phone numbers for reading', () => {
  it('writes a number of the default country in its national format', () => {
    expect(formatForReading('+12068926944', 'US')).toBe('(206) 892-6944');
    expect(formatForReading('+33142685300', 'FR')).toBe('01 42 68 53 00');
    expect(formatForReading('+4989123456', 'de')).toBe('089 123456');
  });

  it('writes a number of another country in international format', () => {
    expect(formatForReading('+12068926944', 'FR')).toBe('+1 206 892 6944');
    expect(formatForReading('+33142685300', 'US')).toBe('+33 1 42 68 53 00');
  });

  it('shows extensions, feature codes and numbers not stored as E.164 as typed', () => {
    for (const typed of ['1001', '*97', '#21', '+1 650 691 3277 ext. 12', '0800 FLOWERS', '+999123', '']) {
      expect(formatForReading(typed, 'US')).toBe(typed);
    }
  });

  it('does not change what is stored or dialled', () => {
    const parsed = normaliseNumber('(206) 892-6944', 'US');
    expect(parsed.ok && parsed.target.number).toBe('+12068926944');
  });
});

describe('search finds a number in every written form', () => {
  const stored = '+12068926944';
  const lib = { normaliseNumber, nationalForms };
  const keys = numberKeys(stored, lib);
  const forms = ['+12068926944', formatForReading(stored, 'US'), formatForReading(stored, 'FR'), '206.892.6944', '1-206-892-6944', '6944'];

  it.each(forms)('"%s" matches the contact (local index)', (written) => {
    const [token] = queryTokens(written);
    expect(token).toMatch(/^\d+$/);
    expect(keys.some((key) => key.startsWith(token ?? 'x'))).toBe(true);
  });

  it.each(forms)('"%s" matches an activity or a Recent entry (in-memory filter)', (written) => {
    expect(textFilter(written)(['Ada Lovelace'], [stored])).toBe(true);
  });
});

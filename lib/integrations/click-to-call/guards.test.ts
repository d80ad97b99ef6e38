import { describe, expect, it } from 'vitest';
import { findCandidates } from './candidates';
import { acceptedCandidates, rejection, shorterAccepted } from './guards';

/** What the guards say about the only candidate in `text`. */
function verdict(text: string): string | null | 'none' {
  const [c, ...rest] = findCandidates(text);
  if (!c) return 'none';
  expect(rest).toEqual([]);
  return rejection(text, c);
}

describe('phone-like text that is not a phone number', () => {
  it.each([
    ['Published 2024-03-15 in Berlin', 'date'],
    ['Am 15.03.2024 geschlossen', 'date'],
    ['Due 03/15/2024 at noon', 'date'],
    ['built on 20240315 from main', 'date'],
    ['see pp. 1234-1256 for details', 'range'],
    ['in office 1998-2004 and after', 'range'],
    ['total 1.234.567,89 € incl. VAT', 'joined'],
    ['price $1,234,567.89 today', 'none'],
    ['USD 45 000 000 raised', 'amount'],
    ['CHF 12345678 budget', 'amount'],
    ['12 345 678 inhabitants', 'amount'],
    ['Order #20240315123 shipped', 'joined'],
    ['Invoice no. 2024001234567 attached', 'keyword'],
    ['PO 4500012345 approved', 'keyword'],
    ['Tracking: 9400 1000 0000 0000', 'keyword'],
    ['paid with 4111 1111 1111 1111 on file', 'card'],
    ['IBAN DE89 3704 0044 0532 0130 00', 'none'],
    ['VAT DE123456789 registered', 'joined'],
    ['ISBN 978-3-16-148410-0 second edition', 'keyword'],
    ['printed 4006381333931 on the box', 'long-digits'],
    ['trace 12345678-1234-1234-1234-123456789012 in logs', 'joined'],
    ['SSN 123-45-6789 redacted', 'keyword'],
    ['hers was 123-45-6789, redacted', 'grouped-id'],
    ['server 192.168.100.200 is up', 'dotted'],
    ['Windows 10.0.19041.1 build', 'dotted'],
    ['San Francisco, CA 94105-1234', 'grouped-id'],
    ['open https://example.com/call/4155550123 now', 'url'],
    ['visit www.shop.example/item?id=6505550101', 'url'],
    ['grew 1234567% this year', 'joined'],
    ['at 1700000000000 since epoch', 'long-digits'],
  ])('%s → %s', (text, why) => {
    expect(verdict(text)).toBe(why);
  });
});

describe('phone numbers pass', () => {
  it.each([
    'Call us: +1 650-555-0101 today',
    'Tel: +44 20 7946 0018',
    'Phone no. 0151 2345678',
    'Our number: +1 650 555 0102',
    'Telefon (089) 1234 5678',
    'Tél. 01 42 68 53 00',
    '(212) 555-0147 ext. 204',
    'Fax 0049 30 1234567',
  ])('%s', (text) => {
    expect(verdict(text)).toBeNull();
  });

  it('keeps an extension with the number, apart from it', () => {
    const [c] = findCandidates('Sales: (212) 555-0147 x 12, thanks');
    expect(c).toMatchObject({ number: '(212) 555-0147', ext: '12' });
    expect('Sales: (212) 555-0147 x 12, thanks'.slice(c?.start, c?.end)).toBe('(212) 555-0147 x 12');
  });

  it('a run that swallowed what follows the number is tried again shorter', () => {
    for (const [text, number] of [
      ['+1 212 555 0147 (0:42)', '+1 212 555 0147'],
      ['0113 496 0777 — 0.3 miles', '0113 496 0777'],
      ['call (650) 555-0102 / 12.5% off', '(650) 555-0102'],
    ] as const) {
      const forms: string[] = [];
      for (let c = acceptedCandidates(text, findCandidates(text))[0] ?? null; c; c = shorterAccepted(text, c)) forms.push(c.number);
      expect(forms).toContain(number);
    }
  });

  it('text with too few digits is not even looked at', () => {
    expect(findCandidates('Room 12, floor 3, 2 pm')).toEqual([]);
  });
});

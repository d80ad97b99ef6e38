import { describe, expect, it } from 'vitest';
import { invalidRecipients, mailtoUrl } from './mailto';

describe('mailtoUrl', () => {
  it('encodes recipients, subject and body (CRLF line breaks, %20 spaces)', () => {
    expect(mailtoUrl({ to: 'ana@example.com, bo+x@example.org', subject: 'Quote & terms', body: 'Hi Ana,\nsee you' })).toBe(
      'mailto:ana%40example.com,bo%2Bx%40example.org?subject=Quote%20%26%20terms&body=Hi%20Ana%2C%0D%0Asee%20you',
    );
  });
  it('leaves out empty parts', () => {
    expect(mailtoUrl({ to: 'a@b.co', subject: '', body: '' })).toBe('mailto:a%40b.co');
  });
});

describe('invalidRecipients', () => {
  it('lists what is not an address', () => {
    expect(invalidRecipients('a@b.co; nope, c@d.org')).toEqual(['nope']);
    expect(invalidRecipients('')).toEqual(['']);
    expect(invalidRecipients('a@b.co')).toEqual([]);
  });
});

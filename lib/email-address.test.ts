import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addressProblem, checkAddress } from './email-address';
import { mailtoUrl } from './mailto';
import { parseVCards } from './providers/import/vcard';
import { draft, freshProvider, reason, value } from './providers/local/test-support';

const SMUGGLED = ['ana@example.com?bcc=eve@evil.example', 'ana@example.com?bcc=eve%40evil.example', 'ana&cc=eve@example.com', 'ana@example.com#x'];

describe('an email address that would carry mailto: parameters', () => {
  it('is refused, with the reason; ordinary addresses pass', () => {
    for (const a of SMUGGLED) expect(checkAddress(a)).toBe('unsafe');
    expect(addressProblem(SMUGGLED[0]!)).toBe(
      '"ana@example.com?bcc=eve@evil.example" is refused as an email address: “?”, “#”, “%” or “&” in it could add recipients (a hidden Bcc) to emails written to it.',
    );
    for (const a of ['bo+x@example.org', "o'brien@mail.example.co.uk", 'jürgen@bücher.example']) expect(checkAddress(a)).toBe('ok');
    expect(checkAddress('nope')).toBe('invalid');
  });

  it('even stored from before, never adds a recipient to a mailto: link', () => {
    expect(mailtoUrl({ to: SMUGGLED[0]!, subject: '', body: '' })).toBe('mailto:ana%40example.com%3Fbcc%3Deve%40evil.example');
  });

  it('is left out of an import, said in a warning, and the rest of the contact is kept', () => {
    const text = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Ana', 'EMAIL:mailto:ana@example.com?bcc=eve@evil.example', 'TEL:+1 212 555 0100', 'END:VCARD', ''].join('\r\n');
    const r = parseVCards(text, 'US');
    expect(r.contacts).toMatchObject([{ name: 'Ana', email: '', phones: [{ number: '+12125550100' }] }]);
    expect(r.warnings).toEqual([
      { line: 1, message: 'left out the email “ana@example.com?bcc=eve@evil.example”: “?”, “#”, “%” or “&” in an address could add recipients (a hidden Bcc) to emails written to it' },
    ]);
  });

  it('is refused when a contact is saved from the settings, and nothing is stored', async () => {
    const p = freshProvider({ defaultCountry: 'US' });
    expect(reason(await p.contacts.save(draft({ name: 'Ana', email: SMUGGLED[1]! })))).toMatch(/is refused as an email address/);
    expect(value(await p.contacts.all())).toEqual([]);
  });
});

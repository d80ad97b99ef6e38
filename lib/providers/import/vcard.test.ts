import { describe, expect, it } from 'vitest';
import { parseVCards } from './vcard';
import { ANDROID_VCARD } from './fixtures/android-vcard';
import { APPLE_VCARD } from './fixtures/apple-vcard';
import { crlf, draft, junkBytes } from './fixtures/draft';
import { GOOGLE_CSV } from './fixtures/google-csv';
import { VCARD_4 } from './fixtures/vcard4';

/** One card around `lines`, starting at line 1. */
function card(...lines: string[]): string {
  return crlf(['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD', '']);
}

function contactsOf(text: string, country = 'US') {
  return parseVCards(text, country).contacts;
}

describe('parseVCards: real exports', () => {
  it('reads an Apple Contacts 3.0 export (item groups, X-ABLabel, photo, company card)', () => {
    expect(parseVCards(APPLE_VCARD, 'US')).toEqual({
      contacts: [
        draft({
          name: 'Johnny Appleseed',
          company: 'Apple Inc.',
          email: 'johnny@apple.example',
          phones: [['mobile', '+14155550132'], ['work', '+13125550148'], ['work', '+442079460958']],
          recordUrl: 'https://www.apple.example',
        }),
        draft({
          name: 'Globex Corporation',
          company: 'Globex Corporation',
          phones: [['other', '+16502530000']],
          recordUrl: 'https://crm.example/leads/42',
          recordName: 'Lead: Globex renewal',
        }),
        draft({ name: 'Jane Doe, PhD', company: 'Doe; Partners', email: 'jane@doe.example', phones: [['home', '+12025550173']] }),
      ],
      skipped: [],
      warnings: [],
    });
  });

  it('reads an Android 2.1 export (quoted-printable UTF-8, soft breaks, bare types, base64 photo)', () => {
    expect(parseVCards(ANDROID_VCARD, 'DE')).toEqual({
      contacts: [
        draft({
          name: 'Jürgen Müller',
          company: 'Bäckerei Müller GmbH',
          email: 'juergen@example.de',
          phones: [['mobile', '+4915123456789'], ['work', '+4930901820']],
        }),
        draft({ name: 'Élodie Françoise Dupont-Le Gall', phones: [['other', '+33612345678']] }),
        draft({ name: '+14155550132', phones: [['mobile', '+14155550132']] }),
      ],
      skipped: [],
      warnings: [
        { line: 8, message: 'left out “12ab”: not a valid phone number' },
        { line: 23, message: 'no name; named after its number “+14155550132”' },
      ],
    });
  });

  it('reads vCard 4.0 (tel: URIs, quoted TYPE lists, an extension, a card without FN)', () => {
    expect(parseVCards(VCARD_4, 'US')).toEqual({
      contacts: [
        draft({
          name: "Sam O'Neil",
          company: 'Initech',
          email: 'sam@initech.example',
          phones: [['mobile', '+12125550100'], ['work', '+16502530000'], ['work', '1002']],
          recordUrl: 'https://initech.example/crm/sam',
        }),
        draft({ name: 'Bill Lumbergh', phones: [['work', '+13125550148']] }),
      ],
      skipped: [],
      warnings: [
        { line: 8, message: 'left out the extension “102” of “+1-650-253-0000”: dial it once the call connects' },
        { line: 9, message: 'left out “+1-555-555-0100”: not a valid phone number' },
      ],
    });
  });
});

describe('parseVCards: TEL types', () => {
  it.each([
    ['TEL;TYPE=cell:+1 212 555 0100', 'mobile'],
    ['TEL;type=WORK,VOICE:+1 212 555 0100', 'work'],
    ['TEL;TYPE=HOME;TYPE=VOICE:+1 212 555 0100', 'home'],
    ['TEL;CELL:+1 212 555 0100', 'mobile'],
    ['TEL;WORK;VOICE:+1 212 555 0100', 'work'],
    ['TEL;VALUE=uri;TYPE="cell,voice":tel:+1-212-555-0100', 'mobile'],
    ['TEL;TYPE=work,cell:+1 212 555 0100', 'mobile'],
    ['TEL;TYPE=iPhone:+1 212 555 0100', 'mobile'],
    ['TEL:+1 212 555 0100', 'other'],
    ['TEL;TYPE=MAIN:+1 212 555 0100', 'other'],
    ['TEL;TYPE=FAX,VOICE:+1 212 555 0100', 'other'],
  ])('%s → %s', (line, label) => {
    expect(contactsOf(card('FN:Ana', line))).toEqual([draft({ name: 'Ana', phones: [[label, '+12125550100']] })]);
  });

  it("takes Apple's group label when the types say nothing, whichever comes first", () => {
    const text = card('FN:Ana', 'item2.X-ABLabel:_$!<Mobile>!$_', 'item2.TEL:+1 212 555 0100', 'item3.TEL:+1 312 555 0148', 'item3.X-ABLabel:Büro Office');
    expect(contactsOf(text)).toEqual([draft({ name: 'Ana', phones: [['mobile', '+12125550100'], ['work', '+13125550148']] })]);
  });

  it('leaves out fax and pager numbers: a softphone cannot call them', () => {
    const text = card('FN:Ana', 'TEL;TYPE=WORK,FAX:+1 212 555 0100', 'TEL;PAGER:+1 312 555 0148', 'item1.TEL:+1 202 555 0173', 'item1.X-ABLabel:_$!<HomeFAX>!$_');
    expect(parseVCards(text, 'US')).toEqual({ contacts: [draft({ name: 'Ana' })], skipped: [], warnings: [{ line: 1, message: 'no phone number' }] });
  });

  it('keeps one of the same number listed twice, with the first label', () => {
    expect(contactsOf(card('FN:Ana', 'TEL;CELL:0151 23456789', 'TEL;WORK:+49 151 2345 6789'), 'DE')).toEqual([
      draft({ name: 'Ana', phones: [['mobile', '+4915123456789']] }),
    ]);
  });

  it('keeps an extension as typed and national numbers in the default country', () => {
    expect(contactsOf(card('FN:Desk', 'TEL;WORK:204', 'TEL;CELL:*97', 'TEL;HOME:030 901820'), 'DE')).toEqual([
      draft({ name: 'Desk', phones: [['work', '204'], ['mobile', '*97'], ['home', '+4930901820']] }),
    ]);
  });
});

describe('parseVCards: values', () => {
  it('unfolds CRLF and LF continuations with a space or a tab', () => {
    const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Ma\r\n ría\n\tLópez\r\nTEL:+1 212 \n 555 0100\nEND:VCARD\n';
    expect(contactsOf(text)).toEqual([draft({ name: 'Ana MaríaLópez', phones: [['other', '+12125550100']] })]);
  });

  it('unescapes \\, \\; \\n and \\\\ in text, and splits ORG at unescaped semicolons only', () => {
    const text = card('FN:Doe\\, Jane\\nQ\\; \\\\ R', 'ORG:Smith\\; Sons\\, Ltd;Sales', 'TEL:+1 212 555 0100');
    expect(contactsOf(text)).toEqual([
      draft({ name: 'Doe, Jane\nQ; \\ R', company: 'Smith; Sons, Ltd', phones: [['other', '+12125550100']] }),
    ]);
  });

  it('builds the name from N when FN is missing or empty: "Given Middle Family", no prefix or suffix', () => {
    expect(contactsOf(card('N:Family;Given;;Dr.;Jr.', 'TEL:+1 212 555 0100'))[0]?.name).toBe('Given Family');
    expect(contactsOf(card('FN:', 'N:Lovelace;Ada;King;;', 'TEL:+1 212 555 0100'))[0]?.name).toBe('Ada King Lovelace');
  });

  it('takes the first FN, ORG, EMAIL and URL and ignores PHOTO, ADR, NOTE and unknown properties', () => {
    const text = card(
      'FN:First',
      'FN:Second',
      'ORG:One;Dept',
      'ORG:Two',
      'EMAIL:one@example.com',
      'EMAIL;TYPE=WORK:two@example.com',
      'URL:https://one.example',
      'URL:https://two.example',
      'PHOTO;VALUE=uri:https://photos.example/1.jpg',
      'ADR;TYPE=WORK:;;1 Main St;Springfield;;;',
      'X-SOCIALPROFILE;type=twitter:x',
      'TEL:+1 212 555 0100',
    );
    expect(contactsOf(text)).toEqual([
      draft({ name: 'First', company: 'One', email: 'one@example.com', recordUrl: 'https://one.example', phones: [['other', '+12125550100']] }),
    ]);
  });

  it('decodes quoted-printable in the declared charset, with or without ENCODING=', () => {
    const text = crlf([
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:J=FCrgen',
      'ORG;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Caf=C3=A9 =E2=98=95 =',
      'GmbH',
      'TEL;CELL:+1 212 555 0100',
      'END:VCARD',
    ]);
    expect(contactsOf(text)).toEqual([draft({ name: 'Jürgen', company: 'Café ☕ GmbH', phones: [['mobile', '+12125550100']] })]);
  });

  it('cleans fields the provider would refuse, with a warning, instead of failing the import', () => {
    const text = card('FN:Ana', 'EMAIL:not-an-address', 'URL:javascript:alert(1)', 'TEL:+1 212 555 0100');
    expect(parseVCards(text, 'US')).toEqual({
      contacts: [draft({ name: 'Ana', phones: [['other', '+12125550100']] })],
      skipped: [],
      warnings: [
        { line: 1, message: 'left out the email “not-an-address”: not an email address' },
        { line: 1, message: 'left out the link “javascript:alert(1)”: only http:// and https:// links are kept' },
      ],
    });
  });

  it('adds https:// to a web address written without it, and strips mailto: from an email', () => {
    expect(contactsOf(card('FN:Ana', 'EMAIL:mailto:ana@example.com', 'URL:www.example.com/ana', 'TEL:+1 212 555 0100'))).toEqual([
      draft({ name: 'Ana', email: 'ana@example.com', recordUrl: 'https://www.example.com/ana', phones: [['other', '+12125550100']] }),
    ]);
  });

  it('keeps at most 10 numbers, naming the rest', () => {
    const tels = Array.from({ length: 12 }, (_, i) => `TEL:+1 212 555 01${String(i).padStart(2, '0')}`);
    const report = parseVCards(card('FN:Switchboard', ...tels), 'US');
    expect(report.contacts[0]?.phones).toHaveLength(10);
    expect(report.warnings).toEqual([
      { line: 1, message: 'kept the first 10 phone numbers; left out “+12125550110”, “+12125550111”' },
    ]);
  });
});

describe('parseVCards: problems', () => {
  it('skips a card with no name and no number, and one whose only numbers are invalid', () => {
    const text = crlf([
      'BEGIN:VCARD', 'VERSION:3.0', 'EMAIL:a@example.com', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'TEL:12ab', 'TEL:+1 555', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Ana', 'END:VCARD',
    ]);
    expect(parseVCards(text, 'US')).toEqual({
      contacts: [draft({ name: 'Ana' })],
      skipped: [
        { line: 1, reason: 'no name and no phone number' },
        { line: 5, reason: 'no valid phone number (“12ab”, “+1 555”)' },
      ],
      warnings: [{ line: 10, message: 'no phone number' }],
    });
  });

  it('names a card after its email when it has a number but no name', () => {
    expect(parseVCards(card('EMAIL:x@example.com', 'TEL:+1 212 555 0100'), 'US')).toEqual({
      contacts: [draft({ name: 'x@example.com', email: 'x@example.com', phones: [['other', '+12125550100']] })],
      skipped: [],
      warnings: [{ line: 1, message: 'no name; named after its email “x@example.com”' }],
    });
  });

  it('skips a second card with the same name and first number as a duplicate', () => {
    const text = crlf([
      'BEGIN:VCARD', 'FN:Ana López', 'TEL:+1 212 555 0100', 'END:VCARD',
      'BEGIN:VCARD', 'FN:ana  lópez', 'TEL:(212) 555-0100', 'TEL:+1 312 555 0148', 'END:VCARD',
      'BEGIN:VCARD', 'FN:Ana López', 'TEL:+1 312 555 0148', 'END:VCARD',
    ]);
    expect(parseVCards(text, 'US')).toEqual({
      contacts: [draft({ name: 'Ana López', phones: [['other', '+12125550100']] }), draft({ name: 'Ana López', phones: [['other', '+13125550148']] })],
      skipped: [{ line: 5, reason: 'duplicate of line 1' }],
      warnings: [],
    });
  });

  it('imports a card missing END:VCARD, whether the next card or the end of the file comes first', () => {
    const text = crlf([
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Ana', 'TEL:+1 212 555 0100',
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Bo', 'TEL:+1 312 555 0148', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Cy', 'TEL:+1 202 555 01',
    ]);
    expect(parseVCards(text, 'US')).toEqual({
      contacts: [draft({ name: 'Ana', phones: [['other', '+12125550100']] }), draft({ name: 'Bo', phones: [['other', '+13125550148']] }), draft({ name: 'Cy' })],
      skipped: [],
      warnings: [
        { line: 1, message: 'the card has no END:VCARD' },
        { line: 10, message: 'the card has no END:VCARD' },
        { line: 13, message: 'left out “+1 202 555 01”: not a valid phone number' },
      ],
    });
  });

  it('ignores garbage between cards (one warning per stretch) and lines inside a card that are not properties', () => {
    const text = crlf([
      'Here are my contacts:',
      'enjoy!',
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Ana', 'this line is no property', '@@@', 'TEL:+1 212 555 0100', 'END:VCARD',
      '',
      '-- sent from my phone',
      'END:VCARD',
      'BEGIN:VCARD', 'FN:Bo', 'TEL:+1 312 555 0148', 'END:VCARD',
    ]);
    expect(parseVCards(text, 'US')).toEqual({
      contacts: [draft({ name: 'Ana', phones: [['other', '+12125550100']] }), draft({ name: 'Bo', phones: [['other', '+13125550148']] })],
      skipped: [],
      warnings: [
        { line: 1, message: 'ignored text outside a vCard' },
        { line: 6, message: 'ignored a line that is not a vCard property' },
        { line: 7, message: 'ignored a line that is not a vCard property' },
        { line: 11, message: 'ignored text outside a vCard' },
      ],
    });
  });

  it.each([
    ['an empty file', '', 'the file is empty'],
    ['a file of blank lines', ' \r\n\r\n\t\n', 'the file is empty'],
    ['a BOM only', '\uFEFF', 'the file is empty'],
    ['a CSV file', GOOGLE_CSV, 'no vCard found (a .vcf file starts with BEGIN:VCARD)'],
    ['binary junk', new TextDecoder().decode(junkBytes(2000)), 'this is not a text file (it looks like binary data)'],
    ['a PNG', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR BEGIN:VCARD', 'this is not a text file (it looks like binary data)'],
  ])('gives one fatal entry and no contacts for %s', (_, text, reason) => {
    expect(parseVCards(text, 'US')).toEqual({ contacts: [], skipped: [{ line: 1, reason }], warnings: [] });
  });

  it('strips a BOM before the first card', () => {
    expect(contactsOf(`\uFEFF${card('FN:Ana', 'TEL:+1 212 555 0100')}`)).toEqual([draft({ name: 'Ana', phones: [['other', '+12125550100']] })]);
  });
});

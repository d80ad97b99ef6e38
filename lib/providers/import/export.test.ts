import { describe, expect, it } from 'vitest';
import type { Contact } from '../types';
import { parseCsv } from './csv';
import { toCsv, toVCard } from './export';
import { parseVCards } from './vcard';

function contact(fields: Partial<Contact> & { name: string }): Contact {
  return { id: 'c1', company: '', email: '', phones: [], recordUrl: '', recordName: '', updatedAt: 1, ...fields };
}

const ANA = contact({
  name: 'Ana López',
  company: 'Acme, Inc.; EU',
  email: 'ana@acme.example',
  phones: [
    { label: 'mobile', number: '+14155550132' },
    { label: 'work', number: '+12125550100' },
  ],
  recordUrl: 'https://crm.example/leads/42',
  recordName: 'Lead: Acme renewal',
});

/** What the importers should give back for `contacts`: the drafts, without id or updatedAt. */
function drafts(contacts: Contact[]) {
  return contacts.map(({ id: _id, updatedAt: _updatedAt, ...rest }) => rest);
}

describe('toVCard', () => {
  it('writes vCard 3.0 with CRLF, escaped text, typed numbers and the labelled link', () => {
    expect(toVCard([ANA, contact({ name: 'Desk', phones: [{ label: 'other', number: '204' }] })])).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Ana López',
        'N:López;Ana;;;',
        'ORG:Acme\\, Inc.\\; EU',
        'EMAIL;TYPE=INTERNET:ana@acme.example',
        'TEL;TYPE=CELL:+14155550132',
        'TEL;TYPE=WORK:+12125550100',
        'item1.URL:https://crm.example/leads/42',
        'item1.X-ABLabel:Lead: Acme renewal',
        'END:VCARD',
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Desk',
        'N:;Desk;;;',
        'TEL:204',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
  });

  it('writes nothing for no contacts', () => {
    expect(toVCard([])).toBe('');
  });

  it('folds lines longer than 75 octets without splitting a character', () => {
    const name = 'Zoë Łukasiewicz-Øvergård '.repeat(6).trim();
    const text = toVCard([contact({ name })]);
    const lines = text.split('\r\n');
    const encoder = new TextEncoder();
    expect(lines.every((line) => encoder.encode(line).length <= 75)).toBe(true);
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(2);
    expect(parseVCards(text, 'US').contacts[0]?.name).toBe(name);
  });
});

describe('toCsv', () => {
  it('writes a header with as many phone pairs as the longest contact needs, RFC 4180 quoting, CRLF', () => {
    const bo = contact({ name: 'Bo "The Boss"', company: 'Line one\nLine two', phones: [{ label: 'home', number: '+13125550148' }] });
    expect(toCsv([ANA, bo])).toBe(
      [
        'Name,Company,Email,Phone 1 Label,Phone 1,Phone 2 Label,Phone 2,Record Name,Record URL',
        'Ana López,"Acme, Inc.; EU",ana@acme.example,mobile,+14155550132,work,+12125550100,Lead: Acme renewal,https://crm.example/leads/42',
        '"Bo ""The Boss""","Line one\nLine two",,home,+13125550148,,,,',
        '',
      ].join('\r\n'),
    );
  });

  it('writes one phone pair in the header when there are no contacts or numbers', () => {
    expect(toCsv([])).toBe('Name,Company,Email,Phone 1 Label,Phone 1,Record Name,Record URL\r\n');
  });

  it('neutralises formulas with an apostrophe but leaves E.164 numbers as numbers', () => {
    const eve = contact({
      name: '=HYPERLINK("http://evil.example","Click")',
      company: '+SUM(1,2)',
      email: '@evil',
      phones: [
        { label: '-label', number: '+4930901820' },
        { label: 'other', number: '+1 (555) CALL-NOW' },
        { label: 'other', number: '-1' },
      ],
      recordName: "'=already quoted",
    });
    expect(toCsv([eve]).split('\r\n')[1]).toBe(
      `"'=HYPERLINK(""http://evil.example"",""Click"")","'+SUM(1,2)",'@evil,'-label,+4930901820,other,'+1 (555) CALL-NOW,other,'-1,''=already quoted,`,
    );
  });
});

describe('round trips', () => {
  const contacts = [
    ANA,
    contact({
      name: 'Zoë "Z" O\'Brien-Łukasiewicz, Jr. \\ the second; of her name, with a long name to fold',
      company: 'Line one\nLine two',
      phones: [
        { label: 'home', number: '+442079460958' },
        { label: 'other', number: '1002' },
        { label: 'mobile', number: '*97' },
      ],
    }),
    contact({ name: '=cmd|" /C calc"!A0', company: "'@lead", email: 'x@example.com', phones: [{ label: 'work', number: '+4930901820' }] }),
    contact({ name: 'No Number Yet', recordUrl: 'https://example.com/a,b;c\\d' }),
  ];

  it('parseVCards(toVCard(x)) gives back x', () => {
    expect(parseVCards(toVCard(contacts), 'US')).toEqual({
      contacts: drafts(contacts),
      skipped: [],
      warnings: [{ line: 31, message: 'no phone number' }],
    });
  });

  it('parseCsv(toCsv(x)) gives back x', () => {
    expect(parseCsv(toCsv(contacts), 'US')).toEqual({
      contacts: drafts(contacts),
      skipped: [],
      warnings: [{ line: 6, message: 'no phone number' }],
    });
  });
});

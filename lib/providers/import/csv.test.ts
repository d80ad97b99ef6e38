import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { APPLE_VCARD } from './fixtures/apple-vcard';
import { crlf, draft, junkBytes } from './fixtures/draft';
import { GOOGLE_CSV } from './fixtures/google-csv';
import { OUTLOOK_CSV } from './fixtures/outlook-csv';

function contactsOf(text: string, country = 'US') {
  return parseCsv(text, country).contacts;
}

describe('parseCsv: real exports', () => {
  it('reads a Google Contacts export', () => {
    expect(parseCsv(GOOGLE_CSV, 'US')).toEqual({
      contacts: [
        draft({
          name: 'Ana López',
          company: 'Acme Corp',
          email: 'ana@acme.example',
          phones: [['mobile', '+14155550132'], ['work', '+12125550100']],
          recordUrl: 'https://acme.example/ana',
        }),
        draft({ name: 'Bob Stone', phones: [['mobile', '+12025550173'], ['mobile', '+13125550148']] }),
        draft({ name: 'Carla Nunes', email: 'carla@example.org', phones: [['other', '+442079460958']] }),
        draft({ name: 'Globex', company: 'Globex', phones: [['work', '+16502530000']] }),
        draft({ name: 'Dan Ray' }),
      ],
      skipped: [],
      warnings: [
        { line: 7, message: 'left out “12ab”: not a valid phone number' },
        { line: 7, message: 'left out “020 7946 0958”: not a valid phone number' },
      ],
    });
  });

  it('reads an Outlook export (national numbers in the default country, faxes left out)', () => {
    expect(parseCsv(OUTLOOK_CSV, 'DE')).toEqual({
      contacts: [
        draft({
          name: 'Jürgen Schmidt',
          company: 'Bäckerei Schmidt GmbH',
          email: 'j.schmidt@baeckerei.example',
          phones: [['work', '+4930901820'], ['mobile', '+4915123456789']],
          recordUrl: 'https://www.baeckerei.example',
        }),
        draft({ name: 'Eva Maria Huber', company: 'Klinik "Am See"', phones: [['home', '+498912345678']] }),
        draft({ name: 'Reception', phones: [['work', '204']] }),
      ],
      skipped: [{ line: 6, reason: 'no name and no phone number' }],
      warnings: [],
    });
  });

  it('reads the new Google format ("First Name", "Phone 1 - Label", "Organization Name")', () => {
    const text = crlf([
      'First Name,Middle Name,Last Name,Phonetic First Name,Organization Name,Organization Title,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value',
      'Ana,,López,,Acme,CEO,Work,ana@acme.example,Work Fax,+1 212 555 0199,* Mobile,+1 415 555 0132',
    ]);
    expect(contactsOf(text)).toEqual([draft({ name: 'Ana López', company: 'Acme', email: 'ana@acme.example', phones: [['mobile', '+14155550132']] })]);
  });
});

describe('parseCsv: headers', () => {
  it.each([
    ['Name,Phone', 'Ana,+1 212 555 0100', draft({ name: 'Ana', phones: [['work', '+12125550100']] })],
    ['Full Name,Telephone', 'Ana,+1 212 555 0100', draft({ name: 'Ana', phones: [['work', '+12125550100']] })],
    ['DISPLAY NAME,tel,Cell', 'Ana,+1 212 555 0100,+1 312 555 0148', draft({ name: 'Ana', phones: [['work', '+12125550100'], ['mobile', '+13125550148']] })],
    ['first_name,last_name,mobile', 'Ana,Ruiz,+1 212 555 0100', draft({ name: 'Ana Ruiz', phones: [['mobile', '+12125550100']] })],
    ['Given Name,Family Name,Home Phone', 'Ana,Ruiz,+1 212 555 0100', draft({ name: 'Ana Ruiz', phones: [['home', '+12125550100']] })],
    ['Name,Org,E-mail,Work Phone', 'Ana,Acme,a@acme.example,+1 212 555 0100', draft({ name: 'Ana', company: 'Acme', email: 'a@acme.example', phones: [['work', '+12125550100']] })],
    ['Name,Organization,Email Address,Business Phone', 'Ana,Acme,a@acme.example,+1 212 555 0100', draft({ name: 'Ana', company: 'Acme', email: 'a@acme.example', phones: [['work', '+12125550100']] })],
    ['Name,Company,E-mail Address,Mobile Phone', 'Ana,Acme,a@acme.example,+1 212 555 0100', draft({ name: 'Ana', company: 'Acme', email: 'a@acme.example', phones: [['mobile', '+12125550100']] })],
    ['Name,E-mail Address,E-mail 2 Address', 'Ana,,second@example.com', draft({ name: 'Ana', email: 'second@example.com' })],
    ['Name,Website,Record Name', 'Ana,https://crm.example/1,Lead 1', draft({ name: 'Ana', recordUrl: 'https://crm.example/1', recordName: 'Lead 1' })],
  ])('%s', (header, row, expected) => {
    expect(contactsOf(`${header}\n${row}\n`)).toEqual([expected]);
  });

  it('detects semicolon and tab delimited files from the header', () => {
    expect(contactsOf('Name;Phone;Company\n"Ruiz; Ana";+49 30 901820;"A, B"\n')).toEqual([
      draft({ name: 'Ruiz; Ana', company: 'A, B', phones: [['work', '+4930901820']] }),
    ]);
    expect(contactsOf('Name\tMobile\nAna, Ruiz\t+1 212 555 0100\n')).toEqual([draft({ name: 'Ana, Ruiz', phones: [['mobile', '+12125550100']] })]);
  });

  it('strips a BOM and reads CRLF, LF and quoted multi-line values, counting lines as an editor does', () => {
    const text = '\uFEFFName,Company,Phone\r\n"Ana","Acme\r\nEurope",+1 212 555 0100\r\nBo,,+1 312 555 0148\nCy,,12ab\n';
    expect(parseCsv(text, 'US')).toEqual({
      contacts: [
        draft({ name: 'Ana', company: 'Acme\nEurope', phones: [['work', '+12125550100']] }),
        draft({ name: 'Bo', phones: [['work', '+13125550148']] }),
        draft({ name: 'Cy' }),
      ],
      skipped: [],
      warnings: [{ line: 5, message: 'left out “12ab”: not a valid phone number' }],
    });
  });

  it('restores text this extension neutralised against formula injection on export', () => {
    expect(contactsOf("Name,Company,Phone 1 Label,Phone 1\n'=Eve,'@corp,'-work,+1 212 555 0100\n")).toEqual([
      draft({ name: '=Eve', company: '@corp', phones: [['work', '+12125550100']] }),
    ]);
  });
});

describe('parseCsv: rows', () => {
  it('skips rows with no name and no number, or only invalid numbers; keeps name-only rows with a warning', () => {
    const text = crlf(['Name,Email,Phone', ',a@example.com,', ',,12ab', 'Ana,,', ',,,', 'Bo,,+1 212 555 0100', '']);
    expect(parseCsv(text, 'US')).toEqual({
      contacts: [draft({ name: 'Ana' }), draft({ name: 'Bo', phones: [['work', '+12125550100']] })],
      skipped: [
        { line: 2, reason: 'no name and no phone number' },
        { line: 3, reason: 'no valid phone number (“12ab”)' },
      ],
      warnings: [{ line: 4, message: 'no phone number' }],
    });
  });

  it('skips a row with the same name and first number as an earlier one', () => {
    const text = crlf(['Name,Phone,Mobile', 'Ana,+1 212 555 0100,', 'ANA,(212) 555-0100,+1 312 555 0148', 'Ana,+1 312 555 0148,']);
    expect(parseCsv(text, 'US')).toEqual({
      contacts: [draft({ name: 'Ana', phones: [['work', '+12125550100']] }), draft({ name: 'Ana', phones: [['work', '+13125550148']] })],
      skipped: [{ line: 3, reason: 'duplicate of line 2' }],
      warnings: [],
    });
  });

  it('warns about rows longer than the header (an unquoted comma?) and reads the columns it has', () => {
    const text = crlf(['Name,Phone', 'Ruiz, Ana,+1 212 555 0100', 'Bo,+1 312 555 0148,,']);
    expect(parseCsv(text, 'US')).toEqual({
      contacts: [draft({ name: 'Ruiz' }), draft({ name: 'Bo', phones: [['work', '+13125550148']] })],
      skipped: [],
      warnings: [
        { line: 2, message: 'the row has 3 fields but the header has 2; ignored the extra ones' },
        { line: 2, message: 'left out “Ana”: not a valid phone number' },
      ],
    });
  });

  it('keeps the main number of one written with an extension, and names the extension', () => {
    expect(parseCsv('Name,Phone\nAna,+1 650 253 0000 x102\n', 'US')).toEqual({
      contacts: [draft({ name: 'Ana', phones: [['work', '+16502530000']] })],
      skipped: [],
      warnings: [{ line: 2, message: 'left out the extension “102” of “+1 650 253 0000”: dial it once the call connects' }],
    });
  });
});

describe('parseCsv: malformed files', () => {
  it('skips a row with an unterminated quote and keeps the rows after it', () => {
    const text = crlf(['Name,Phone', 'Ana,+1 212 555 0100', '"Bo,+1 312 555 0148', 'Cy,+1 202 555 0173', '']);
    expect(parseCsv(text, 'US')).toEqual({
      contacts: [draft({ name: 'Ana', phones: [['work', '+12125550100']] }), draft({ name: 'Cy', phones: [['work', '+12025550173']] })],
      skipped: [{ line: 3, reason: 'unterminated quoted field' }],
      warnings: [],
    });
  });

  it('skips a row with text after a closing quote', () => {
    expect(parseCsv('Name,Phone\n"Ana" Ruiz,+1 212 555 0100\n', 'US')).toEqual({
      contacts: [],
      skipped: [{ line: 2, reason: 'text after a closing quote' }],
      warnings: [],
    });
  });

  it.each([
    ['an empty file', '', 'the file is empty'],
    ['blank lines', '\r\n \r\n', 'the file is empty'],
    ['a header only', 'Name,Phone\r\n', 'the file has a header but no contacts'],
    ['a header and empty rows', 'Name,Phone\r\n,\r\n,\r\n', 'the file has a header but no contacts'],
    ['an unreadable header', '"Name,Phone\nAna,1', 'the header line cannot be read (unterminated quoted field)'],
    [
      'a wrong delimiter',
      'Name|Phone\nAna|+1 212 555 0100\n',
      'the header has no name or phone column (found “Name|Phone”); expected a comma, semicolon or tab separated file with columns such as Name and Phone',
    ],
    [
      'a header without name or phone columns',
      'Street,City,Zip,Country,Notes,Birthday\n1 Main St,Springfield,12345,US,,\n',
      'the header has no name or phone column (found “Street”, “City”, “Zip”, “Country”, “Notes” …); expected a comma, semicolon or tab separated file with columns such as Name and Phone',
    ],
    [
      'a vCard',
      APPLE_VCARD,
      'the header has no name or phone column (found “BEGIN:VCARD”); expected a comma, semicolon or tab separated file with columns such as Name and Phone',
    ],
    ['binary junk', new TextDecoder().decode(junkBytes(2000)), 'this is not a text file (it looks like binary data)'],
    ['a file with NUL bytes (UTF-16 read as UTF-8)', 'N\u0000a\u0000m\u0000e\u0000', 'this is not a text file (it looks like binary data)'],
  ])('gives one fatal entry and no contacts for %s', (_, text, reason) => {
    expect(parseCsv(text, 'US')).toEqual({ contacts: [], skipped: [{ line: 1, reason }], warnings: [] });
  });
});

describe('parseCsv: rows split differently from the header', () => {
  it('says so on each row instead of silently reading the whole row as a name', () => {
    const text = crlf(['Name;Phone', 'Ana,+1 212 555 0100', 'Bo;+1 312 555 0148']);
    expect(parseCsv(text, 'US')).toEqual({
      contacts: [draft({ name: 'Ana,+1 212 555 0100' }), draft({ name: 'Bo', phones: [['work', '+13125550148']] })],
      skipped: [],
      warnings: [
        { line: 2, message: 'the row has 1 field but the header has 2; is it separated by “,” instead of “;”?' },
        { line: 2, message: 'no phone number' },
      ],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsv } from './csv-reader';

describe('readCsv', () => {
  it('reads quoted fields, doubled quotes, embedded delimiters and line breaks, with start lines', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\nplain,"",last\n';
    expect(readCsv(text, ',')).toEqual({
      records: [
        { line: 1, fields: ['a', 'b', 'c'] },
        { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
        { line: 4, fields: ['plain', '', 'last'] },
      ],
      broken: [],
    });
  });

  it('accepts LF, CRLF and lone CR line ends and a missing final line end', () => {
    expect(readCsv('a\nb\r\nc\rd', ',').records).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['b'] },
      { line: 3, fields: ['c'] },
      { line: 4, fields: ['d'] },
    ]);
  });

  it('keeps empty fields, trailing ones included, and quotes inside an unquoted field as text', () => {
    expect(readCsv(',a,,\nO"Brien,5" disk\n', ',').records).toEqual([
      { line: 1, fields: ['', 'a', '', ''] },
      { line: 2, fields: ['O"Brien', '5" disk'] },
    ]);
  });

  it('reports a quote that never closes and goes on at the next line', () => {
    expect(readCsv('a,b\n"Ana,1\nBo,2\nCy,3\n', ',')).toEqual({
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 3, fields: ['Bo', '2'] },
        { line: 4, fields: ['Cy', '3'] },
      ],
      broken: [{ line: 2, reason: 'unterminated quoted field' }],
    });
  });

  it('reports an open quote that a later row\'s quote appears to close, without losing that row', () => {
    expect(readCsv('a,b\n"Ana,1\nBo,2\n"Cy",3\n', ',')).toEqual({
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 3, fields: ['Bo', '2'] },
        { line: 4, fields: ['Cy', '3'] },
      ],
      broken: [{ line: 2, reason: 'unterminated quoted field' }],
    });
  });

  it('reports text after a closing quote on the same line', () => {
    expect(readCsv('"Ana" Smith,1\nBo,2', ',')).toEqual({
      records: [{ line: 2, fields: ['Bo', '2'] }],
      broken: [{ line: 1, reason: 'text after a closing quote' }],
    });
  });

  it('splits at the given delimiter only', () => {
    expect(readCsv('a;b,c\t"d;e"', ';').records).toEqual([{ line: 1, fields: ['a', 'b,c\t"d', 'e"'] }]);
    expect(readCsv('a;b\t"c\td"', '\t').records).toEqual([{ line: 1, fields: ['a;b', 'c\td'] }]);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['Name,Phone,Email', ','],
    ['Name;Phone;Email', ';'],
    ['Name\tPhone\tEmail', '\t'],
    ['"Last, First";Phone;Email', ';'],
    ['Name', ','],
    ['Name;Phone,Email', ','],
  ])('%j → %j', (header, delimiter) => {
    expect(detectDelimiter(header)).toBe(delimiter);
  });
});

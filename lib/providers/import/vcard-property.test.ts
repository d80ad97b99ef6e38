import { describe, expect, it } from 'vitest';
import { parseProperty } from './vcard-property';
import { unfold } from './vcard-unfold';

const parse = (text: string) => parseProperty({ line: 3, text });

describe('parseProperty', () => {
  it('reads group, name, types in every syntax, encoding and charset', () => {
    expect(parse('item1.tel;type=WORK,voice;TYPE=pref;X-Foo=bar:+1 212')).toEqual({
      line: 3, group: 'item1', name: 'TEL', types: ['work', 'voice', 'pref'], encoding: '', charset: '', value: '+1 212',
    });
    expect(parse('TEL;CELL;QUOTED-PRINTABLE;CHARSET=UTF-8:=31')).toMatchObject({ types: ['cell'], encoding: 'QUOTED-PRINTABLE', charset: 'UTF-8' });
    expect(parse('TEL;VALUE=uri;TYPE="cell,voice":tel:+1-212')).toMatchObject({ types: ['cell', 'voice'], value: 'tel:+1-212' });
  });

  it('splits at the first colon outside quotes, keeping colons in the value', () => {
    expect(parse('X-FOO;LABEL="a:b":https://x.example:8080/')).toMatchObject({ name: 'X-FOO', value: 'https://x.example:8080/' });
  });

  it.each(['no colon here', 'two words:value', ':value only', 'bad|name:x'])('refuses %j', (text) => {
    expect(parse(text)).toBeNull();
  });
});

describe('unfold', () => {
  it('keeps the start line of each content line and joins QP soft breaks only on QP lines', () => {
    expect(unfold('A:1\r\n 2\nFN;ENCODING=QUOTED-PRINTABLE:a=\nb\nNOTE:ends with=\nC:3')).toEqual([
      { line: 1, text: 'A:12' },
      { line: 3, text: 'FN;ENCODING=QUOTED-PRINTABLE:ab' },
      { line: 5, text: 'NOTE:ends with=' },
      { line: 6, text: 'C:3' },
    ]);
  });
});

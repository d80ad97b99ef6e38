import { describe, expect, it } from 'vitest';
import { decodeQuotedPrintable } from './quoted-printable';

describe('decodeQuotedPrintable', () => {
  it.each([
    ['J=C3=BCrgen=20M=C3=BCller', 'UTF-8', 'Jürgen Müller'],
    ['J=c3=bcrgen', 'utf-8', 'Jürgen'],
    ['J=FCrgen', 'ISO-8859-1', 'Jürgen'],
    ['=E2=98=95 tea', '', '☕ tea'],
    ['soft=\r\nbreak', 'UTF-8', 'softbreak'],
    ['a=3Db', 'UTF-8', 'a=b'],
    ['broken =ZZ escape', 'UTF-8', 'broken =ZZ escape'],
    ['caf=C3=A9', 'no-such-charset', 'café'],
  ])('%j in %j → %j', (encoded, charset, text) => {
    expect(decodeQuotedPrintable(encoded, charset)).toBe(text);
  });
});

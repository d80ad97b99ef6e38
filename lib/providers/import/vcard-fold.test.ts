import { describe, expect, it } from 'vitest';
import { foldLine } from './vcard-fold';

const octets = (line: string) => new TextEncoder().encode(line).length;

describe('foldLine', () => {
  it('leaves a line of 75 octets alone and folds one of 76', () => {
    expect(foldLine('x'.repeat(75))).toEqual(['x'.repeat(75)]);
    expect(foldLine('x'.repeat(76))).toEqual(['x'.repeat(75), ' x']);
  });

  it('gives continuation lines 74 octets of content after their space', () => {
    expect(foldLine('x'.repeat(75 + 74 + 1)).map(octets)).toEqual([75, 75, 2]);
  });

  it('never splits a multi-byte character or a surrogate pair', () => {
    const line = `FN:${'é'.repeat(40)}${'😀'.repeat(20)}`;
    const parts = foldLine(line);
    expect(parts.every((part) => octets(part) <= 75)).toBe(true);
    expect(parts.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(line);
    expect(parts.join('')).not.toContain('\ufffd');
  });
});

import { describe, expect, it } from 'vitest';
import { decodeFileBytes } from './decode';

describe('decodeFileBytes', () => {
  it('reads UTF-8 and drops its BOM', () => {
    expect(decodeFileBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x4a, 0xc3, 0xbc]))).toBe('Jü');
  });

  it('reads UTF-16 with either byte order mark', () => {
    expect(decodeFileBytes(new Uint8Array([0xff, 0xfe, 0x4a, 0x00, 0xfc, 0x00]))).toBe('Jü');
    expect(decodeFileBytes(new Uint8Array([0xfe, 0xff, 0x00, 0x4a, 0x00, 0xfc]))).toBe('Jü');
  });

  it('falls back to Windows-1252, as Outlook writes CSV, when the bytes are not UTF-8', () => {
    expect(decodeFileBytes(new Uint8Array([0x4a, 0xfc, 0x72, 0x67, 0x65, 0x6e, 0x20, 0x80, 0x84, 0x93, 0x9f]))).toBe('Jürgen €„“Ÿ');
  });
});

import { describe, expect, it } from 'vitest';
import { parseContactFile } from './detect';
import { APPLE_VCARD } from './fixtures/apple-vcard';
import { OUTLOOK_CSV } from './fixtures/outlook-csv';

describe('parseContactFile', () => {
  it('reads a vCard, even after a BOM, blank lines or in lower case', () => {
    expect(parseContactFile(APPLE_VCARD, 'US').contacts).toHaveLength(3);
    expect(parseContactFile(`\uFEFF\r\n${APPLE_VCARD.toLowerCase()}`, 'US').contacts).toHaveLength(3);
  });

  it('reads anything else as CSV', () => {
    expect(parseContactFile(OUTLOOK_CSV, 'DE').contacts).toHaveLength(3);
    expect(parseContactFile('', 'US')).toEqual({ contacts: [], skipped: [{ line: 1, reason: 'the file is empty' }], warnings: [] });
  });
});

import { describe, expect, it } from 'vitest';
import { whoAmI } from './who-am-i';

describe('the header names the user', () => {
  it('by name and extension, never as a SIP address', () => {
    expect(whoAmI('Ann Seller', 'sip:1001@lab.test')).toBe('Ann Seller · ext. 1001');
  });
  it('by extension alone when no name is set', () => {
    expect(whoAmI(' ', 'sip:1001@lab.test')).toBe('Ext. 1001');
  });
});

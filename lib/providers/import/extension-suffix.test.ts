import { describe, expect, it } from 'vitest';
import { splitExtension } from './extension-suffix';

describe('splitExtension', () => {
  it.each([
    ['+1 650 253 0000 x102', '+1 650 253 0000', '102'],
    ['+1 650 253 0000x102', '+1 650 253 0000', '102'],
    ['(212) 555-0100 ext. 7', '(212) 555-0100', '7'],
    ['(212) 555-0100, extension 7', '(212) 555-0100', '7'],
    ['+1-650-253-0000;ext=102', '+1-650-253-0000', '102'],
    ['030 901820#12', '030 901820', '12'],
  ])('%j → %j and %j', (value, main, extension) => {
    expect(splitExtension(value)).toEqual({ main, extension });
  });

  it.each(['+1 650 253 0000', '#21', '*97', 'ext. 7', 'call me x'])('finds no extension in %j', (value) => {
    expect(splitExtension(value)).toBeNull();
  });
});

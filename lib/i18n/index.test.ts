import { describe, expect, it } from 'vitest';
import { parts, t } from './index';

describe('t', () => {
  it('fills each placeholder, every time it is asked (the pieces are cut once and kept)', () => {
    expect(t('clickToCall.callLabel', '+1 650 555 0102')).toBe('Call +1 650 555 0102');
    expect(t('clickToCall.callLabel', '+44 20 7946 0000')).toBe('Call +44 20 7946 0000');
    for (let i = 0; i < 2; i++) {
      expect(t('clickToCall.extNote', '+1 650 555 0102', '204')).toBe(
        'Call +1 650 555 0102. The extension 204 is not dialled: enter it on the keypad once connected.',
      );
    }
  });

  it('leaves a missing value empty and a string without placeholders as it is', () => {
    expect(t('clickToCall.callLabel')).toBe('Call {0}');
    expect(t('clickToCall.callLabel', undefined as unknown as string)).toBe('Call ');
  });

  it('cuts a string at its placeholders for markup', () => {
    expect(parts('clickToCall.callLabel')).toEqual(['Call ', 0]);
    expect(parts('clickToCall.callLabel')).toBe(parts('clickToCall.callLabel'));
  });
});

import { describe, expect, it } from 'vitest';
import { outcomesOf, parseOutcomes, parseVoicemailNumber, readCallSettings } from './call-settings';

describe('call settings', () => {
  it('reads damaged or old storage as the defaults, field by field', () => {
    expect(readCallSettings(undefined)).toEqual({ openOnAnswer: false, wrapUp: true, outcomes: null, voicemailNumber: '' });
    expect(readCallSettings({ openOnAnswer: 'yes', wrapUp: false, outcomes: [1, 2], voicemailNumber: '12;x' })).toEqual({ openOnAnswer: false, wrapUp: false, outcomes: null, voicemailNumber: '' });
    expect(readCallSettings({ openOnAnswer: true, outcomes: ['Sold'], voicemailNumber: '*97' })).toEqual({ openOnAnswer: true, wrapUp: true, outcomes: ['Sold'], voicemailNumber: '*97' });
  });

  it('offers the default outcomes until the user sets their own', () => {
    expect(outcomesOf(readCallSettings(undefined))).toEqual(['Answered', 'No answer', 'Left voicemail', 'Wrong number', 'Busy', 'Call back later']);
    expect(outcomesOf({ openOnAnswer: false, wrapUp: true, outcomes: ['Sold', 'Lost'], voicemailNumber: '' })).toEqual(['Sold', 'Lost']);
  });

  it('takes one outcome a line, trimmed, and says what is wrong with a bad list', () => {
    expect(parseOutcomes(' Sold \n\nLost\r\n')).toEqual({ ok: true, outcomes: ['Sold', 'Lost'] });
    expect(parseOutcomes('  \n')).toEqual({ ok: false, message: 'Give at least one outcome.' });
    expect(parseOutcomes('Sold\nsold')).toEqual({ ok: false, message: '“sold” is in the list twice.' });
    expect(parseOutcomes('x'.repeat(41))).toEqual({ ok: false, message: `“${'x'.repeat(41)}” is longer than 40 characters.` });
    expect(parseOutcomes(Array.from({ length: 13 }, (_, i) => `o${i}`).join('\n'))).toEqual({ ok: false, message: 'At most 12 outcomes.' });
  });

  it('takes a voicemail number as people write it, and says why a bad one is refused', () => {
    expect(parseVoicemailNumber(' *97 ')).toEqual({ ok: true, number: '*97' });
    expect(parseVoicemailNumber('10-04')).toEqual({ ok: true, number: '1004' });
    expect(parseVoicemailNumber('+49 (89) 123 456-0')).toEqual({ ok: true, number: '+49891234560' });
    expect(parseVoicemailNumber('0049 89 1234')).toEqual({ ok: true, number: '+49891234' });
    expect(parseVoicemailNumber('  ')).toEqual({ ok: true, number: '' });
    for (const bad of ['voicemail', '1', '*9*7', '12;user=phone', 'sip:1004@pbx', '+1'.padEnd(20, '2')]) {
      const r = parseVoicemailNumber(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain(bad.trim());
    }
  });
});

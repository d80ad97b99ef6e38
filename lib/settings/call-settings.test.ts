import { describe, expect, it } from 'vitest';
import { outcomesOf, parseOutcomes, readCallSettings } from './call-settings';

describe('call settings', () => {
  it('reads damaged or old storage as the defaults, field by field', () => {
    expect(readCallSettings(undefined)).toEqual({ openOnAnswer: false, wrapUp: true, outcomes: null });
    expect(readCallSettings({ openOnAnswer: 'yes', wrapUp: false, outcomes: [1, 2] })).toEqual({ openOnAnswer: false, wrapUp: false, outcomes: null });
    expect(readCallSettings({ openOnAnswer: true, outcomes: ['Sold'] })).toEqual({ openOnAnswer: true, wrapUp: true, outcomes: ['Sold'] });
  });

  it('offers the default outcomes until the user sets their own', () => {
    expect(outcomesOf(readCallSettings(undefined))).toEqual(['Answered', 'No answer', 'Left voicemail', 'Wrong number', 'Busy', 'Call back later']);
    expect(outcomesOf({ openOnAnswer: false, wrapUp: true, outcomes: ['Sold', 'Lost'] })).toEqual(['Sold', 'Lost']);
  });

  it('takes one outcome a line, trimmed, and says what is wrong with a bad list', () => {
    expect(parseOutcomes(' Sold \n\nLost\r\n')).toEqual({ ok: true, outcomes: ['Sold', 'Lost'] });
    expect(parseOutcomes('  \n')).toEqual({ ok: false, message: 'Give at least one outcome.' });
    expect(parseOutcomes('Sold\nsold')).toEqual({ ok: false, message: '“sold” is in the list twice.' });
    expect(parseOutcomes('x'.repeat(41))).toEqual({ ok: false, message: `“${'x'.repeat(41)}” is longer than 40 characters.` });
    expect(parseOutcomes(Array.from({ length: 13 }, (_, i) => `o${i}`).join('\n'))).toEqual({ ok: false, message: 'At most 12 outcomes.' });
  });
});

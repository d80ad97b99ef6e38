import { describe, expect, it } from 'vitest';
import { localDateTimeValue, sendPresets } from './send-presets';

const shown = (now: Date) => Object.fromEntries(Object.entries(sendPresets(now)).map(([k, d]) => [k, localDateTimeValue(d)]));

describe('send presets', () => {
  it('offer in an hour, tomorrow 9:00 and next Monday 9:00', () => {
    // Wednesday 4 March 2026, 16:42:30
    expect(shown(new Date(2026, 2, 4, 16, 42, 30))).toEqual({ inHour: '2026-03-04T17:42', tomorrow: '2026-03-05T09:00', monday: '2026-03-09T09:00' });
  });

  it('take Monday as the next one on a Monday, and cross a month end', () => {
    expect(shown(new Date(2026, 2, 30, 8, 0))).toEqual({ inHour: '2026-03-30T09:00', tomorrow: '2026-03-31T09:00', monday: '2026-04-06T09:00' });
  });

  it('go to Monday from a Sunday evening', () => {
    expect(shown(new Date(2026, 2, 8, 23, 30)).monday).toBe('2026-03-09T09:00');
  });
});

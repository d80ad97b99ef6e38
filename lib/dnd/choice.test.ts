import { describe, expect, it } from 'vitest';
import { dndActive, dndFor, isDndChoice } from './choice';

describe('do not disturb durations', () => {
  const now = new Date(2026, 2, 10, 22, 15);
  it('for 1 hour ends an hour later', () => {
    expect(dndFor('hour', now).until).toBe(now.getTime() + 3_600_000);
  });
  it('until tomorrow ends at 8:00 the next day, local time (also across a month end)', () => {
    expect(new Date(dndFor('tomorrow', now).until as number)).toEqual(new Date(2026, 2, 11, 8, 0));
    expect(new Date(dndFor('tomorrow', new Date(2026, 0, 31, 7, 0)).until as number)).toEqual(new Date(2026, 1, 1, 8, 0));
  });
  it('until I turn it off has no end', () => {
    expect(dndFor('forever', now)).toEqual({ until: null });
  });
  it('is off once its time has come, on before', () => {
    const dnd = dndFor('hour', now);
    expect(dndActive(dnd, now.getTime())).toBe(true);
    expect(dndActive(dnd, now.getTime() + 3_600_000)).toBe(false);
    expect(dndActive({ until: null }, Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(dndActive(null, 0)).toBe(false);
  });
  it('accepts only the known choices', () => {
    expect(isDndChoice('hour')).toBe(true);
    expect(isDndChoice('week')).toBe(false);
    expect(isDndChoice(1)).toBe(false);
  });
});

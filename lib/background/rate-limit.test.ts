import { describe, expect, it } from 'vitest';
import { RateLimit } from './rate-limit';

describe('RateLimit', () => {
  it('lets `max` through per window and key, then none until the window has passed', () => {
    let now = 0;
    const limit = new RateLimit(3, 1_000, () => now);
    expect([1, 2, 3, 4].map(() => limit.allow('a'))).toEqual([true, true, true, false]);
    expect(limit.allow('b')).toBe(true);
    now = 999;
    expect(limit.allow('a')).toBe(false);
    now = 1_000;
    expect(limit.allow('a')).toBe(true);
  });

  it('forgets the keys of past windows once there are many', () => {
    let now = 0;
    const limit = new RateLimit(1, 10, () => now);
    for (let i = 0; i < 1_001; i++) limit.allow(`frame-${i}`);
    now = 20;
    limit.allow('new');
    expect((limit as unknown as { windows: Map<string, unknown> }).windows.size).toBe(1);
  });
});

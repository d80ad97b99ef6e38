import { describe, expect, it } from 'vitest';
import { estimateMos, qualityBand } from './call-quality';

describe('estimateMos (E-model)', () => {
  it('a clean loopback call is good', () => {
    const mos = estimateMos({ lossPercent: 0, jitterMs: 1, rttMs: 2 });
    expect(mos).toBeGreaterThanOrEqual(4.3);
    expect(qualityBand(mos)).toBe('good');
  });
  it('8 % loss is poor', () => {
    expect(qualityBand(estimateMos({ lossPercent: 8, jitterMs: 10, rttMs: 50 }))).toBe('poor');
  });
  it('falls as loss, jitter or delay grow', () => {
    const base = { lossPercent: 1, jitterMs: 10, rttMs: 50 };
    expect(estimateMos({ ...base, lossPercent: 3 })).toBeLessThan(estimateMos(base));
    expect(estimateMos({ ...base, rttMs: 600 })).toBeLessThan(estimateMos(base));
    expect(estimateMos({ ...base, jitterMs: 120 })).toBeLessThan(estimateMos(base));
  });
  it('stays within 1..4.5 for any input', () => {
    expect(estimateMos({ lossPercent: 100, jitterMs: 1e6, rttMs: 1e6 })).toBe(1);
    expect(estimateMos({ lossPercent: -5, jitterMs: 0, rttMs: 0 })).toBeLessThanOrEqual(4.5);
  });
});

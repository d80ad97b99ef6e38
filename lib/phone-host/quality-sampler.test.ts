import { describe, expect, it } from 'vitest';
import { NO_STATS, type CallStats } from './call-stats';
import { QualitySampler, qualityBetween } from './quality-sampler';

const at = (received: number, lost: number, jitterMs = 5, rttMs = 20): CallStats => ({ ...NO_STATS, packetsReceived: received, packetsLost: lost, jitterMs, rttMs });

describe('call quality sampling', () => {
  it('a clean interval is good; 8 % lost is poor; nothing received is "no audio"', () => {
    expect(qualityBetween(at(0, 0), at(100, 0))).toMatchObject({ band: 'good', lossPercent: 0, noAudio: false });
    expect(qualityBetween(at(100, 0), at(192, 8))).toMatchObject({ band: 'poor', lossPercent: 8, noAudio: false });
    expect(qualityBetween(at(100, 0), at(100, 0))).toMatchObject({ band: 'poor', mos: 1, noAudio: true });
  });

  it('keeps each call’s reading for the call screen and its average and worst for Recent', async () => {
    const readings = [at(0, 0), at(100, 0), at(192, 8)];
    let changes = 0;
    const s = new QualitySampler({ stats: () => Promise.resolve(readings.shift() ?? null), changed: () => (changes += 1), intervalMs: 60_000 });
    s.sync(['a']);
    await s.sample();
    expect(s.readings()).toEqual({});
    await s.sample();
    expect(s.readings().a?.band).toBe('good');
    await s.sample();
    expect(s.readings().a).toMatchObject({ band: 'poor', lossPercent: 8 });
    expect(changes).toBe(2);
    s.sync([]);
    expect(s.readings()).toEqual({});
    const summary = s.take('a');
    expect(summary).toMatchObject({ lossPercent: 4, jitterMs: 5 });
    expect(summary?.worstMos).toBeLessThan(3.6);
    expect(summary?.mos).toBeGreaterThan(summary?.worstMos ?? 0);
    expect(s.take('a')).toBeUndefined();
  });
});

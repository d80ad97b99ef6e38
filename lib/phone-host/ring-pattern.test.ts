import { describe, expect, it } from 'vitest';
import { RING, ringWav } from './ring-pattern';

describe('the ring as a WAV file', () => {
  it('is one period of 16-bit mono PCM: tones for the first 2 s, silence after', () => {
    const rate = 8000;
    const v = new DataView(ringWav(rate));
    const text = (at: number, n: number) => String.fromCharCode(...Array.from({ length: n }, (_, i) => v.getUint8(at + i)));
    expect([text(0, 4), text(8, 4), text(36, 4)]).toEqual(['RIFF', 'WAVE', 'data']);
    expect(v.getUint32(24, true)).toBe(rate);
    expect(v.getUint32(40, true)).toBe(rate * RING.periodSeconds * 2);
    const sample = (s: number) => v.getInt16(44 + Math.round(s * rate) * 2, true);
    const loudest = (from: number, to: number) => Math.max(...Array.from({ length: (to - from) * 100 }, (_, i) => Math.abs(sample(from + i / 100))));
    expect(loudest(0, 1.99)).toBeGreaterThan(1000);
    expect(loudest(2.01, 5.99)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { RINGS, ringWav } from './ring-pattern';

describe('the ring as a WAV file', () => {
  it('is one period of 16-bit mono PCM: tones for the first 2 s, silence after', () => {
    const rate = 8000;
    const v = new DataView(ringWav('full', rate));
    const text = (at: number, n: number) => String.fromCharCode(...Array.from({ length: n }, (_, i) => v.getUint8(at + i)));
    expect([text(0, 4), text(8, 4), text(36, 4)]).toEqual(['RIFF', 'WAVE', 'data']);
    expect(v.getUint32(24, true)).toBe(rate);
    expect(v.getUint32(40, true)).toBe(rate * RINGS.full.periodSeconds * 2);
    const sample = (s: number) => v.getInt16(44 + Math.round(s * rate) * 2, true);
    const loudest = (from: number, to: number) => Math.max(...Array.from({ length: (to - from) * 100 }, (_, i) => Math.abs(sample(from + i / 100))));
    expect(loudest(0, 1.99)).toBeGreaterThan(1000);
    expect(loudest(2.01, 5.99)).toBe(0);
  });

  it('the soft ring (a call waiting) is one quiet short beep a period: 0.3 s, a third of the full ring\'s level', () => {
    const rate = 8000;
    const full = new DataView(ringWav('full', rate));
    const soft = new DataView(ringWav('soft', rate));
    const peak = (v: DataView, from: number, to: number) =>
      Math.max(...Array.from({ length: Math.round((to - from) * rate) }, (_, i) => Math.abs(v.getInt16(44 + (Math.round(from * rate) + i) * 2, true))));
    expect(soft.getUint32(40, true)).toBe(full.getUint32(40, true));
    expect(peak(soft, 0, 0.29)).toBeGreaterThan(0);
    expect(peak(soft, 0.31, 5.99)).toBe(0);
    expect(peak(soft, 0, 0.29)).toBeLessThan(peak(full, 0, 0.29) / 2);
  });
});

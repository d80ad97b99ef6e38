/**
 * `full` rings for a call when none is on; `soft` is the call-waiting tone: one short quiet beep
 * every period, heard over the call in progress.
 */
export type RingMode = 'full' | 'soft';

/**
 * The rings, written once for both ways of playing them (Web Audio in Chrome, an `<audio>` element
 * in Firefox): the full one two tones together, 2 s on, 4 s off; the soft one a quiet beep.
 */
export const RINGS = {
  full: { tones: [440, 480], onSeconds: 2, periodSeconds: 6, gain: 0.12 },
  soft: { tones: [440], onSeconds: 0.3, periodSeconds: 6, gain: 0.04 },
} as const satisfies Record<RingMode, { tones: readonly number[]; onSeconds: number; periodSeconds: number; gain: number }>;

/**
 * One period of a ring as a 16-bit mono PCM WAV file (Firefox plays it from an `<audio>`
 * element, see firefox/ringtone.ts). 8 kHz keeps it at 96 KB.
 */
export function ringWav(mode: RingMode = 'full', sampleRate = 8000): ArrayBuffer {
  const RING = RINGS[mode];
  const samples = sampleRate * RING.periodSeconds;
  const on = Math.round(sampleRate * RING.onSeconds);
  const buf = new ArrayBuffer(44 + samples * 2);
  const v = new DataView(buf);
  const ascii = (at: number, s: string) => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  v.setUint32(4, 36 + samples * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  v.setUint32(16, 16, true); // PCM header size
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, 1, true); // mono
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * 2, true); // bytes per second
  v.setUint16(32, 2, true); // bytes per frame
  v.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  v.setUint32(40, samples * 2, true);
  const peak = 32767 * RING.gain;
  for (let i = 0; i < on; i++) {
    const t = i / sampleRate;
    const x = RING.tones.reduce((sum: number, f) => sum + Math.sin(2 * Math.PI * f * t), 0) / RING.tones.length;
    v.setInt16(44 + i * 2, Math.round(x * peak), true);
  }
  return buf;
}

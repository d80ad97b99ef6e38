// Known tones as audio files, and how much of a recording is a given tone (Goertzel): the lab's
// way to check that real audio, not only packets, crossed a call.
import fs from 'node:fs';

/** Writes a mono 16-bit PCM WAV of a sine at `hz` (Chromium's fake microphone can play it). */
export function writeToneWav(file, hz, { seconds = 30, rate = 48000, amplitude = 0.5 } = {}) {
  const n = seconds * rate;
  const data = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++) data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * hz * i) / rate) * amplitude * 32767), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  fs.writeFileSync(file, Buffer.concat([header, data]));
}

/** The samples (first channel, -1…1) and rate of a 16-bit PCM WAV, whatever its header claims as size. */
export function readWav(file) {
  const buf = fs.readFileSync(file);
  let off = 12;
  let rate = 8000;
  let channels = 1;
  while (off + 8 <= buf.length) {
    const id = buf.toString('ascii', off, off + 4);
    const size = buf.readUInt32LE(off + 4);
    if (id === 'fmt ') {
      channels = buf.readUInt16LE(off + 10);
      rate = buf.readUInt32LE(off + 12);
    }
    if (id === 'data') {
      // A recorder stopped without closing its file leaves the size unset: read to the end.
      const end = size > 0 && off + 8 + size <= buf.length ? off + 8 + size : buf.length;
      const samples = [];
      for (let p = off + 8; p + 2 <= end; p += 2 * channels) samples.push(buf.readInt16LE(p) / 32768);
      return { rate, samples };
    }
    off += 8 + size + (size % 2);
  }
  return { rate, samples: [] };
}

/**
 * The share (0…1) of a recording's energy carried by a tone at `hz`, over its loud part (the
 * silence before answer and after hang-up is left out), and its RMS level.
 */
export function toneShare(file, hz) {
  const { rate, samples } = readWav(file);
  const win = Math.round(rate / 10); // 100 ms windows
  let toneEnergy = 0;
  let total = 0;
  const k = (2 * Math.PI * hz) / rate;
  for (let start = 0; start + win <= samples.length; start += win) {
    let e = 0;
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < win; i++) {
      const x = samples[start + i];
      e += x * x;
      const s0 = x + 2 * Math.cos(k) * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    if (e / win < 1e-5) continue; // silence
    const power = s1 * s1 + s2 * s2 - 2 * Math.cos(k) * s1 * s2;
    toneEnergy += (2 * power) / win; // a pure sine's Goertzel power is N·A²/4; its energy N·A²/2
    total += e;
  }
  return { share: total > 0 ? toneEnergy / total : 0, rms: Math.sqrt(total / Math.max(1, samples.length)) };
}

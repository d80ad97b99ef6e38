/** The settings' checks: a microphone level meter and a test sound on a chosen output. */

type SinkContext = AudioContext & { setSinkId?: (id: string) => Promise<void> };

/** Whether this browser lets a page choose the output device (Chrome; Firefox behind permission). */
export const canChooseOutput = (): boolean => typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;

/** A one-second tone (or the two-tone ring) on the given output ('' = default). */
export async function playTestSound(sinkId: string, kind: 'call' | 'ring'): Promise<void> {
  const ctx: SinkContext = new AudioContext();
  try {
    if (sinkId && ctx.setSinkId) await ctx.setSinkId(sinkId);
    const gain = ctx.createGain();
    gain.gain.value = 0.15;
    gain.connect(ctx.destination);
    const t0 = ctx.currentTime;
    for (const freq of kind === 'ring' ? [440, 480] : [660]) {
      const osc = ctx.createOscillator();
      osc.frequency.value = freq;
      osc.connect(gain);
      osc.start(t0);
      osc.stop(t0 + 1);
    }
    await new Promise((r) => setTimeout(r, 1100));
  } finally {
    await ctx.close();
  }
}

/** Opens the microphone and reports its level (0..1, RMS) about 20 times a second; returns the way to stop. */
export async function watchLevel(deviceId: string, onLevel: (level: number) => void): Promise<() => void> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: deviceId ? { deviceId: { exact: deviceId } } : true });
  const ctx = new AudioContext();
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 1024;
  ctx.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const v of samples) sum += v * v;
    onLevel(Math.min(1, Math.sqrt(sum / samples.length) * 4));
  }, 50);
  return () => {
    clearInterval(timer);
    stream.getTracks().forEach((t) => t.stop());
    void ctx.close();
  };
}

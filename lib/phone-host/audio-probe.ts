/** The loudest frequency in a track's audio right now, read with an AnalyserNode, and its level. */
export interface ToneReading {
  /** Frequency of the strongest bin, Hz (0 when silent). */
  hz: number;
  /** That bin's level, dBFS. */
  db: number;
}

const FFT_SIZE = 8192;

export async function dominantTone(track: MediaStreamTrack, listenMs = 300): Promise<ToneReading> {
  const ctx = new AudioContext();
  try {
    const source = ctx.createMediaStreamSource(new MediaStream([track]));
    const analyser = ctx.createAnalyser();
    analyser.fftSize = FFT_SIZE;
    analyser.smoothingTimeConstant = 0;
    source.connect(analyser);
    await ctx.resume();
    await new Promise((r) => setTimeout(r, listenMs));
    const bins = new Float32Array(analyser.frequencyBinCount);
    analyser.getFloatFrequencyData(bins);
    let best = 0;
    for (let i = 1; i < bins.length; i++) if ((bins[i] ?? -Infinity) > (bins[best] ?? -Infinity)) best = i;
    const db = bins[best] ?? -Infinity;
    return { hz: db > -90 ? Math.round((best * ctx.sampleRate) / FFT_SIZE) : 0, db: Number.isFinite(db) ? Math.round(db) : -200 };
  } finally {
    await ctx.close();
  }
}

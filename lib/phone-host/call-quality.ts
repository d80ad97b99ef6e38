/**
 * A call's quality from its RTP figures: an estimated MOS by the ITU-T G.107 E-model (simplified
 * for Opus at a fixed codec impairment, as WebRTC monitoring tools commonly do), and the band
 * the call screen shows. Inputs are what `getStats` reports: packet loss over an interval,
 * interarrival jitter and the ICE round-trip time.
 */
export interface QualityFigures {
  /** Percent of packets lost in the interval (0–100). */
  lossPercent: number;
  jitterMs: number;
  rttMs: number;
}

export type QualityBand = 'good' | 'fair' | 'poor';

/** Opus's equipment impairment (Ie) and its robustness to loss (Bpl), as used for wideband VoIP estimates. */
const IE = 0;
const BPL = 10;

export function estimateMos({ lossPercent, jitterMs, rttMs }: QualityFigures): number {
  // One-way delay: half the round trip, plus the jitter buffer (about twice the jitter) and 20 ms framing.
  const delay = rttMs / 2 + jitterMs * 2 + 20;
  const id = 0.024 * delay + (delay > 177.3 ? 0.11 * (delay - 177.3) : 0);
  const ppl = Math.max(0, Math.min(100, lossPercent));
  const ieEff = IE + (95 - IE) * (ppl / (ppl + BPL));
  const r = Math.max(0, 93.2 - id - ieEff);
  const mos = 1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6;
  return Math.round(Math.max(1, Math.min(4.5, mos)) * 10) / 10;
}

/** Bands as commonly drawn for VoIP: 4.0 and up good, 3.6 to 4.0 fair, under 3.6 poor. */
export function qualityBand(mos: number): QualityBand {
  return mos >= 4 ? 'good' : mos >= 3.6 ? 'fair' : 'poor';
}

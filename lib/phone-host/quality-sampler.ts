import type { CallStats } from './call-stats';
import { estimateMos, qualityBand } from './call-quality';
import type { CallQualityNow } from '../sip/types';
import type { CallQualitySummary } from '../providers/types';

export interface SamplerDeps {
  /** A call's RTP counters now (null when it has no peer connection). */
  stats(callId: string): Promise<CallStats | null>;
  /** The readings changed: publish the phone's state again. */
  changed(): void;
  /** Between samples, ms (default 2 s). */
  intervalMs?: number;
}

interface Totals {
  mosSum: number;
  samples: number;
  worstMos: number;
  lost: number;
  received: number;
  jitterMs: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** One interval's quality from two readings of the counters. */
export function qualityBetween(before: CallStats, now: CallStats): CallQualityNow {
  const received = Math.max(0, now.packetsReceived - before.packetsReceived);
  const lost = Math.max(0, now.packetsLost - before.packetsLost);
  const noAudio = received === 0;
  const lossPercent = noAudio ? 100 : round1((lost / (lost + received)) * 100);
  const mos = noAudio ? 1 : estimateMos({ lossPercent, jitterMs: now.jitterMs, rttMs: now.rttMs });
  return { band: noAudio ? 'poor' : qualityBand(mos), mos, lossPercent, jitterMs: Math.round(now.jitterMs), rttMs: Math.round(now.rttMs), noAudio };
}

/**
 * Samples the answered calls' `getStats` every few seconds while one is up, and keeps, per call,
 * the quality now (for the call screen) and the running totals (for Recent when it ends).
 * Calls on hold are not sampled: the far end sends nothing then, on purpose.
 */
export class QualitySampler {
  private readonly last = new Map<string, CallStats>();
  private readonly now = new Map<string, CallQualityNow>();
  private readonly totals = new Map<string, Totals>();
  private live: string[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private sampling = false;

  constructor(private readonly deps: SamplerDeps) {}

  /** The calls to sample now (answered, not on hold); the timer runs only while there are some. */
  sync(callIds: string[]): void {
    this.live = callIds;
    for (const id of [...this.last.keys()]) {
      if (!callIds.includes(id)) {
        this.last.delete(id);
        this.now.delete(id);
      }
    }
    if (callIds.length > 0 && !this.timer) this.timer = setInterval(() => void this.sample(), this.deps.intervalMs ?? 2_000);
    if (callIds.length === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  /** Each live call's quality now (calls not sampled yet are absent). */
  readings(): Record<string, CallQualityNow> {
    return Object.fromEntries(this.now);
  }

  /** A finished call's summary, once (undefined when it was never measured). */
  take(callId: string): CallQualitySummary | undefined {
    const t = this.totals.get(callId);
    this.totals.delete(callId);
    this.last.delete(callId);
    this.now.delete(callId);
    if (!t || t.samples === 0) return undefined;
    const all = t.lost + t.received;
    return {
      mos: round1(t.mosSum / t.samples),
      worstMos: t.worstMos,
      lossPercent: all === 0 ? 100 : round1((t.lost / all) * 100),
      jitterMs: t.jitterMs,
    };
  }

  async sample(): Promise<void> {
    if (this.sampling) return;
    this.sampling = true;
    try {
      let changed = false;
      for (const id of this.live) {
        const stats = await this.deps.stats(id);
        if (!stats || !this.live.includes(id)) continue;
        const before = this.last.get(id);
        this.last.set(id, stats);
        if (!before) continue;
        const q = qualityBetween(before, stats);
        this.add(id, q, stats, before);
        const old = this.now.get(id);
        if (!old || JSON.stringify(old) !== JSON.stringify(q)) changed = true;
        this.now.set(id, q);
      }
      if (changed) this.deps.changed();
    } finally {
      this.sampling = false;
    }
  }

  private add(id: string, q: CallQualityNow, now: CallStats, before: CallStats): void {
    const t = this.totals.get(id) ?? { mosSum: 0, samples: 0, worstMos: 4.5, lost: 0, received: 0, jitterMs: 0 };
    t.mosSum += q.mos;
    t.samples += 1;
    t.worstMos = Math.min(t.worstMos, q.mos);
    t.lost += Math.max(0, now.packetsLost - before.packetsLost);
    t.received += Math.max(0, now.packetsReceived - before.packetsReceived);
    t.jitterMs = Math.max(t.jitterMs, q.jitterMs);
    this.totals.set(id, t);
  }
}

import { RINGS, type RingMode } from './ring-pattern';

/**
 * A ring generated with Web Audio (./ring-pattern.ts: full, or soft for a call waiting), so no
 * asset can fail to load. `state` tells whether the browser let it play (autoplay rules), which
 * the host reports.
 */

export class Ringtone {
  private ctx: AudioContext | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private mode: RingMode = 'full';
  private sinkId = '';

  /** The ringer output ('' = default), where the browser lets an AudioContext choose (Chrome). */
  setSink(sinkId: string): void {
    this.sinkId = sinkId;
    this.route();
  }

  get sink(): string {
    return this.sinkId;
  }

  private route(): void {
    const ctx = this.ctx as (AudioContext & { setSinkId?: (id: string) => Promise<void>; sinkId?: unknown }) | null;
    if (!ctx || typeof ctx.setSinkId !== 'function' || ctx.sinkId === this.sinkId) return;
    ctx.setSinkId(this.sinkId).catch(() => undefined);
  }

  get state(): 'stopped' | 'playing' | 'soft' | 'blocked' {
    if (!this.timer) return 'stopped';
    if (this.ctx?.state !== 'running') return 'blocked';
    return this.mode === 'soft' ? 'soft' : 'playing';
  }

  start(mode: RingMode = 'full'): void {
    if (this.timer && this.mode === mode) return;
    if (this.timer) clearInterval(this.timer);
    this.mode = mode;
    this.ctx ??= new AudioContext();
    this.route();
    void this.ctx.resume().catch(() => undefined);
    this.ring();
    this.timer = setInterval(() => this.ring(), RINGS[mode].periodSeconds * 1000);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    void this.ctx?.suspend().catch(() => undefined);
  }

  private ring(): void {
    const ctx = this.ctx;
    if (!ctx) return;
    const ring = RINGS[this.mode];
    const gain = ctx.createGain();
    gain.gain.value = ring.gain;
    gain.connect(ctx.destination);
    const t0 = ctx.currentTime;
    for (const freq of ring.tones) {
      const osc = ctx.createOscillator();
      osc.frequency.value = freq;
      osc.connect(gain);
      osc.start(t0);
      osc.stop(t0 + ring.onSeconds);
    }
  }
}

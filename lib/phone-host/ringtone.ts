import { RING } from './ring-pattern';

/**
 * A ring generated with Web Audio (./ring-pattern.ts), so no asset can fail to load.
 * `soft` is the call-waiting tone: one short quiet beep every period, heard over the call in progress.
 * `state` tells whether the browser let it play (autoplay rules), which the host reports.
 */
export type RingMode = 'full' | 'soft';

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
    this.timer = setInterval(() => this.ring(), RING.periodSeconds * 1000);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    void this.ctx?.suspend().catch(() => undefined);
  }

  private ring(): void {
    const ctx = this.ctx;
    if (!ctx) return;
    const soft = this.mode === 'soft';
    const gain = ctx.createGain();
    gain.gain.value = soft ? 0.04 : RING.gain;
    gain.connect(ctx.destination);
    const t0 = ctx.currentTime;
    for (const freq of soft ? [440] : RING.tones) {
      const osc = ctx.createOscillator();
      osc.frequency.value = freq;
      osc.connect(gain);
      osc.start(t0);
      osc.stop(t0 + (soft ? 0.3 : RING.onSeconds));
    }
  }
}

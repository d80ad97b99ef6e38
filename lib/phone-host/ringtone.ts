import { RING } from './ring-pattern';

/**
 * A ring generated with Web Audio (./ring-pattern.ts), so no asset can fail to load.
 * `state` tells whether the browser let it play (autoplay rules), which the host reports.
 */
export class Ringtone {
  private ctx: AudioContext | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  get state(): 'stopped' | 'playing' | 'blocked' {
    if (!this.timer) return 'stopped';
    return this.ctx?.state === 'running' ? 'playing' : 'blocked';
  }

  start(): void {
    if (this.timer) return;
    this.ctx ??= new AudioContext();
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
    const gain = ctx.createGain();
    gain.gain.value = RING.gain;
    gain.connect(ctx.destination);
    const t0 = ctx.currentTime;
    for (const freq of RING.tones) {
      const osc = ctx.createOscillator();
      osc.frequency.value = freq;
      osc.connect(gain);
      osc.start(t0);
      osc.stop(t0 + RING.onSeconds);
    }
  }
}

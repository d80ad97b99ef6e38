/**
 * Firefox: the ring from an `<audio>` element in the background page. Measured on Firefox ESR 153:
 * the background page's AudioContext stays suspended (its `resume()` never settles: autoplay
 * rules), so the Web Audio ring (../ringtone.ts) is silent there, while an `<audio>` element
 * playing a WAV file plays (not paused, its time advancing). One element per ring: the full one,
 * and the soft one for a call waiting (heard over the call in progress).
 */
import { ringWav, type RingMode } from '../ring-pattern';

export class ElementRingtone {
  private readonly els: Partial<Record<RingMode, HTMLAudioElement>> = {};
  private mode: RingMode = 'full';
  private refused = false;

  get state(): 'stopped' | 'playing' | 'soft' | 'blocked' {
    const el = this.els[this.mode];
    if (!el || (el.paused && !this.refused)) return 'stopped';
    if (el.paused) return 'blocked';
    return this.mode === 'soft' ? 'soft' : 'playing';
  }

  start(mode: RingMode = 'full'): void {
    const playing = this.els[this.mode];
    if (mode === this.mode && playing && !playing.paused) return;
    playing?.pause();
    this.mode = mode;
    const el = (this.els[mode] ??= this.create(mode));
    this.refused = false;
    el.currentTime = 0;
    el.play().catch(() => {
      this.refused = true;
    });
  }

  stop(): void {
    this.refused = false;
    this.els[this.mode]?.pause();
  }

  private create(mode: RingMode): HTMLAudioElement {
    const el = document.createElement('audio');
    el.src = URL.createObjectURL(new Blob([ringWav(mode)], { type: 'audio/wav' }));
    el.loop = true;
    el.dataset.ringtone = mode;
    document.body.append(el);
    return el;
  }
}

/**
 * Firefox: the ring from an `<audio>` element in the background page. Measured on Firefox ESR 153:
 * the background page's AudioContext stays suspended (its `resume()` never settles: autoplay
 * rules), so the Web Audio ring (../ringtone.ts) is silent there, while an `<audio>` element
 * playing a WAV file plays (not paused, its time advancing).
 */
import { ringWav } from '../ring-pattern';

export class ElementRingtone {
  private el: HTMLAudioElement | null = null;
  private refused = false;

  get state(): 'stopped' | 'playing' | 'blocked' {
    if (!this.el || (this.el.paused && !this.refused)) return 'stopped';
    return this.el.paused ? 'blocked' : 'playing';
  }

  start(): void {
    if (this.el && !this.el.paused) return;
    const el = (this.el ??= this.create());
    this.refused = false;
    el.currentTime = 0;
    el.play().catch(() => {
      this.refused = true;
    });
  }

  stop(): void {
    this.refused = false;
    this.el?.pause();
  }

  private create(): HTMLAudioElement {
    const el = document.createElement('audio');
    el.src = URL.createObjectURL(new Blob([ringWav()], { type: 'audio/wav' }));
    el.loop = true;
    el.dataset.ringtone = '';
    document.body.append(el);
    return el;
  }
}

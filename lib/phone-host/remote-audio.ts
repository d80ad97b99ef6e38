import type { Session } from 'sip.js';

/** Plays each call's far-end audio through its own <audio> element in the host document. */
export class RemoteAudio {
  private readonly elements = new Map<string, HTMLAudioElement>();
  /** The output chosen for calls ('' = the default). */
  private sinkId = '';

  /** Sends every call's audio to this output (where the browser has `setSinkId`). */
  setSink(sinkId: string): void {
    this.sinkId = sinkId;
    for (const el of this.elements.values()) this.route(el);
  }

  private route(el: HTMLAudioElement): void {
    if (typeof el.setSinkId !== 'function' || el.sinkId === this.sinkId) return;
    el.setSinkId(this.sinkId).catch(() => undefined);
  }

  /** The output a call's audio goes to now (diagnostics). */
  sinkOf(callId: string): string | null {
    return this.elements.get(callId)?.sinkId ?? null;
  }

  attach(callId: string, session: Session): void {
    const sdh = session.sessionDescriptionHandler as { remoteMediaStream?: MediaStream } | undefined;
    const stream = sdh?.remoteMediaStream;
    if (!stream) return;
    let el = this.elements.get(callId);
    if (!el) {
      el = document.createElement('audio');
      el.autoplay = true;
      document.body.append(el);
      this.elements.set(callId, el);
    }
    this.route(el);
    el.srcObject = stream;
    void el.play().catch(() => undefined);
  }

  detach(callId: string): void {
    const el = this.elements.get(callId);
    if (!el) return;
    el.srcObject = null;
    el.remove();
    this.elements.delete(callId);
  }
}

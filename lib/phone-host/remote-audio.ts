import type { Session } from 'sip.js';

/** Plays each call's far-end audio through its own <audio> element in the host document. */
export class RemoteAudio {
  private readonly elements = new Map<string, HTMLAudioElement>();

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

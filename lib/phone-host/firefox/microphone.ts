/**
 * Firefox: the microphone for calls, taken in the widget window and sent by the background
 * page's RTCPeerConnection. Measured on Firefox ESR 153 with its real prompt (see
 * tests/e2e/firefox-microphone.test.mjs and the README's Design section): Firefox refuses
 * `getUserMedia` to the background page (NotAllowedError, whatever the user allowed: it has no
 * tab to show or check a prompt in) and to an iframe inside it; holds it back (never settles) in a
 * tab that is not in front and when the background page calls another window's MediaDevices; and
 * answers it in an extension page of a window of its own, minimized or not (the permission the
 * user gave on the mic page, "Remember for all microphones", covers it; without it Firefox asks
 * in that window). The background page cannot mix the capture into a track of its own either:
 * its AudioContext stays suspended (autoplay rules), so the window's track is sent as it is.
 * The SIP session and its RTCPeerConnection stay in the background page, which lives as long as
 * the browser; the window must stay open while a call is on.
 */
import { callWindowView } from './call-window';

/** What the background needs of the window: its capture function (capture.ts). */
export type CaptureWindow = Pick<typeof globalThis, 'softphoneCapture'>;

export class WindowMicrophone {
  /** The captures of the calls that are on (they belong to the window's document). */
  private captures: MediaStream[] = [];

  constructor(private readonly view: () => Promise<CaptureWindow> = callWindowView) {}

  /** SIP.js's media stream factory: the microphone, taken by the widget window. */
  readonly factory = async (constraints: MediaStreamConstraints): Promise<MediaStream> => {
    const view = await this.view();
    if (!view.softphoneCapture) throw new DOMException('The call window cannot take the microphone.', 'AbortError');
    try {
      const stream = await view.softphoneCapture({ audio: constraints.audio ?? true, video: false });
      this.captures.push(stream);
      return stream;
    } catch (e) {
      // The error comes from the window's realm (not `instanceof Error` here): rethrow it as ours.
      const err = e as { name?: string; message?: string };
      throw new DOMException(err.message ?? String(e), err.name ?? 'NotAllowedError');
    }
  };

  /** No call needs the microphone any more: stop the captures (Firefox's indicator goes away). */
  release(): void {
    for (const stream of this.captures.splice(0)) {
      try {
        stream.getTracks().forEach((t) => t.stop());
      } catch {
        // The window is gone and took its tracks with it.
      }
    }
  }
}

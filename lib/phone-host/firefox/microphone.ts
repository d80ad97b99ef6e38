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
 * the browser. A capture ends with the window that took it: closing the window mid-call opens it
 * again, and each call's sender gets the new window's track (`replaceTrack`), so the far end
 * keeps hearing the user.
 */
import type { Web } from 'sip.js';
import { callWindowId, callWindowView } from './call-window';

/** What the background needs of the window: its capture function (capture.ts). */
export type CaptureWindow = Pick<typeof globalThis, 'softphoneCapture'>;

/** What a call's capture needs of SIP.js's session description handler. */
type CallMedia = Pick<Web.SessionDescriptionHandler, 'peerConnection' | 'enableSenderTracks'>;

interface Capture {
  media: CallMedia;
  constraints: MediaStreamConstraints;
  stream: MediaStream;
  /** What the call last asked of its microphone (mute, hold): a new track starts the same. */
  enabled: boolean;
}

export class WindowMicrophone {
  /** The captures of the calls that are on (they belong to the window's document). */
  private captures: Capture[] = [];
  private restoring: Promise<void> | null = null;

  /** The browser window whose document holds the captures. */
  private windowId: number | undefined;

  constructor(
    private readonly view: () => Promise<CaptureWindow> = callWindowView,
    private readonly currentWindowId: () => Promise<number | undefined> = callWindowId,
  ) {}

  private async capture(constraints: MediaStreamConstraints): Promise<MediaStream> {
    const view = await this.view();
    if (!view.softphoneCapture) throw new DOMException('The call window cannot take the microphone.', 'AbortError');
    try {
      const stream = await view.softphoneCapture({ audio: constraints.audio ?? true, video: false });
      this.windowId = await this.currentWindowId();
      return stream;
    } catch (e) {
      // The error comes from the window's realm (not `instanceof Error` here): rethrow it as ours.
      const err = e as { name?: string; message?: string };
      throw new DOMException(err.message ?? String(e), err.name ?? 'NotAllowedError');
    }
  }

  /** SIP.js's media stream factory: the microphone, taken by the widget window. */
  readonly factory = async (constraints: MediaStreamConstraints, media: CallMedia): Promise<MediaStream> => {
    const stream = await this.capture(constraints);
    const entry: Capture = { media, constraints, stream, enabled: true };
    // Mute and hold go through here (lib/sip/call-session.ts): remembered for a track taken later.
    const enable = media.enableSenderTracks.bind(media);
    media.enableSenderTracks = (on: boolean) => {
      entry.enabled = on;
      enable(on);
    };
    this.captures.push(entry);
    return stream;
  };

  /**
   * A browser window closed. If it was the one holding the captures while a call is on, they went
   * with it: the widget window opens again and takes the microphone anew, and each call sends the
   * new track.
   */
  windowClosed(windowId: number): Promise<void> {
    if (windowId !== this.windowId || this.captures.length === 0) return Promise.resolve();
    this.windowId = undefined;
    this.restoring ??= this.restore().finally(() => {
      this.restoring = null;
    });
    return this.restoring;
  }

  private async restore(): Promise<void> {
    for (const entry of this.captures) {
      const pc = entry.media.peerConnection;
      if (!pc || pc.signalingState === 'closed') continue;
      const stream = await this.capture(entry.constraints);
      const track = stream.getAudioTracks()[0];
      if (!track) continue;
      track.enabled = entry.enabled;
      const sender = pc.getTransceivers().find((t) => t.receiver.track.kind === 'audio')?.sender;
      await sender?.replaceTrack(track);
      entry.stream = stream;
    }
  }

  /** No call needs the microphone any more: stop the captures (Firefox's indicator goes away). */
  release(): void {
    for (const { stream } of this.captures.splice(0)) {
      try {
        stream.getTracks().forEach((t) => t.stop());
      } catch {
        // The window is gone and took its tracks with it.
      }
    }
  }
}

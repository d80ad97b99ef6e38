// The Firefox call microphone's bookkeeping with fakes for the window and WebRTC (the real thing,
// a closed widget window mid-call, is in tests/e2e/firefox-microphone.test.mjs).
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { WindowMicrophone } = await import('./microphone');

function fakeTrack() {
  return { kind: 'audio', enabled: true, readyState: 'live', stop: vi.fn() };
}
type Track = ReturnType<typeof fakeTrack>;
const streamOf = (track: Track) => ({ getAudioTracks: () => [track], getTracks: () => [track] }) as unknown as MediaStream;

function setUp() {
  const taken: Track[] = [];
  let windowId = 7;
  const view = async () => ({
    softphoneCapture: async () => {
      const t = fakeTrack();
      taken.push(t);
      return streamOf(t);
    },
  });
  const mic = new WindowMicrophone(view, async () => windowId);
  const sent: Track[] = [];
  const sender = { replaceTrack: vi.fn(async (t: Track) => void sent.push(t)) };
  const pc = { signalingState: 'stable', getTransceivers: () => [{ receiver: { track: { kind: 'audio' } }, sender }] };
  const media = { peerConnection: pc as unknown as RTCPeerConnection, enableSenderTracks: vi.fn() };
  return { mic, media, taken, sent, moveTo: (id: number) => (windowId = id) };
}

describe('the Firefox call microphone', () => {
  it('when the window holding the capture closes, a new capture is sent, muted if the call was', async () => {
    const { mic, media, taken, sent, moveTo } = setUp();
    await mic.factory({ audio: true }, media);
    media.enableSenderTracks(false); // the user muted
    moveTo(9);
    await mic.windowClosed(7);
    expect(taken).toHaveLength(2);
    expect(sent).toEqual([taken[1]]);
    expect(taken[1]!.enabled).toBe(false);
  });

  it('another window closing, or the window closing with no call on, takes nothing', async () => {
    const { mic, media, taken, sent } = setUp();
    await mic.factory({ audio: true }, media);
    await mic.windowClosed(3);
    expect(taken).toHaveLength(1);
    mic.release();
    expect(taken[0]!.stop).toHaveBeenCalled();
    await mic.windowClosed(7);
    expect(taken).toHaveLength(1);
    expect(sent).toEqual([]);
  });
});

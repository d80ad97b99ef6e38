import { describe, expect, it } from 'vitest';
import { AudioDevices, type LiveMedia } from './audio-devices';
import { createLogger } from '../log';
import type { DeviceInfo } from '../devices/choice';

class FakeMediaDevices extends EventTarget {
  constructor(public devices: DeviceInfo[]) {
    super();
  }
  async enumerateDevices(): Promise<MediaDeviceInfo[]> {
    return this.devices as MediaDeviceInfo[];
  }
  unplug(id: string): void {
    this.devices = this.devices.filter((d) => d.deviceId !== id);
    this.dispatchEvent(new Event('devicechange'));
  }
  plug(d: DeviceInfo): void {
    this.devices = [...this.devices, d];
    this.dispatchEvent(new Event('devicechange'));
  }
}

const headsetMic: DeviceInfo = { deviceId: 'hs-in', kind: 'audioinput', label: 'Headset Mic' };
const headsetOut: DeviceInfo = { deviceId: 'hs-out', kind: 'audiooutput', label: 'Headset' };
const laptop: DeviceInfo[] = [
  { deviceId: 'mic', kind: 'audioinput', label: 'Built-in Mic' },
  { deviceId: 'spk', kind: 'audiooutput', label: 'Speakers' },
];

function setup() {
  const media = new FakeMediaDevices([...laptop, headsetMic, headsetOut]);
  const asked: MediaStreamConstraints[] = [];
  const sent: MediaStreamConstraints[] = [];
  const sinks = { speaker: '', ringer: '' };
  let changes = 0;
  const sdh = {
    setLocalMediaStream: async (s: MediaStream) => void sent.push((s as unknown as { c: MediaStreamConstraints }).c),
  } as unknown as LiveMedia;
  let live = false;
  const devices = new AudioDevices(
    {
      setSpeaker: (id) => (sinks.speaker = id),
      setRinger: (id) => (sinks.ringer = id),
      liveMedia: () => (live ? [{ sdh, muted: false }] : []),
      changed: () => changes++,
    },
    createLogger('test'),
    async (c) => {
      asked.push(c);
      return { c, getAudioTracks: () => [] } as unknown as MediaStream;
    },
    media as unknown as MediaDevices,
  );
  return { media, devices, asked, sent, sinks, changes: () => changes, goLive: () => (live = true) };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const headset = { microphone: { id: 'hs-in', label: 'Headset Mic' }, speaker: { id: 'hs-out', label: 'Headset' }, ringer: { id: 'spk', label: 'Speakers' } };

describe('AudioDevices', () => {
  it('captures the chosen microphone by exact id and routes speaker and ringer apart', async () => {
    const s = setup();
    await s.devices.set(headset);
    await s.devices.factory({ audio: true, video: false }, {} as LiveMedia);
    expect(s.asked[0]?.audio).toEqual({ deviceId: { exact: 'hs-in' } });
    expect(s.sinks).toEqual({ speaker: 'hs-out', ringer: 'spk' });
  });

  it('moves a live call to the default when the headset is unplugged, says so, and back when it returns', async () => {
    const s = setup();
    await s.devices.set(headset);
    await s.devices.factory({ audio: true, video: false }, {} as LiveMedia);
    s.goLive();
    s.media.unplug('hs-in');
    s.media.unplug('hs-out');
    await settle();
    await settle();
    expect(s.sent.at(-1)?.audio).toBe(true);
    expect(s.sinks.speaker).toBe('');
    expect(s.devices.missing.map((m) => m.role)).toEqual(['microphone', 'speaker']);
    s.media.plug(headsetMic);
    await settle();
    await settle();
    expect(s.sent.at(-1)?.audio).toEqual({ deviceId: { exact: 'hs-in' } });
    expect(s.devices.missing.map((m) => m.role)).toEqual(['speaker']);
    expect(s.changes()).toBeGreaterThanOrEqual(2);
  });

  it('switches the microphone of a live call when another one is chosen', async () => {
    const s = setup();
    await s.devices.set({ microphone: null, speaker: null, ringer: null });
    await s.devices.factory({ audio: true, video: false }, {} as LiveMedia);
    s.goLive();
    await s.devices.set({ ...headset, microphone: { id: 'mic', label: 'Built-in Mic' } });
    expect(s.sent).toEqual([{ audio: { deviceId: { exact: 'mic' } }, video: false }]);
  });

  it('without labels (no permission in this document) passes the choice on as a preference', async () => {
    const s = setup();
    s.media.devices = s.media.devices.map((d) => ({ ...d, label: '' }));
    await s.devices.set(headset);
    await s.devices.factory({ audio: true, video: false }, {} as LiveMedia);
    expect(s.asked[0]?.audio).toEqual({ deviceId: { ideal: 'hs-in' } });
    expect(s.devices.missing).toEqual([]);
  });
});

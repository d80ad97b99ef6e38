import { describe, expect, it } from 'vitest';
import { choicesFor, devicesFromStorage, parseDevices, resolveDevice, type DeviceInfo } from './choice';

const list: DeviceInfo[] = [
  { deviceId: 'default', kind: 'audioinput', label: 'Default - Fake Default Audio Input' },
  { deviceId: 'mic-a', kind: 'audioinput', label: 'Fake Default Audio Input' },
  { deviceId: 'mic-b', kind: 'audioinput', label: 'Fake Audio Input 1' },
  { deviceId: 'out-a', kind: 'audiooutput', label: 'Fake Audio Output 1' },
];

describe('resolveDevice', () => {
  it('uses the default when nothing was chosen', () => {
    expect(resolveDevice(null, 'microphone', list)).toEqual({ deviceId: undefined, label: '', missing: false });
  });
  it('finds the chosen device by its id', () => {
    expect(resolveDevice({ id: 'mic-b', label: 'Fake Audio Input 1' }, 'microphone', list).deviceId).toBe('mic-b');
  });
  it('finds it by its label when the id changed since it was chosen', () => {
    const r = resolveDevice({ id: 'old-id', label: 'Fake Audio Input 1' }, 'microphone', list);
    expect(r).toEqual({ deviceId: 'mic-b', label: 'Fake Audio Input 1', missing: false });
  });
  it('falls back to the default, saying so, when the device is gone', () => {
    expect(resolveDevice({ id: 'usb', label: 'Headset' }, 'microphone', list)).toEqual({ deviceId: undefined, label: 'Headset', missing: true });
  });
  it('never takes a device of the other direction with the same id', () => {
    expect(resolveDevice({ id: 'out-a', label: 'Fake Audio Output 1' }, 'microphone', list).missing).toBe(true);
    expect(resolveDevice({ id: 'out-a', label: '' }, 'ringer', list).deviceId).toBe('out-a');
  });
  it('an empty label never matches an unlabelled device (no permission yet)', () => {
    const unlabelled: DeviceInfo[] = [{ deviceId: 'x', kind: 'audioinput', label: '' }];
    expect(resolveDevice({ id: 'gone', label: '' }, 'microphone', unlabelled).missing).toBe(true);
  });
});

describe('stored and sent choices', () => {
  it('lists each device once, the default aliases left out', () => {
    expect(choicesFor('microphone', list).map((d) => d.deviceId)).toEqual(['mic-a', 'mic-b']);
  });
  it('reads damaged storage as defaults, role by role', () => {
    expect(devicesFromStorage({ microphone: { id: 'a', label: 'A' }, speaker: 5 })).toEqual({
      microphone: { id: 'a', label: 'A' },
      speaker: null,
      ringer: null,
    });
    expect(devicesFromStorage('junk')).toEqual({ microphone: null, speaker: null, ringer: null });
  });
  it('refuses a message with a malformed choice instead of dropping it', () => {
    expect(parseDevices({ microphone: { id: 1 }, speaker: null, ringer: null })).toBeNull();
    expect(parseDevices({ microphone: null, speaker: null, ringer: { id: 'r', label: 'R' } })?.ringer).toEqual({ id: 'r', label: 'R' });
  });
});

/**
 * An extension page's view of the audio devices (settings, call screen). Extension pages share
 * the host's origin, so the ids listed here are the ids the host captures and plays with; the
 * labels need the microphone permission, which the microphone page asks for once.
 */
import type { DeviceInfo } from './choice';

export interface PageDevices {
  devices: DeviceInfo[];
  /** False until the microphone was allowed: names are then hidden by the browser. */
  labelled: boolean;
}

export async function listPageDevices(): Promise<PageDevices> {
  const all = (await navigator.mediaDevices?.enumerateDevices().catch(() => [])) ?? [];
  const devices = all.filter((d) => d.kind === 'audioinput' || d.kind === 'audiooutput').map((d) => ({ deviceId: d.deviceId, kind: d.kind, label: d.label }));
  return { devices, labelled: devices.some((d) => d.label !== '') };
}

/** Calls `fn` when a device is plugged in or out; returns the way to stop. */
export function onDeviceChange(fn: () => void): () => void {
  navigator.mediaDevices?.addEventListener('devicechange', fn);
  return () => navigator.mediaDevices?.removeEventListener('devicechange', fn);
}

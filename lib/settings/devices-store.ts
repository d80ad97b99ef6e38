/** The chosen audio devices, in the vault with the other settings (`private-store.ts`). */
import { devicesFromStorage, type DeviceChoices } from '../devices/choice';
import { loadPrivate, savePrivate } from './private-store';

export async function loadDevices(): Promise<DeviceChoices> {
  return devicesFromStorage(await loadPrivate('devices'));
}

export async function saveDevices(devices: DeviceChoices): Promise<void> {
  await savePrivate('devices', devices);
}

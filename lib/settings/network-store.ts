/** The NAT traversal settings in the vault (`private-store.ts`), the TURN credential with the secrets. */
import type { IceConfig } from '../sip/types';
import { iceConfigOf, networkFromStorage, type NetworkSettings } from './network';
import { loadPrivate, savePrivate } from './private-store';
import { loadSecret, saveSecret } from './secret-store';

export async function loadNetwork(): Promise<NetworkSettings> {
  return networkFromStorage(await loadPrivate('network'));
}

/** `credential` undefined keeps the saved one. */
export async function saveNetwork(network: NetworkSettings, credential: string | undefined): Promise<void> {
  if (credential !== undefined) await saveSecret(credential, 'turn');
  await savePrivate('network', network);
}

export async function hasTurnCredential(): Promise<boolean> {
  return (await loadSecret('turn')) !== '';
}

export async function loadIceConfig(): Promise<IceConfig> {
  return iceConfigOf(await loadNetwork(), await loadSecret('turn'));
}

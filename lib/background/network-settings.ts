import { done, fail, ok, type Result } from '../result';
import type { NetworkView } from '../messaging/background';
import type { HostLink } from '../phone-host/link';
import { validateNetwork, type NetworkErrors, type NetworkForm } from '../settings/network';
import { hasTurnCredential, loadNetwork, saveNetwork } from '../settings/network-store';
import { configureHost } from './host-config';

export async function networkView(): Promise<Result<NetworkView>> {
  return ok({ network: await loadNetwork(), hasCredential: await hasTurnCredential() });
}

/** Checked field by field; saved, then the phone host is given the new ICE servers for its next calls. */
export async function saveNetworkForm(form: NetworkForm, link: HostLink): Promise<Result<undefined, NetworkErrors>> {
  const result = validateNetwork(form, await hasTurnCredential());
  if (!result.ok) return fail(result.errors);
  await saveNetwork(result.network, result.credential);
  await configureHost(link);
  return done;
}

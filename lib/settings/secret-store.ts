/**
 * The secrets live in the extension origin's IndexedDB (`vault-db.ts`), not in `storage.local`,
 * which content scripts can read.
 */
import { vaultGet, vaultPut } from './vault-db';

/** The secrets kept: the VoIP secret, the Odoo API key when the user connects with one, the TURN credential. */
export type SecretName = 'sip' | 'odooKey' | 'turn';

export async function loadSecret(name: SecretName = 'sip'): Promise<string> {
  const value = await vaultGet('secrets', name);
  return typeof value === 'string' ? value : '';
}

export async function saveSecret(secret: string, name: SecretName = 'sip'): Promise<void> {
  await vaultPut('secrets', name, secret);
}

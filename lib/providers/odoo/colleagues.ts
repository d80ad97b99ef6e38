/**
 * Colleagues for the transfer dialog: Odoo's internal users with their VoIP extension. Only
 * Enterprise `voip` stores an extension (`res.users.voip_username`); Community has none to offer.
 */
import type { Colleague, ProviderResult } from '../types';
import { providerFailure } from './fail';
import type { OdooRpc } from './rpc';

export function odooColleagues(rpc: OdooRpc): (query: string) => Promise<ProviderResult<Colleague[]>> {
  return async (query) => {
    const q = query.trim();
    const domain: unknown[] = [['share', '=', false], ['voip_username', '!=', false]];
    if (q !== '') domain.push('|', ['name', 'ilike', q], ['voip_username', 'ilike', q]);
    const r = await rpc.callKw<{ name: string; voip_username: string }[]>('res.users', 'search_read', [], {
      domain, fields: ['name', 'voip_username'], order: 'name asc', limit: 20,
    });
    if (!r.ok) return providerFailure(r.failure);
    return { ok: true, value: r.value.map((u) => ({ name: u.name, number: u.voip_username })) };
  };
}

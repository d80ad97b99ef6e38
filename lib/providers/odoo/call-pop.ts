/**
 * Call pop with Odoo: the record of whoever rings — their open lead (a `crm.lead` of the matched
 * partner that is not won: probability below 100; archived ones Odoo leaves out by itself), else
 * the partner — and, for an unknown caller, a new contact or lead with the number filled in.
 * Records are created over RPC and then opened: the web client takes no default values from a
 * URL (16's `/web#` hash and 18's `/odoo/<model>/new` route carry no context).
 */
import { t } from '../../i18n';
import type { CallerRecord, CallPopApi, ContactsApi, ProviderResult } from '../types';
import { providerFailure } from './fail';
import { idFromKey } from './records';
import type { OdooRpc } from './rpc';

interface LeadRow { id: number; name: string }

export function odooCallPop(rpc: OdooRpc, opts: { contacts: ContactsApi; recordUrl: (model: string, id: number) => string }): CallPopApi {
  const record = (kind: CallerRecord['kind'], model: string, id: number, name: string): CallerRecord =>
    ({ kind, model, id, name, url: opts.recordUrl(model, id) });

  async function create(kind: CallerRecord['kind'], model: string, vals: Record<string, unknown>): Promise<ProviderResult<CallerRecord>> {
    const r = await rpc.callKw<number>(model, 'create', [vals]);
    return r.ok ? { ok: true, value: record(kind, model, r.value, String(vals.name)) } : providerFailure(r.failure);
  }

  return {
    async recordFor(number) {
      const match = await opts.contacts.matchNumber(number);
      if (!match.ok) return match;
      const partnerId = match.value ? idFromKey(match.value.id, 'res.partner') : null;
      if (!match.value || partnerId === null) return { ok: true, value: null };
      const leads = await rpc.callKw<LeadRow[]>('crm.lead', 'search_read', [], {
        domain: [['partner_id', '=', partnerId], ['probability', '<', 100]],
        fields: ['name'],
        order: 'id desc',
        limit: 1,
      });
      // Without CRM (no crm.lead model) the partner is the record; a session that ended is said.
      if (!leads.ok && leads.failure.kind !== 'odoo') return providerFailure(leads.failure);
      const lead = leads.ok ? leads.value[0] : undefined;
      return { ok: true, value: lead ? record('lead', 'crm.lead', lead.id, lead.name) : record('contact', 'res.partner', partnerId, match.value.name) };
    },
    createContact: (number) => create('contact', 'res.partner', { name: number, phone: number }),
    createLead: (number) => create('lead', 'crm.lead', { name: t('callPop.leadName', number), phone: number }),
  };
}

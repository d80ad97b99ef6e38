/**
 * Reading the documents activities are attached to, in batches: one `read` per model for a whole
 * list (never one per activity), and the phone and contact each document offers.
 */
import type { OdooResult } from './errors';
import type { OdooRpc } from './rpc';

export type Many2one = [number, string] | false;

export interface DocumentInfo {
  /** The partner to call and email: the record itself, or the lead's customer. */
  partnerId: number | null;
  contactName: string;
  phone: string;
  /** A lead's own title, when the contact is its customer (not the lead itself). */
  recordName?: string;
}

/** Contact ids are "res.partner/<id>" so they never clash with local ones. */
export const partnerKey = (id: number) => `res.partner/${id}`;
export const activityKey = (id: number) => `mail.activity/${id}`;

export function idFromKey(key: string, model: string): number | null {
  const m = new RegExp(`^${model.replace('.', '\\.')}/(\\d+)$`).exec(key);
  return m ? Number(m[1]) : null;
}

interface PartnerRow { id: number; name: string; phone?: string | false; mobile?: string | false }

/** A partner's first number, from the number fields this version has (dialect.ts). */
export function partnerPhone(rpc: OdooRpc, p: { phone?: string | false; mobile?: string | false } | undefined): string {
  for (const f of rpc.dialect.partnerPhones) if (p?.[f]) return p[f] as string;
  return '';
}

const modelIds = new WeakMap<OdooRpc, Map<string, number>>();

/**
 * The `ir.model` id of a model: an activity is attached to its document through `res_model_id`
 * (required; `res_model` is only its readonly mirror: mail_activity.py). Read once per connection.
 */
export async function modelId(rpc: OdooRpc, model: string): Promise<OdooResult<number>> {
  const known = modelIds.get(rpc) ?? new Map<string, number>();
  modelIds.set(rpc, known);
  const cached = known.get(model);
  if (cached !== undefined) return { ok: true, value: cached };
  const r = await rpc.callKw<{ id: number }[]>('ir.model', 'search_read', [], { domain: [['model', '=', model]], fields: ['id'], limit: 1 });
  if (!r.ok) return r;
  const id = r.value[0]?.id;
  if (id === undefined) return { ok: false, failure: { kind: 'odoo', message: `Odoo has no model ${model}.`, odooName: 'odoo.exceptions.MissingError' } };
  known.set(model, id);
  return { ok: true, value: id };
}
interface LeadRow { id: number; name: string; phone: string | false; partner_id: Many2one }

/** Phone, contact and partner of each (model, id), read with one call per model. */
export async function documentsOf(rpc: OdooRpc, refs: { model: string; id: number }[]): Promise<OdooResult<Map<string, DocumentInfo>>> {
  const out = new Map<string, DocumentInfo>();
  const ids = (model: string) => [...new Set(refs.filter((r) => r.model === model).map((r) => r.id))];
  const leadIds = ids('crm.lead');
  const leads: LeadRow[] = [];
  if (leadIds.length > 0) {
    const r = await rpc.callKw<LeadRow[]>('crm.lead', 'read', [leadIds, ['name', 'phone', 'partner_id']]);
    if (!r.ok) return r;
    leads.push(...r.value);
  }
  const partnerIds = [...new Set([...ids('res.partner'), ...leads.flatMap((l) => (l.partner_id ? [l.partner_id[0]] : []))])];
  const partners = new Map<number, PartnerRow>();
  if (partnerIds.length > 0) {
    const r = await rpc.callKw<PartnerRow[]>('res.partner', 'read', [partnerIds, ['name', ...rpc.dialect.partnerPhones]]);
    if (!r.ok) return r;
    for (const p of r.value) partners.set(p.id, p);
  }
  for (const p of partners.values()) {
    out.set(`res.partner/${p.id}`, { partnerId: p.id, contactName: p.name, phone: partnerPhone(rpc, p) });
  }
  for (const l of leads) {
    const partner = l.partner_id ? partners.get(l.partner_id[0]) : undefined;
    out.set(`crm.lead/${l.id}`, {
      partnerId: partner?.id ?? null,
      contactName: partner?.name ?? l.name,
      ...(partner ? { recordName: l.name } : {}),
      phone: l.phone || partnerPhone(rpc, partner),
    });
  }
  return { ok: true, value: out };
}

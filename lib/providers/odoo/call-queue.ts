/**
 * The call queue behind the CRM Kanban card buttons: a lead is "queued" while I have a call
 * activity on it due today or before. Add creates one due today for me; remove deletes mine.
 * One read per batch of cards, whatever their number.
 */
import { t } from '../../i18n';
import type { QueueState } from '../../messaging/content';
import type { OdooResult } from './errors';
import { modelId, partnerPhone } from './records';
import type { OdooRpc } from './rpc';

const LEAD = 'crm.lead';

const mineDue = (uid: number, today: string, resIds: number[]) => [
  ['res_model', '=', LEAD], ['res_id', 'in', resIds], ['user_id', '=', uid],
  ['activity_type_id.category', '=', 'phonecall'], ['date_deadline', '<=', today],
];

interface LeadRow { id: number; phone: string | false; partner_id: [number, string] | false }

/** Each lead's number (its own, else its customer's), for the leads that still exist. */
async function leadPhones(rpc: OdooRpc, resIds: number[]): Promise<OdooResult<Map<number, string>>> {
  const leads = await rpc.callKw<LeadRow[]>(LEAD, 'search_read', [], { domain: [['id', 'in', resIds]], fields: ['phone', 'partner_id'] });
  if (!leads.ok) return leads;
  const partnerIds = [...new Set(leads.value.flatMap((l) => (!l.phone && l.partner_id ? [l.partner_id[0]] : [])))];
  const partners = new Map<number, string>();
  if (partnerIds.length > 0) {
    const r = await rpc.callKw<{ id: number; phone?: string | false; mobile?: string | false }[]>('res.partner', 'search_read', [], {
      domain: [['id', 'in', partnerIds]], fields: [...rpc.dialect.partnerPhones],
    });
    if (!r.ok) return r;
    for (const p of r.value) partners.set(p.id, partnerPhone(rpc, p));
  }
  const out = new Map<number, string>();
  for (const l of leads.value) out.set(l.id, l.phone || (l.partner_id ? partners.get(l.partner_id[0]) ?? '' : ''));
  return { ok: true, value: out };
}

export async function queueStates(rpc: OdooRpc, uid: number, resIds: number[], today: string): Promise<OdooResult<Record<number, QueueState>>> {
  const phones = await leadPhones(rpc, resIds);
  if (!phones.ok) return phones;
  const acts = await rpc.callKw<{ res_id: number }[]>('mail.activity', 'search_read', [], { domain: mineDue(uid, today, resIds), fields: ['res_id'] });
  if (!acts.ok) return acts;
  const queued = new Set(acts.value.map((a) => a.res_id));
  const out: Record<number, QueueState> = {};
  for (const id of resIds) {
    // A lead deleted meanwhile, or one without a number: no button.
    out[id] = !phones.value.get(id) ? 'noPhone' : queued.has(id) ? 'queued' : 'notQueued';
  }
  return { ok: true, value: out };
}

/** Adds or removes my call on the lead; resolves to whether a call is queued afterwards. */
export async function toggleQueued(rpc: OdooRpc, uid: number, resId: number, add: boolean, today: string): Promise<OdooResult<boolean>> {
  if (!add) {
    const mine = await rpc.callKw<{ id: number }[]>('mail.activity', 'search_read', [], { domain: mineDue(uid, today, [resId]), fields: ['id'] });
    if (!mine.ok) return mine;
    if (mine.value.length > 0) {
      const gone = await rpc.callKw('mail.activity', 'unlink', [mine.value.map((a) => a.id)]);
      if (!gone.ok) return gone;
    }
    return { ok: true, value: false };
  }
  const phones = await leadPhones(rpc, [resId]);
  if (!phones.ok) return phones;
  if (!phones.value.get(resId)) {
    return { ok: false, failure: { kind: 'odoo', message: t('odoo.queue.noPhone'), odooName: 'odoo.exceptions.UserError' } };
  }
  const type = await rpc.callKw<{ id: number }[]>('mail.activity.type', 'search_read', [], { domain: [['category', '=', 'phonecall']], fields: ['id'], limit: 1 });
  if (!type.ok) return type;
  if (!type.value[0]) return { ok: false, failure: { kind: 'odoo', message: t('odoo.noCallType'), odooName: 'odoo.exceptions.UserError' } };
  const leadModel = await modelId(rpc, LEAD);
  if (!leadModel.ok) return leadModel;
  const created = await rpc.callKw<number>('mail.activity', 'create', [{
    res_model_id: leadModel.value, res_id: resId, activity_type_id: type.value[0].id, user_id: uid, date_deadline: today, summary: t('odoo.queue.summary'),
  }]);
  return created.ok ? { ok: true, value: true } : created;
}

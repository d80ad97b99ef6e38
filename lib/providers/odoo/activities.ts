/**
 * Next Activities from Odoo: `mail.activity` of the phonecall category, assigned to me, due today
 * or before, with the number taken from the document (lead phone, else its customer's phone or
 * mobile). Mark done posts the feedback to the document's chatter (`action_feedback`); cancel
 * removes the activity, as Odoo's own Cancel does.
 */
import { t } from '../../i18n';
import type { ActivitiesApi, Activity, ProviderResult } from '../types';
import type { OdooFailure, OdooResult } from './errors';
import { activityKey, documentsOf, idFromKey, type Many2one, type DocumentInfo } from './records';
import type { OdooRpc } from './rpc';

export interface ActivityRow {
  id: number;
  res_model: string;
  res_id: number;
  res_name: string | false;
  summary: string | false;
  note: string | false;
  date_deadline: string;
  user_id: Many2one;
}

const FIELDS = ['res_model', 'res_id', 'res_name', 'summary', 'note', 'date_deadline', 'user_id'];

const fail = (f: OdooFailure): { ok: false; reason: string } => ({ ok: false, reason: f.message });

/** Odoo's notes are HTML; the widget edits plain text. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

function toActivity(row: ActivityRow, doc: DocumentInfo | undefined): Activity {
  return {
    id: activityKey(row.id),
    contactId: doc?.partnerId ? `res.partner/${doc.partnerId}` : '',
    contactName: doc?.contactName ?? (row.res_name || ''),
    phone: doc?.phone ?? '',
    summary: row.summary || '',
    note: htmlToText(row.note || ''),
    dueDate: row.date_deadline,
    assignee: row.user_id ? row.user_id[1] : '',
    state: 'open',
    feedback: '',
    doneAt: null,
    createdAt: 0,
  };
}

export function odooActivities(rpc: OdooRpc, uid: number, now: () => number = Date.now): ActivitiesApi {
  async function withDocuments(rows: ActivityRow[]): Promise<OdooResult<Activity[]>> {
    const docs = await documentsOf(rpc, rows.map((r) => ({ model: r.res_model, id: r.res_id })));
    if (!docs.ok) return docs;
    return { ok: true, value: rows.map((r) => toActivity(r, docs.value.get(`${r.res_model}/${r.res_id}`))) };
  }

  async function one(id: number): Promise<OdooResult<Activity>> {
    const r = await rpc.callKw<ActivityRow[]>('mail.activity', 'read', [[id], FIELDS]);
    if (!r.ok) return r;
    const [row] = r.value;
    if (!row) return { ok: false, failure: { kind: 'odoo', message: t('data.activity.gone'), odooName: 'odoo.exceptions.MissingError' } };
    const list = await withDocuments([row]);
    return list.ok ? { ok: true, value: list.value[0] as Activity } : list;
  }

  const key = (id: string) => idFromKey(id, 'mail.activity');

  return {
    async due(today, query): Promise<ProviderResult<Activity[]>> {
      const domain = [['user_id', '=', uid], ['activity_type_id.category', '=', 'phonecall'], ['date_deadline', '<=', today]];
      const r = await rpc.callKw<ActivityRow[]>('mail.activity', 'search_read', [], { domain, fields: FIELDS, order: 'date_deadline asc, id asc' });
      if (!r.ok) return fail(r.failure);
      const list = await withDocuments(r.value);
      if (!list.ok) return fail(list.failure);
      const q = query.trim().toLowerCase();
      const digits = q.replace(/\D/g, '');
      return {
        ok: true,
        value: list.value.filter(
          (a) => a.phone !== '' && (q === '' || `${a.contactName} ${a.summary}`.toLowerCase().includes(q) || (digits.length >= 3 && a.phone.replace(/\D/g, '').includes(digits))),
        ),
      };
    },

    async forContact(contactId) {
      const partner = idFromKey(contactId, 'res.partner');
      if (partner === null) return { ok: true, value: [] };
      const domain = [['res_model', '=', 'res.partner'], ['res_id', '=', partner]];
      const r = await rpc.callKw<ActivityRow[]>('mail.activity', 'search_read', [], { domain, fields: FIELDS, order: 'date_deadline asc' });
      if (!r.ok) return fail(r.failure);
      const list = await withDocuments(r.value);
      return list.ok ? list : fail(list.failure);
    },

    async schedule(draft) {
      const partner = idFromKey(draft.contactId, 'res.partner');
      if (partner === null) return { ok: false, reason: t('odoo.notOdooContact') };
      const type = await rpc.callKw<{ id: number }[]>('mail.activity.type', 'search_read', [], { domain: [['category', '=', 'phonecall']], fields: ['id'], limit: 1 });
      if (!type.ok) return fail(type.failure);
      if (!type.value[0]) return { ok: false, reason: t('odoo.noCallType') };
      const created = await rpc.callKw<number>('mail.activity', 'create', [{
        res_model: 'res.partner', res_id: partner, activity_type_id: type.value[0].id, user_id: uid,
        summary: draft.summary.trim(), note: draft.note, date_deadline: draft.dueDate,
      }]);
      if (!created.ok) return fail(created.failure);
      const r = await one(created.value);
      return r.ok ? r : fail(r.failure);
    },

    async update(id, patch) {
      const n = key(id);
      if (n === null) return { ok: false, reason: t('odoo.notOdooActivity') };
      const vals: Record<string, string> = {};
      if (patch.summary !== undefined) vals.summary = patch.summary.trim();
      if (patch.note !== undefined) vals.note = patch.note;
      if (patch.dueDate !== undefined) vals.date_deadline = patch.dueDate;
      const w = await rpc.callKw<boolean>('mail.activity', 'write', [[n], vals]);
      if (!w.ok) return fail(w.failure);
      const r = await one(n);
      return r.ok ? r : fail(r.failure);
    },

    async markDone(id, feedback) {
      const n = key(id);
      if (n === null) return { ok: false, reason: t('odoo.notOdooActivity') };
      const before = await one(n);
      if (!before.ok) return fail(before.failure);
      const r = await rpc.callKw('mail.activity', 'action_feedback', [[n]], { feedback });
      if (!r.ok) return fail(r.failure);
      return { ok: true, value: { ...before.value, state: 'done', feedback, doneAt: now() } };
    },

    async cancel(id) {
      const n = key(id);
      if (n === null) return { ok: false, reason: t('odoo.notOdooActivity') };
      const r = await rpc.callKw('mail.activity', 'unlink', [[n]]);
      return r.ok ? { ok: true, value: undefined } : fail(r.failure);
    },
  };
}

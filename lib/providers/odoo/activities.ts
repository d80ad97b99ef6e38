/**
 * Next Activities from Odoo: `mail.activity` of the phonecall category, assigned to me, due today
 * or before, with the number taken from the document (lead phone, else its customer's phone or
 * mobile). Mark done posts the feedback to the document's chatter (`action_feedback`); cancel
 * removes the activity, as Odoo's own Cancel does.
 */
import { providerFailure } from './fail';
import { t } from '../../i18n';
import type { ActivitiesApi, Activity, ActivityDraft, ActivityPatch, ProviderResult } from '../types';
import type { OdooWrite } from './outbox';
import type { OdooWriter } from './writer';
import type { OdooFailure, OdooResult } from './errors';
import { htmlToText, textToHtml } from './note-html';
import { activityKey, documentsOf, idFromKey, modelId, type Many2one, type DocumentInfo } from './records';
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

/** Where a new activity goes: on the document of the activity it follows, else on the contact. */
function scheduleTarget(draft: ActivityDraft): { model: string; id: number } | null {
  const m = draft.record ? /^(crm\.lead|res\.partner)\/(\d+)$/.exec(draft.record) : null;
  if (m) return { model: m[1] as string, id: Number(m[2]) };
  const partner = idFromKey(draft.contactId, 'res.partner');
  return partner === null ? null : { model: 'res.partner', id: partner };
}

/** Reads that fail this way do not stop a write that can wait in the outbox. */
const QUEUEABLE: ReadonlySet<OdooFailure['kind']> = new Set(['unreachable', 'sessionExpired']);

/** What the widget knows of an activity it changed while Odoo was out of reach. */
function offlineActivity(id: number, patch: ActivityPatch): Activity {
  return {
    id: activityKey(id), contactId: '', contactName: '', phone: '', summary: patch.summary ?? '', note: patch.note ?? '',
    dueDate: patch.dueDate ?? '', assignee: '', state: 'open', feedback: '', doneAt: null, createdAt: 0,
  };
}

const FIELDS = ['res_model', 'res_id', 'res_name', 'summary', 'note', 'date_deadline', 'user_id'];

const fail = providerFailure;

function toActivity(row: ActivityRow, doc: DocumentInfo | undefined, urlOf?: (model: string, id: number) => string): Activity {
  return {
    record: `${row.res_model}/${row.res_id}`,
    ...(urlOf ? { recordUrl: urlOf(row.res_model, row.res_id) } : {}),
    id: activityKey(row.id),
    contactId: doc?.partnerId ? `res.partner/${doc.partnerId}` : '',
    contactName: doc?.contactName ?? (row.res_name || ''),
    ...(doc?.recordName ? { recordName: doc.recordName } : {}),
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

/** Without a writer, writes go straight to Odoo and fail when it is out of reach. */
const direct = (rpc: OdooRpc): OdooWriter => ({
  async send<T>(w: OdooWrite) {
    const r = await rpc.callKw<T>(w.model, w.method, w.args, w.kwargs);
    return r.ok ? { ok: true, value: { queued: false, value: r.value } } : r;
  },
  drain: async () => ({ state: 'drained', sent: 0, conflicts: [] }),
  pending: async () => 0,
});

export function odooActivities(
  rpc: OdooRpc,
  uid: number,
  opts: { writer?: OdooWriter; now?: () => number; recordUrl?: (model: string, id: number) => string } = {},
): ActivitiesApi {
  const now = opts.now ?? Date.now;
  const writer = opts.writer ?? direct(rpc);
  const queuedNotice = (label: string) => t('odoo.widget.queued', label);
  async function withDocuments(rows: ActivityRow[]): Promise<OdooResult<Activity[]>> {
    const docs = await documentsOf(rpc, rows.map((r) => ({ model: r.res_model, id: r.res_id })));
    if (!docs.ok) return docs;
    return { ok: true, value: rows.map((r) => toActivity(r, docs.value.get(`${r.res_model}/${r.res_id}`), opts.recordUrl)) };
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
    async due(today, query, limit): Promise<ProviderResult<Activity[]>> {
      const domain = [['user_id', '=', uid], ['activity_type_id.category', '=', 'phonecall'], ['date_deadline', '<=', today]];
      const q = query.trim().toLowerCase();
      const digits = q.replace(/\D/g, '');
      const wanted = (a: Activity) =>
        a.phone !== '' && (q === '' || `${a.contactName} ${a.summary}`.toLowerCase().includes(q) || (digits.length >= 3 && a.phone.replace(/\D/g, '').includes(digits)));
      // A page at a time (with its documents in one read per model), until `limit` activities
      // with a number to call are found: the rest of a long overdue list is not read.
      const page = limit === undefined ? undefined : Math.max(limit, 50);
      const found: Activity[] = [];
      for (let offset = 0; ; offset += page ?? 0) {
        const r = await rpc.callKw<ActivityRow[]>('mail.activity', 'search_read', [], {
          domain, fields: FIELDS, order: 'date_deadline asc, id asc', ...(page ? { limit: page, offset } : {}),
        });
        if (!r.ok) return fail(r.failure);
        const list = await withDocuments(r.value);
        if (!list.ok) return fail(list.failure);
        found.push(...list.value.filter(wanted));
        if (page === undefined || r.value.length < page || (limit !== undefined && found.length >= limit)) break;
      }
      return { ok: true, value: limit === undefined ? found : found.slice(0, limit) };
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

    async types() {
      const r = await rpc.callKw<{ id: number; name: string; category: string | false }[]>('mail.activity.type', 'search_read', [], {
        domain: [], fields: ['name', 'category'], order: 'id asc',
      });
      if (!r.ok) return fail(r.failure);
      // The Call type first: it is what the phone schedules unless told otherwise.
      const rows = [...r.value].sort((a, b) => Number(b.category === 'phonecall') - Number(a.category === 'phonecall'));
      return { ok: true, value: rows.map((x) => ({ id: String(x.id), name: x.name })) };
    },

    async schedule(draft) {
      const target = scheduleTarget(draft);
      if (!target) return { ok: false, reason: t('odoo.notOdooContact') };
      let typeId = draft.typeId ? Number(draft.typeId) : NaN;
      if (!Number.isSafeInteger(typeId) || typeId <= 0) {
        const type = await rpc.callKw<{ id: number }[]>('mail.activity.type', 'search_read', [], { domain: [['category', '=', 'phonecall']], fields: ['id'], limit: 1 });
        if (!type.ok) return fail(type.failure);
        if (!type.value[0]) return { ok: false, reason: t('odoo.noCallType') };
        typeId = type.value[0].id;
      }
      const model = await modelId(rpc, target.model);
      if (!model.ok) return fail(model.failure);
      const created = await rpc.callKw<number>('mail.activity', 'create', [{
        res_model_id: model.value, res_id: target.id, activity_type_id: typeId, user_id: uid,
        summary: draft.summary.trim(), note: textToHtml(draft.note), date_deadline: draft.dueDate,
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
      // Only a note the user edited is in the patch: an untouched one keeps its HTML (lists, links).
      if (patch.note !== undefined) vals.note = textToHtml(patch.note);
      if (patch.dueDate !== undefined) vals.date_deadline = patch.dueDate;
      const label = t('odoo.write.edit', patch.summary ?? id);
      const w = await writer.send<boolean>({ model: 'mail.activity', method: 'write', args: [[n], vals], kwargs: {} }, label);
      if (!w.ok) return fail(w.failure);
      if (w.value.queued) return { ok: true, value: offlineActivity(n, patch), notice: queuedNotice(label) };
      const r = await one(n);
      return r.ok ? r : fail(r.failure);
    },

    async markDone(id, feedback) {
      const n = key(id);
      if (n === null) return { ok: false, reason: t('odoo.notOdooActivity') };
      const before = await one(n);
      if (!before.ok && !QUEUEABLE.has(before.failure.kind)) return fail(before.failure);
      const summary = before.ok ? before.value.summary : '';
      const label = t('odoo.write.done', summary || t('activity.defaultSummary'));
      const r = await writer.send({ model: 'mail.activity', method: 'action_feedback', args: [[n]], kwargs: { feedback } }, label);
      if (!r.ok) return fail(r.failure);
      const base = before.ok ? before.value : offlineActivity(n, {});
      const done: Activity = { ...base, state: 'done', feedback, doneAt: now() };
      return r.value.queued ? { ok: true, value: done, notice: queuedNotice(label) } : { ok: true, value: done };
    },

    async cancel(id) {
      const n = key(id);
      if (n === null) return { ok: false, reason: t('odoo.notOdooActivity') };
      const label = t('odoo.write.cancel', id);
      const r = await writer.send({ model: 'mail.activity', method: 'unlink', args: [[n]], kwargs: {} }, label);
      if (!r.ok) return fail(r.failure);
      return r.value.queued ? { ok: true, value: undefined, notice: queuedNotice(label) } : { ok: true, value: undefined };
    },
  };
}

/**
 * The Odoo data provider: contacts, Next Activities and email from Odoo; the call history stays
 * in the browser (the local provider's), and each call with a matched partner is also logged in
 * that partner's chatter. Writes that cannot reach Odoo wait in the outbox and go out in order.
 */
import { t } from '../../i18n';
import { loadTranslator } from '../../i18n/catalogs';
import type { DataProvider, HistoryApi, ProviderResult } from '../types';
import { odooActivities } from './activities';
import { callLogWrite, wrapUpWrite } from './call-log';
import { odooCallPop } from './call-pop';
import { odooColleagues } from './colleagues';
import type { OdooConnection } from './connect';
import { odooContacts } from './contacts';
import { odooEmail } from './email';
import { providerFailure } from './fail';
import { odooOutbox, type OdooWrite, type Outbox } from './outbox';
import { idFromKey } from './records';
import { recordUrl } from './version';
import { odooWriter } from './writer';

let sharedOutbox: Outbox | null = null;

export function createOdooProvider(
  c: OdooConnection,
  opts: { history: HistoryApi; defaultCountry: string; outbox?: Outbox },
): DataProvider {
  const dialect = c.rpc.dialect;
  const urlOf = (model: string, id: number) => recordUrl(c.rpc.baseUrl, dialect, model, id);
  const outbox = opts.outbox ?? (sharedOutbox ??= odooOutbox());
  const writer = odooWriter(c.rpc, outbox);
  const contacts = odooContacts(c.rpc, {
    baseUrl: c.rpc.baseUrl,
    recordUrl: urlOf,
    defaultCountry: opts.defaultCountry,
  });
  /** A chatter post, sent now or kept in the outbox (the user is told it waits). */
  async function post(write: OdooWrite, label: string): Promise<ProviderResult<undefined>> {
    const r = await writer.send(write, label);
    if (!r.ok) return providerFailure(r.failure);
    return r.value.queued ? { ok: true, value: undefined, notice: t('odoo.widget.queued', label) } : { ok: true, value: undefined };
  }
  return {
    kind: 'odoo',
    contacts,
    callPop: odooCallPop(c.rpc, { contacts, recordUrl: urlOf }),
    activities: odooActivities(c.rpc, c.uid, { writer, recordUrl: urlOf }),
    history: opts.history,
    email: odooEmail(c.rpc, { partnerId: c.partnerId }),
    ...(c.server.voip ? { colleagues: odooColleagues(c.rpc) } : {}),
    async logCall(entry) {
      const partner = entry.contactId ? idFromKey(entry.contactId, 'res.partner') : null;
      if (partner === null) return { ok: true, value: undefined };
      const notes = await loadTranslator(c.rpc.context.lang || 'en');
      return post(callLogWrite(entry, 'res.partner', partner, dialect, notes), t('odoo.write.callLog', entry.contactName || entry.number));
    },
    async logWrapUp(call, wrapUp, record) {
      const notes = await loadTranslator(c.rpc.context.lang || 'en');
      return post(wrapUpWrite(call, wrapUp, record.model, record.id, dialect, notes), t('odoo.write.callLog', record.name));
    },
    outbox: {
      waiting: () => writer.pending(),
      conflicts: async () => (await outbox.conflicts()).map((e) => ({ id: e.seq as number, label: e.label, reason: e.lastError })),
      dismiss: (id) => outbox.dismissConflict(id),
    },
    async flush() {
      const d = await writer.drain();
      const waiting = await writer.pending();
      if (d.state === 'waiting') return { ...providerFailure(d.failure), reason: d.failure.message };
      return { ok: true, value: { sent: d.sent, waiting } };
    },
  };
}

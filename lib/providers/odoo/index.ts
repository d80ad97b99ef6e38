/**
 * The Odoo data provider: contacts, Next Activities and email from Odoo; the call history stays
 * in the browser (the local provider's), and each call is also logged in Odoo's chatter by the
 * caller of `callLogWrite`.
 */
import type { DataProvider, HistoryApi } from '../types';
import { odooActivities } from './activities';
import type { OdooConnection } from './connect';
import { odooContacts } from './contacts';
import { odooEmail } from './email';
import { recordUrl } from './version';

export function createOdooProvider(c: OdooConnection, opts: { history: HistoryApi; defaultCountry: string }): DataProvider {
  const major = c.server.major;
  return {
    kind: 'odoo',
    contacts: odooContacts(c.rpc, {
      baseUrl: c.rpc.baseUrl,
      recordUrl: (model, id) => recordUrl(c.rpc.baseUrl, major, model, id),
      defaultCountry: opts.defaultCountry,
    }),
    activities: odooActivities(c.rpc, c.uid),
    history: opts.history,
    email: odooEmail(c.rpc, { major, partnerId: c.partnerId }),
  };
}

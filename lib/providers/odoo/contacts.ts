/**
 * Contacts from Odoo: `res.partner` records with a phone or mobile, searched on the server by
 * name, email or number (a number is searched digit by digit, whatever its formatting in Odoo),
 * paged. Caller ID matches an incoming number to a partner: E.164 equality first, then the last
 * nine digits.
 */
import { providerFailure } from './fail';
import { t } from '../../i18n';
import { phoneLib } from '../local/phone-lib';
import type { Contact, ContactsApi, ProviderResult } from '../types';
import { idFromKey, partnerKey } from './records';
import type { OdooRpc } from './rpc';

interface PartnerRow {
  id: number;
  name: string;
  phone?: string | false;
  mobile?: string | false;
  email: string | false;
  is_company: boolean;
}

const fail = providerFailure;

/** `a | b | c` over the number fields this version has (dialect.ts). */
function anyNumber(fields: readonly string[], leaf: (f: string) => unknown[]): unknown[] {
  return [...fields.slice(1).map(() => '|'), ...fields.map(leaf)];
}

/** "6505550102" → "6%5%0%5%5%5%0%1%0%2": matches the digits whatever separators Odoo stored. */
function digitsPattern(digits: string): string {
  return digits.split('').join('%');
}

export function odooContacts(rpc: OdooRpc, opts: { baseUrl: string; recordUrl: (model: string, id: number) => string; defaultCountry: string }): ContactsApi {
  const phones = () => rpc.dialect.partnerPhones;
  const hasNumber = () => anyNumber(phones(), (f) => [f, '!=', false]);
  const numberLike = (pattern: string) => anyNumber(phones(), (f) => [f, 'ilike', pattern]);
  const toContact = (p: PartnerRow): Contact => ({
    id: partnerKey(p.id),
    name: p.name,
    company: '',
    email: p.email || '',
    phones: [
      ...(p.phone ? [{ label: 'work', number: p.phone }] : []),
      ...(p.mobile ? [{ label: 'mobile', number: p.mobile }] : []),
    ],
    recordUrl: opts.recordUrl('res.partner', p.id),
    recordName: p.name,
    updatedAt: 0,
  });

  const readOnly = (): { ok: false; reason: string } => ({ ok: false, reason: t('odoo.contactsInOdoo') });

  async function searchRows(domain: unknown[], limit: number | null): Promise<ProviderResult<PartnerRow[]>> {
    const fields = ['name', ...phones(), 'email', 'is_company'];
    const r = await rpc.callKw<PartnerRow[]>('res.partner', 'search_read', [], { domain, fields, limit, order: 'name asc' });
    return r.ok ? r : fail(r.failure);
  }

  return {
    async search(query, limit) {
      const q = query.trim();
      const digits = q.replace(/\D/g, '');
      const text = ['|', ['name', 'ilike', q], ['email', 'ilike', q]];
      const number = digits.length >= 3 ? numberLike(digitsPattern(digits)) : null;
      const match = q === '' ? [] : number ? ['|', ...text, ...number] : text;
      const r = await searchRows([...(match.length ? ['&'] : []), ...hasNumber(), ...match], limit);
      return r.ok ? { ok: true, value: r.value.map(toContact) } : r;
    },

    async get(id) {
      const n = idFromKey(id, 'res.partner');
      if (n === null) return { ok: true, value: null };
      const r = await searchRows([['id', '=', n]], 1);
      return r.ok ? { ok: true, value: r.value[0] ? toContact(r.value[0]) : null } : r;
    },

    async matchNumber(number) {
      const lib = await phoneLib();
      const wanted = lib.normaliseNumber(number, opts.defaultCountry);
      const e164 = wanted.ok && wanted.target.kind === 'e164' ? wanted.target.number : null;
      const digits = number.replace(/\D/g, '');
      const tail = digits.slice(-9);
      if (tail.length < 6) return { ok: true, value: null };
      const pattern = digitsPattern(tail.slice(-7));
      const r = await searchRows(numberLike(pattern), 50);
      if (!r.ok) return r;
      const numbersOf = (p: PartnerRow) => [p.phone, p.mobile].filter((x): x is string => Boolean(x));
      const normalised = (n: string) => {
        const x = lib.normaliseNumber(n, opts.defaultCountry);
        return x.ok ? x.target.number : null;
      };
      const exact = e164 ? r.value.find((p) => numbersOf(p).some((n) => normalised(n) === e164)) : undefined;
      const byTail = exact ?? r.value.find((p) => numbersOf(p).some((n) => n.replace(/\D/g, '').endsWith(tail)));
      return { ok: true, value: byTail ? toContact(byTail) : null };
    },

    async count() {
      const r = await rpc.callKw<number>('res.partner', 'search_count', [hasNumber()]);
      return r.ok ? r : fail(r.failure);
    },

    async all() {
      const r = await searchRows(hasNumber(), null);
      return r.ok ? { ok: true, value: r.value.map(toContact) } : r;
    },

    // Contacts are Odoo's: they are edited, imported and deleted in Odoo itself.
    save: async () => readOnly(),
    remove: async () => readOnly(),
    bulkAdd: async () => readOnly(),
  };
}

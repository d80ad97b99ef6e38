/**
 * Email through Odoo: Send posts the message on the contact's chatter with the contact as
 * recipient, so Odoo mails it and the record keeps it. Send Later uses Odoo 18's scheduled
 * messages (`mail.scheduled.message`); Odoo 16 and 17 have none, and this says so instead of
 * pretending.
 */
import { providerFailure } from './fail';
import { t } from '../../i18n';
import type { EmailApi, EmailDraft, ProviderResult, ScheduledEmail } from '../types';
import { idFromKey, type Many2one } from './records';
import type { OdooRpc } from './rpc';

const fail = providerFailure;
const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** Plain text as Odoo HTML: paragraphs and line breaks kept, everything escaped. */
export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

interface ScheduledRow {
  id: number;
  res_id: number;
  subject: string | false;
  body: string;
  scheduled_date: string;
  author_id: Many2one;
}

export function odooEmail(rpc: OdooRpc, opts: { partnerId: number; now?: () => number }): EmailApi {
  const now = opts.now ?? Date.now;
  const partnerOf = (draft: EmailDraft) => (draft.contactId ? idFromKey(draft.contactId, 'res.partner') : null);
  const notHere = (): { ok: false; reason: string } => ({ ok: false, reason: t('odoo.email.noSendLater', rpc.dialect.version) });

  return {
    sendMode: 'server',

    async send(draft) {
      const partner = partnerOf(draft);
      if (partner === null) return { ok: false, reason: t('odoo.email.needsContact') };
      const r = await rpc.callKw('res.partner', 'message_post', [partner], {
        body: textToHtml(draft.body),
        subject: draft.subject,
        message_type: 'comment',
        subtype_xmlid: 'mail.mt_comment',
        partner_ids: [partner],
        ...(rpc.dialect.bodyIsHtml ? { body_is_html: true } : {}),
      });
      return r.ok ? { ok: true, value: undefined } : fail(r.failure);
    },

    async schedule(draft, sendAt): Promise<ProviderResult<ScheduledEmail>> {
      if (!rpc.dialect.scheduledMessages) return notHere();
      const partner = partnerOf(draft);
      if (partner === null) return { ok: false, reason: t('odoo.email.needsContact') };
      if (!(sendAt > now())) return { ok: false, reason: t('data.email.pastTime') };
      const r = await rpc.callKw<number>('mail.scheduled.message', 'create', [{
        model: 'res.partner', res_id: partner, subject: draft.subject, body: textToHtml(draft.body),
        scheduled_date: new Date(sendAt).toISOString().slice(0, 19).replace('T', ' '), partner_ids: [partner],
        // Required (mail_scheduled_message.py): the message is posted as its author.
        author_id: opts.partnerId,
      }]);
      if (!r.ok) return fail(r.failure);
      return { ok: true, value: { ...draft, id: `mail.scheduled.message/${r.value}`, sendAt, state: 'scheduled' } };
    },

    async scheduled() {
      if (!rpc.dialect.scheduledMessages) return { ok: true, value: [] };
      const r = await rpc.callKw<ScheduledRow[]>('mail.scheduled.message', 'search_read', [], {
        domain: [['author_id', '=', opts.partnerId]], fields: ['res_id', 'subject', 'body', 'scheduled_date', 'author_id'], order: 'scheduled_date asc',
      });
      if (!r.ok) return fail(r.failure);
      return {
        ok: true,
        value: r.value.map((row) => ({
          id: `mail.scheduled.message/${row.id}`, to: '', subject: row.subject || '', body: row.body, contactId: `res.partner/${row.res_id}`,
          sendAt: Date.parse(`${row.scheduled_date.replace(' ', 'T')}Z`), state: 'scheduled' as const,
        })),
      };
    },

    async cancelScheduled(id) {
      const n = idFromKey(id, 'mail.scheduled.message');
      if (n === null) return { ok: false, reason: t('odoo.email.notOdoo') };
      const r = await rpc.callKw('mail.scheduled.message', 'unlink', [[n]]);
      return r.ok ? { ok: true, value: undefined } : fail(r.failure);
    },

    // Odoo sends scheduled messages itself.
    markSent: async () => ({ ok: true, value: undefined }),
  };
}

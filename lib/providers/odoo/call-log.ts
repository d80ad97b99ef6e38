/**
 * The note a call leaves in the chatter of the matched partner or record: direction, number,
 * duration and outcome, as HTML with every value escaped (names and numbers come from the ERP
 * and the network). Odoo 17+ escapes a plain string body, so the note is sent with
 * `body_is_html`; Odoo 16 takes the body as HTML already and does not know that argument.
 */
import type { OdooDialect } from './dialect';
import type { Translator } from '../../i18n';
import { formatDuration } from '../../dates';
import { outcomeLabel } from '../../i18n/outcomes';
import type { HistoryEntry, WrapUp } from '../types';
import type { OdooWrite } from './outbox';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** Written in the Odoo user's language (`notes`), whatever the softphone shows. */
export function callLogHtml(entry: Pick<HistoryEntry, 'direction' | 'number' | 'durationSec' | 'outcome' | 'reason'>, notes: Translator): string {
  const t = notes.t.bind(notes);
  const what = entry.direction === 'incoming' ? t('odoo.log.incoming', entry.number) : t('odoo.log.outgoing', entry.number);
  const outcome = entry.outcome === 'answered'
    ? t('odoo.log.answered', formatDuration(entry.durationSec, notes.language))
    : entry.reason
      ? t('odoo.log.notAnsweredWhy', outcomeLabel(entry.outcome, notes), entry.reason)
      : t('odoo.log.notAnswered', outcomeLabel(entry.outcome, notes));
  return `<p>${escapeHtml(what)}</p><p>${escapeHtml(outcome)}</p>`;
}

/** The message_post that logs `entry` on record (model, id) of an Odoo speaking `dialect`. */
export function callLogWrite(entry: Parameters<typeof callLogHtml>[0], model: string, id: number, dialect: OdooDialect, notes: Translator): OdooWrite {
  return {
    model,
    method: 'message_post',
    args: [id],
    kwargs: {
      body: callLogHtml(entry, notes),
      message_type: 'comment',
      subtype_xmlid: 'mail.mt_note',
      ...(dialect.bodyIsHtml ? { body_is_html: true } : {}),
    },
  };
}

/** The chatter note of a call's wrap-up: outcome and note, with the call's direction, number and duration. */
export function wrapUpHtml(call: Pick<HistoryEntry, 'direction' | 'number' | 'durationSec'>, wrapUp: WrapUp, notes: Translator): string {
  const t = notes.t.bind(notes);
  const what = call.direction === 'incoming' ? t('odoo.log.incoming', call.number) : t('odoo.log.outgoing', call.number);
  const lines = [t('wrapUp.chatter.title', wrapUp.outcome), `${what}, ${formatDuration(call.durationSec, notes.language)}`];
  const note = wrapUp.note.trim() ? wrapUp.note.split(/\r?\n/).map((l) => escapeHtml(l)).join('<br>') : '';
  return lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('') + (note ? `<p>${escapeHtml(t('wrapUp.chatter.note'))}<br>${note}</p>` : '');
}

/** The message_post of a wrap-up on record (model, id). */
export function wrapUpWrite(call: Parameters<typeof wrapUpHtml>[0], wrapUp: WrapUp, model: string, id: number, dialect: OdooDialect, notes: Translator): OdooWrite {
  return {
    model,
    method: 'message_post',
    args: [id],
    kwargs: { body: wrapUpHtml(call, wrapUp, notes), message_type: 'comment', subtype_xmlid: 'mail.mt_note', ...(dialect.bodyIsHtml ? { body_is_html: true } : {}) },
  };
}

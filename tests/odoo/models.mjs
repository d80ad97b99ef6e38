// Field definitions of the models the test double serves: types, many2one targets, and the
// fields Odoo computes. Only what the connector reads or writes.

// `required`: create refuses a record without it (the NOT NULL column; odoo/service/model.py turns
// the violation into a ValidationError). `readonly`: computed or related, silently recomputed.
// `translate`: read in the context's language. Sources: tests/odoo/VERSIONS.md.
/** @type {Record<string, Record<string, {type: string, relation?: string, readonly?: boolean, required?: boolean, translate?: boolean, enterprise?: boolean}>>} */
export const MODELS = {
  'res.users': {
    id: { type: 'integer' }, login: { type: 'char' }, name: { type: 'char' }, share: { type: 'boolean' },
    tz: { type: 'selection' },
    partner_id: { type: 'many2one', relation: 'res.partner' },
    // res.users inherits res.partner (`_inherits`), whose `lang` selection holds codes like "fr_FR"
    // (odoo/addons/base/models/res_partner.py, res_users.py).
    lang: { type: 'selection' },
    // Enterprise voip: the user's extension (only exposed when `voip` is installed).
    voip_username: { type: 'char', enterprise: true },
  },
  'res.partner': {
    id: { type: 'integer' }, name: { type: 'char' }, phone: { type: 'char' }, mobile: { type: 'char' },
    email: { type: 'char' }, is_company: { type: 'boolean' }, display_name: { type: 'char', readonly: true },
  },
  'crm.lead': {
    id: { type: 'integer' }, name: { type: 'char' }, partner_id: { type: 'many2one', relation: 'res.partner' },
    phone: { type: 'char' }, email_from: { type: 'char' }, user_id: { type: 'many2one', relation: 'res.users' },
    type: { type: 'selection' }, stage_id: { type: 'integer' }, display_name: { type: 'char', readonly: true },
  },
  'mail.activity.type': { id: { type: 'integer' }, name: { type: 'char', translate: true }, category: { type: 'selection' } },
  'mail.activity': {
    // addons/mail/models/mail_activity.py: res_model_id required; res_model related to it, readonly.
    id: { type: 'integer' }, res_model_id: { type: 'many2one', relation: 'ir.model', required: true },
    res_model: { type: 'char', readonly: true }, res_id: { type: 'integer', required: true }, res_name: { type: 'char', readonly: true },
    activity_type_id: { type: 'many2one', relation: 'mail.activity.type' }, summary: { type: 'char' },
    note: { type: 'html' }, date_deadline: { type: 'date', required: true }, user_id: { type: 'many2one', relation: 'res.users', required: true },
    state: { type: 'selection', readonly: true }, activity_category: { type: 'selection', readonly: true },
  },
  'mail.message': {
    id: { type: 'integer' }, model: { type: 'char' }, res_id: { type: 'integer' }, body: { type: 'html' },
    message_type: { type: 'selection' }, subtype_xmlid: { type: 'char' }, author_id: { type: 'many2one', relation: 'res.partner' },
    subject: { type: 'char' }, partner_ids: { type: 'many2many' }, date: { type: 'datetime' },
  },
  // Odoo 18's Send Later ("scheduled message"); older versions have no such model.
  // addons/mail/models/mail_scheduled_message.py: model, res_id, author_id, scheduled_date required.
  'mail.scheduled.message': {
    id: { type: 'integer' }, model: { type: 'char', required: true }, res_id: { type: 'integer', required: true }, subject: { type: 'char' },
    body: { type: 'html' }, scheduled_date: { type: 'datetime', required: true }, author_id: { type: 'many2one', relation: 'res.partner', required: true },
    partner_ids: { type: 'many2many' },
  },
  'ir.model': { id: { type: 'integer' }, model: { type: 'char' }, name: { type: 'char' } },
  'ir.module.module': { id: { type: 'integer' }, name: { type: 'char' }, state: { type: 'selection' } },
};

/** Models whose records have a chatter (message_post). */
export const CHATTER_MODELS = new Set(['res.partner', 'crm.lead']);

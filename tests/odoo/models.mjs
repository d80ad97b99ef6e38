// Field definitions of the models the test double serves: types, many2one targets, and the
// fields Odoo computes. Only what the connector reads or writes.

/** @type {Record<string, Record<string, {type: string, relation?: string, readonly?: boolean}>>} */
export const MODELS = {
  'res.users': {
    id: { type: 'integer' }, login: { type: 'char' }, name: { type: 'char' }, share: { type: 'boolean' },
    partner_id: { type: 'many2one', relation: 'res.partner' },
    // res.users inherits res.partner (`_inherits`), whose `lang` selection holds codes like "fr_FR"
    // (odoo/addons/base/models/res_partner.py, res_users.py).
    lang: { type: 'char' },
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
  'mail.activity.type': { id: { type: 'integer' }, name: { type: 'char' }, category: { type: 'selection' } },
  'mail.activity': {
    id: { type: 'integer' }, res_model: { type: 'char' }, res_id: { type: 'integer' }, res_name: { type: 'char' },
    activity_type_id: { type: 'many2one', relation: 'mail.activity.type' }, summary: { type: 'char' },
    note: { type: 'html' }, date_deadline: { type: 'date' }, user_id: { type: 'many2one', relation: 'res.users' },
    state: { type: 'selection', readonly: true }, activity_category: { type: 'selection', readonly: true },
  },
  'mail.message': {
    id: { type: 'integer' }, model: { type: 'char' }, res_id: { type: 'integer' }, body: { type: 'html' },
    message_type: { type: 'selection' }, subtype_xmlid: { type: 'char' }, author_id: { type: 'many2one', relation: 'res.partner' },
    subject: { type: 'char' }, partner_ids: { type: 'many2many' }, date: { type: 'datetime' },
  },
  // Odoo 18's Send Later ("scheduled message"); older versions have no such model.
  'mail.scheduled.message': {
    id: { type: 'integer' }, model: { type: 'char' }, res_id: { type: 'integer' }, subject: { type: 'char' },
    body: { type: 'html' }, scheduled_date: { type: 'datetime' }, author_id: { type: 'many2one', relation: 'res.partner' },
    partner_ids: { type: 'many2many' },
  },
  'ir.module.module': { id: { type: 'integer' }, name: { type: 'char' }, state: { type: 'selection' } },
};

/** Models whose records have a chatter (message_post). */
export const CHATTER_MODELS = new Set(['res.partner', 'crm.lead']);

/** Models that exist only from some version on. */
export const SINCE = { 'mail.scheduled.message': 18 };

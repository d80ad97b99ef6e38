// Demo data for the Odoo test double, in the shape of Odoo's own demo database (a sales team,
// companies and people with phone numbers written as people write them, CRM leads, activities).

const today = () => new Date().toISOString().slice(0, 10);
const daysFromToday = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export function seedData() {
  return {
    'res.users': [
      { id: 2, login: 'admin', password: 'admin', name: 'Mitchell Admin', partner_id: 3, voip_username: '1001', share: false, lang: 'en_US', tz: 'Europe/Brussels' },
      { id: 6, login: 'demo', password: 'demo', name: 'Marc Demo', partner_id: 7, voip_username: '1003', share: false, lang: 'en_US', tz: 'Europe/Brussels' },
      { id: 7, login: 'jane', password: 'jane', name: 'Jane Seller', partner_id: 8, voip_username: '1004', share: false, lang: 'fr_FR', tz: 'Europe/Paris' },
      { id: 9, login: 'portal', password: 'portal', name: 'Portal Customer', partner_id: 26, voip_username: false, share: true, lang: 'en_US', tz: false },
    ],
    'res.partner': [
      { id: 3, name: 'Mitchell Admin', phone: false, mobile: false, email: 'admin@yourcompany.example', is_company: false },
      { id: 7, name: 'Marc Demo', phone: false, mobile: false, email: 'mark.brown23@example.com', is_company: false },
      { id: 8, name: 'Jane Seller', phone: false, mobile: false, email: 'jane@yourcompany.example', is_company: false },
      { id: 10, name: 'Deco Addict', phone: '(603)-996-3829', mobile: false, email: 'deco.addict82@example.com', is_company: true },
      { id: 11, name: 'Gemini Furniture', phone: '(941)-284-4875', mobile: false, email: 'gemini.furniture39@example.com', is_company: true },
      { id: 12, name: 'Ready Mat', phone: '(803)-873-6126', mobile: false, email: 'ready.mat28@example.com', is_company: true },
      { id: 14, name: 'Azure Interior', phone: '(870)-931-0505', mobile: false, email: 'azure.Interior24@example.com', is_company: true },
      { id: 15, name: 'Lumber Inc', phone: '(828)-316-0593', mobile: false, email: 'lumber-inv92@example.com', is_company: true },
      { id: 26, name: 'Brandon Freeman', phone: '(355)-687-3262', mobile: false, email: 'brandon.freeman55@example.com', is_company: false },
      { id: 27, name: 'Nicole Ford', phone: '(946)-638-6034', mobile: false, email: 'nicole.ford75@example.com', is_company: false },
      { id: 30, name: 'Ada Lovelace', phone: '+1 650-555-0102', mobile: '+44 20 7946 0018', email: 'ada@example.com', is_company: false },
      { id: 31, name: 'Hans Müller', phone: '+49 89 1234 5678', mobile: false, email: 'hans@example.de', is_company: false },
      { id: 32, name: 'No Phone GmbH', phone: false, mobile: false, email: 'info@nophone.example', is_company: true },
    ],
    'mail.activity.type': [
      // `name` is translated (translate=True in mail_activity.py); the French names stand for a
      // translation (made up here, not read from Odoo's fr.po).
      { id: 1, name: 'Email', category: 'default', name_fr_FR: 'E-mail' },
      { id: 2, name: 'Call', category: 'phonecall', name_fr_FR: 'Appel' },
      { id: 3, name: 'Meeting', category: 'meeting', name_fr_FR: 'Réunion' },
      { id: 4, name: 'To-Do', category: 'default', name_fr_FR: 'À faire' },
    ],
    'crm.lead': [
      { id: 1, name: 'Office Design Project', partner_id: 10, phone: '(603)-996-3829', email_from: 'deco.addict82@example.com', user_id: 2, type: 'opportunity', stage_id: 1, probability: 10 },
      { id: 2, name: 'Quote for 12 Tables', partner_id: 11, phone: '(941)-284-4875', email_from: 'gemini.furniture39@example.com', user_id: 2, type: 'opportunity', stage_id: 2, probability: 30 },
      { id: 3, name: 'Distributor Contract', partner_id: 12, phone: '(803)-873-6126', email_from: 'ready.mat28@example.com', user_id: 6, type: 'opportunity', stage_id: 1, probability: 100 },
      { id: 4, name: 'Open Space Design', partner_id: 30, phone: '+1 650-555-0102', email_from: 'ada@example.com', user_id: 2, type: 'opportunity', stage_id: 3, probability: 60 },
      { id: 5, name: 'Website visitor', partner_id: false, phone: false, email_from: 'visitor@example.com', user_id: 2, type: 'opportunity', stage_id: 1, probability: 10 },
    ],
    'mail.activity': [
      { id: 1, res_model: 'crm.lead', res_id: 1, res_name: 'Office Design Project', activity_type_id: 2, summary: 'Discuss the layout', note: '<p>Ask about the budget</p>', date_deadline: today(), user_id: 2 },
      { id: 2, res_model: 'crm.lead', res_id: 2, res_name: 'Quote for 12 Tables', activity_type_id: 2, summary: 'Follow up on the quote', note: '', date_deadline: daysFromToday(-2), user_id: 2 },
      { id: 3, res_model: 'res.partner', res_id: 30, res_name: 'Ada Lovelace', activity_type_id: 2, summary: 'Renewal', note: '', date_deadline: daysFromToday(-1), user_id: 2 },
      { id: 4, res_model: 'crm.lead', res_id: 3, res_name: 'Distributor Contract', activity_type_id: 2, summary: 'Call Ready Mat', note: '', date_deadline: today(), user_id: 6 },
      { id: 5, res_model: 'crm.lead', res_id: 4, res_name: 'Open Space Design', activity_type_id: 2, summary: 'Next week', note: '', date_deadline: daysFromToday(5), user_id: 2 },
      { id: 6, res_model: 'crm.lead', res_id: 1, res_name: 'Office Design Project', activity_type_id: 1, summary: 'Send the brochure', note: '', date_deadline: today(), user_id: 2 },
    ],
    'mail.message': [],
    'ir.model': [
      { id: 80, model: 'res.partner', name: 'Contact' },
      { id: 81, model: 'crm.lead', name: 'Lead/Opportunity' },
      { id: 82, model: 'mail.activity', name: 'Activity' },
      { id: 83, model: 'res.users', name: 'User' },
    ],
    'ir.module.module': [
      { id: 1, name: 'crm', state: 'installed' },
      { id: 2, name: 'mail', state: 'installed' },
    ],
  };
}

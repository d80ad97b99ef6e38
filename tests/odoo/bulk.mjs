// A large Odoo database for benchmarks: `partners` more partners with phone numbers written as
// people write them, `leads` leads on some of them, and `activities` call activities of mine
// due today or in the last 30 days, half on leads, half on partners. Deterministic.
const pad = (n, w) => String(n).padStart(w, '0');
const day = (n) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const FIRST = ['Anna', 'Ben', 'Chloé', 'David', 'Emma', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kim', 'Lena'];
const LAST = ['Martin', 'Schmidt', 'Rossi', 'García', 'Dubois', 'Novak', 'Jensen', 'Silva', 'Kowalski', 'Brown'];

/** @param {{ partners: number, leads?: number, activities: number }} size */
export function bulkSeed({ partners, leads = Math.ceil(partners / 20), activities }) {
  return (seed) => {
    const p0 = 10_000;
    for (let i = 0; i < partners; i++) {
      const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`;
      seed['res.partner'].push({
        id: p0 + i, name, phone: `(${pad(200 + (i % 700), 3)}) 555-${pad(i % 10_000, 4)}`, mobile: i % 3 === 0 ? `+1 415 ${pad(i % 1000, 3)} ${pad(i % 10_000, 4)}` : false,
        email: `contact${i}@example.com`, is_company: i % 5 === 0,
      });
    }
    const l0 = 10_000;
    for (let i = 0; i < leads; i++) {
      seed['crm.lead'].push({
        id: l0 + i, name: `Opportunity ${i}`, partner_id: p0 + ((i * 7) % partners), phone: i % 4 === 0 ? false : `(650) 555-${pad(i % 10_000, 4)}`,
        email_from: `lead${i}@example.com`, user_id: 2, type: 'opportunity', stage_id: 1 + (i % 4),
      });
    }
    for (let i = 0; i < activities; i++) {
      const onLead = i % 2 === 0;
      const resId = onLead ? l0 + (i % leads) : p0 + ((i * 13) % partners);
      seed['mail.activity'].push({
        id: 10_000 + i, res_model: onLead ? 'crm.lead' : 'res.partner', res_id: resId, res_name: onLead ? `Opportunity ${i % leads}` : `Partner ${resId}`,
        activity_type_id: 2, summary: `Call back #${i}`, note: '', date_deadline: day(i % 30), user_id: 2,
      });
    }
  };
}

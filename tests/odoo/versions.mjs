// What differs between the Odoo versions the double plays, each fact with the public Community
// source it was read from (VERSIONS.md has the same table for people). Only facts the connector
// depends on; everything else is the same on every version the double serves.

/**
 * The version a double plays: "16.0" … "19.0", a number (16 … 19), or an Odoo Online (SaaS)
 * build such as "saas~18.2", whose `version_info[0]` is the string 'saas~18' (odoo/release.py
 * on a saas branch: `version_info = ('saas~12', 5, 0, FINAL, 0, '')`).
 * @param {number | string} v
 */
export function versionOf(v) {
  const m = /^(?:(saas~)?(\d+))(?:\.(\d+))?$/.exec(String(v));
  if (!m) throw new Error(`Not an Odoo version: ${v}`);
  const major = Number(m[2]);
  const minor = Number(m[3] ?? 0);
  const saas = Boolean(m[1]);
  const first = saas ? `saas~${major}` : major;
  return { major, saas, serverVersion: `${first}.${minor}`, versionInfo: [first, minor, 0, 'final', 0, ''] };
}

/** Fields that exist only up to a version (inclusive), by model. */
export const UNTIL = {
  // Odoo 19's base no longer defines res.partner.mobile (odoo/addons/base/models/res_partner.py).
  'res.partner': { mobile: 18 },
};

/** Models that exist only from a version on. */
export const SINCE = {
  // addons/mail/models/mail_scheduled_message.py appears in 18.0.
  'mail.scheduled.message': 18,
};

/** `error.code` of a JSON-RPC "Odoo Server Error" (odoo/http.py, JsonRPCDispatcher.handle_error). */
export const serverErrorCode = (major) => (major >= 19 ? 0 : 200);

/** The JSON-2 API (`/json/2/<model>/<method>`, bearer API key): addons/rpc/controllers/json2.py, 19.0. */
export const hasJson2 = (major) => major >= 19;

/** message_post escapes a plain-text body and takes `body_is_html` from 17.0 on (mail_thread.py). */
export const escapesPlainBody = (major) => major >= 17;

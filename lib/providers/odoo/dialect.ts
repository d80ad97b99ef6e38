/**
 * Every difference between the Odoo versions the connector speaks to, in one place (sources:
 * tests/odoo/VERSIONS.md). Odoo Online builds say `saas~18` where on-premise says 18
 * (odoo/release.py on a saas branch), and behave as that major version.
 */
export interface OdooDialect {
  /** 16, 17, 18, 19… (a SaaS build: the major it was branched from). */
  major: number;
  /** As the server says it: "18.0", "saas~18.2". */
  version: string;
  /** The partner's number fields: 19 has no `mobile` on res.partner. */
  partnerPhones: readonly ('phone' | 'mobile')[];
  /** message_post takes `body_is_html` (17+); 16 refuses the argument. */
  bodyIsHtml: boolean;
  /** Send Later through `mail.scheduled.message` (18+). */
  scheduledMessages: boolean;
  /** The JSON-2 API (`/json/2/<model>/<method>`, bearer key) for API-key mode (19+). */
  json2: boolean;
  /** The web client's path of a record. */
  recordPath(model: string, id: number): string;
}

/** Major and version string from `server_version_info` (and `server_version`), or null. */
export function parseServerVersion(info: unknown, label?: unknown): { major: number; version: string } | null {
  if (!Array.isArray(info)) return null;
  const [first, minor] = info as unknown[];
  const m = typeof first === 'number' ? [String(first), String(first)] : typeof first === 'string' ? /^(?:saas~)?(\d+)$/.exec(first) : null;
  const major = m ? Number(m[1]) : NaN;
  if (!Number.isSafeInteger(major) || major <= 0) return null;
  const version = typeof label === 'string' && label !== '' ? label : `${String(first)}.${typeof minor === 'number' ? minor : 0}`;
  return { major, version };
}

export function dialectFor(major: number, version = `${major}.0`): OdooDialect {
  return {
    major,
    version,
    partnerPhones: major >= 19 ? ['phone'] : ['phone', 'mobile'],
    bodyIsHtml: major >= 17,
    scheduledMessages: major >= 18,
    json2: major >= 19,
    recordPath: (model, id) => (major >= 18 ? `/odoo/${model}/${id}` : `/web#id=${id}&model=${encodeURIComponent(model)}&view_type=form`),
  };
}

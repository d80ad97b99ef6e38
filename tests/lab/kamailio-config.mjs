// The lab Kamailio's configuration: kamailio.cfg.tpl with its placeholders filled in.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TEMPLATE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'kamailio.cfg.tpl');

/**
 * Renders the kamailio config.
 * @param {{wsPort: number, udpPort: number, domain: string, accounts: LabAccount[], moduleDir: string, debug: number, maxExpires?: number}} p
 * @returns {string}
 */
export function renderConfig(p) {
  if (p.rtpengine && !/^udp:127\.0\.0\.1:\d+$/.test(p.rtpengine)) throw new Error(`bad rtpengine socket ${p.rtpengine}`);
  if (!/^[A-Za-z0-9.-]+$/.test(p.domain)) throw new Error(`bad domain ${p.domain}`);
  for (const a of p.accounts) {
    if (!/^[A-Za-z0-9_.-]+$/.test(a.user)) throw new Error(`bad user ${a.user}`);
    if (!/^[A-Za-z0-9_.:@%+=-]+$/.test(a.password)) throw new Error(`bad password for ${a.user}`);
  }
  const users = p.accounts
    .map((a) => `\t$sht(users=>${a.user}) = "${a.password}";`)
    .join('\n');
  /** @type {Record<string, string>} */
  const vars = {
    DEBUG: String(p.debug),
    WS_PORT: String(p.wsPort),
    UDP_PORT: String(p.udpPort),
    DOMAIN: p.domain,
    MPATH: p.moduleDir.endsWith('/') ? p.moduleDir : `${p.moduleDir}/`,
    AUTH_SECRET: randomBytes(12).toString('hex'),
    USERS: users,
    MAX_EXPIRES: String(p.maxExpires ?? 3600),
    RTPENGINE_SOCK: p.rtpengine ?? '',
  };
  const tpl = fs.readFileSync(TEMPLATE, 'utf8');
  return tpl.replace(/\{\{([A-Z_]+)\}\}/g, (m, name) => {
    if (!(name in vars)) throw new Error(`unknown template variable ${m}`);
    return vars[name];
  });
}

// The lab Kamailio's configuration: kamailio.cfg.tpl with its placeholders filled in.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TEMPLATE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'kamailio.cfg.tpl');
// Debian's db_text table definitions (package kamailio). The presence server keeps its
// publications and subscriptions in memory; db_text, a folder of text files in the lab's temp dir,
// is only where it starts from (empty) and what it may write back.
const DBTEXT_SCHEMAS = '/usr/share/kamailio/dbtext/kamailio';
const PRESENCE_TABLES = ['presentity', 'active_watchers', 'watchers', 'xcap', 'pua'];

/**
 * The files of a lab Kamailio in `dir`: its config and its empty presence tables.
 * @param {Parameters<typeof renderConfig>[0]} p @param {string} dir
 * @returns {Record<string, string>}
 */
export function kamailioFiles(p, dir) {
  /** @type {Record<string, string>} */
  const files = { 'kamailio.cfg': renderConfig({ ...p, dbDir: path.join(dir, 'db') }) };
  const versions = fs.readFileSync(path.join(DBTEXT_SCHEMAS, 'version'), 'utf8').split('\n');
  const wanted = versions.filter((l, i) => i === 0 || PRESENCE_TABLES.includes(l.split(':')[1]));
  files['db/version'] = `${wanted.join('\n')}\n`;
  for (const t of PRESENCE_TABLES) files[`db/${t}`] = fs.readFileSync(path.join(DBTEXT_SCHEMAS, t), 'utf8');
  return files;
}

/**
 * Renders the kamailio config.
 * @param {{wsPort: number, udpPort: number, domain: string, accounts: LabAccount[], moduleDir: string, debug: number, maxExpires?: number, rtpengine?: string, dbDir?: string}} p
 * @returns {string}
 */
export function renderConfig(p) {
  if (p.rtpengine && !/^udp:127\.0\.0\.1:\d+$/.test(p.rtpengine)) throw new Error(`bad rtpengine socket ${p.rtpengine}`);
  if (p.dbDir && !/^[A-Za-z0-9_./-]+$/.test(p.dbDir)) throw new Error(`bad db dir ${p.dbDir}`);
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
    DB_URL: `text://${p.dbDir ?? '/nonexistent'}`,
  };
  const tpl = fs.readFileSync(TEMPLATE, 'utf8');
  return tpl.replace(/\{\{([A-Z_]+)\}\}/g, (m, name) => {
    if (!(name in vars)) throw new Error(`unknown template variable ${m}`);
    return vars[name];
  });
}

// An Odoo-compatible JSON-RPC server for tests: exactly the routes, models and methods the
// connector uses, with Odoo's request and error shapes, cookie sessions that can expire, API
// keys on /jsonrpc, Odoo's domain semantics for the operators we use, and state kept in memory
// for the test's duration. Odoo itself cannot run here; see README.md for what is covered.
import crypto from 'node:crypto';
import http from 'node:http';
import { DomainError, compileDomain } from './domain.mjs';
import { CHATTER_MODELS, MODELS } from './models.mjs';
import { Json2Error, json2Call } from './json2.mjs';
import { SINCE, UNTIL, escapesPlainBody, hasJson2, serverErrorCode, versionOf } from './versions.mjs';
import { seedData } from './seed.mjs';
// The CRM Kanban fixture web client (see README.md, "Kanban fixture"): static files only.
import { serveKanbanFixture } from './kanban/static.mjs';


/** An Odoo exception as the server returns it (`error.data.name` is the Python class). */
export class OdooError extends Error {
  constructor(name, message, code = 200) {
    super(message);
    this.odooName = name;
    this.code = code;
  }
}
const missing = () => new OdooError('odoo.exceptions.MissingError', 'Record does not exist or has been deleted.');
/** A NOT NULL column left empty, as odoo/service/model.py reports it (ValidationError). */
const notNull = (model, field) => new OdooError('odoo.exceptions.ValidationError',
  `The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n- Delete: another model requires the record being deleted. If possible, archive it instead.\n\nModel: ${model}\nField: ${field}`);
const accessError = (model) => new OdooError('odoo.exceptions.AccessError', `You are not allowed to access '${model}' (${model}) records.`);

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const today = () => new Date().toISOString().slice(0, 10);

/**
 * @param {{ version?: 16|17|18|19, enterprise?: boolean, port?: number, db?: string, sessionTtlMs?: number, extend?: (seed: Record<string, any[]>) => void }} [opts]
 */
export async function startOdoo(opts = {}) {
  const played = versionOf(opts.version ?? 17);
  const version = played.major;
  const db = opts.db ?? 'demo';
  const enterprise = opts.enterprise ?? false;
  const sessionTtlMs = opts.sessionTtlMs ?? 3_600_000;
  /** @type {Record<string, Map<number, any>>} */
  const tables = {};
  const seed = seedData();
  opts.extend?.(seed);
  if (enterprise) seed['ir.module.module'].push({ id: 99, name: 'voip', state: 'installed' });
  const modelId = (name) => seed['ir.model'].find((m) => m.model === name)?.id ?? false;
  for (const a of seed['mail.activity']) a.res_model_id ??= modelId(a.res_model);
  for (const [model, rows] of Object.entries(seed)) tables[model] = new Map(rows.map((r) => [r.id, { ...r }]));
  tables['mail.scheduled.message'] = new Map();
  const nextId = (model) => Math.max(0, ...tables[model].keys()) + 1;
  /** sid → { uid, expiresAt } */
  const sessions = new Map();
  const calls = []; // every ORM call, for tests that count round trips
  let down = false;

  /** The fields a model has on this version (Enterprise ones only with `voip`). */
  const fieldsOf = (model) => {
    const f = MODELS[model];
    if (!f || version < (SINCE[model] ?? 0)) throw new OdooError('builtins.KeyError', model);
    const until = UNTIL[model] ?? {};
    return Object.fromEntries(Object.entries(f).filter(([name, def]) => version <= (until[name] ?? Infinity) && (enterprise || !def.enterprise)));
  };
  const resolve = (model, id) => {
    const rec = tables[model]?.get(id);
    return rec ? { rec: computed(model, rec), fields: MODELS[model] } : null;
  };

  /** A record with Odoo's computed fields filled in. */
  function computed(model, rec, lang = 'en_US') {
    const out = { ...rec };
    if (MODELS[model].name?.translate && rec[`name_${lang}`]) out.name = rec[`name_${lang}`];
    if ('name' in rec) out.display_name = out.name;
    if (model === 'mail.activity') {
      out.res_model = tables['ir.model'].get(rec.res_model_id)?.model ?? false;
      const d = rec.date_deadline;
      out.state = d < today() ? 'overdue' : d === today() ? 'today' : 'planned';
      out.activity_category = tables['mail.activity.type'].get(rec.activity_type_id)?.category ?? 'default';
    }
    return out;
  }

  /** How Odoo returns a field: many2one as [id, display_name], empty as false. */
  function shown(model, rec, field) {
    const def = MODELS[model][field];
    const value = rec[field];
    if (def?.type === 'many2one') {
      if (!value) return false;
      const target = tables[def.relation].get(value);
      return target ? [value, target.name] : false;
    }
    return value === undefined || value === null ? false : value;
  }

  function readRecs(model, recs, fields, lang) {
    const all = Object.keys(fieldsOf(model));
    const wanted = fields && fields.length ? fields : all;
    for (const f of wanted) if (!all.includes(f)) throw new OdooError('builtins.ValueError', `Invalid field '${f}' on model '${model}'`);
    return recs.map((r) => {
      const c = computed(model, r, lang);
      const out = { id: c.id };
      for (const f of wanted) out[f] = shown(model, c, f);
      return out;
    });
  }

  function search(model, domain = [], { offset = 0, limit = null, order = null } = {}) {
    const fields = fieldsOf(model);
    let pred;
    try {
      pred = compileDomain(domain, fields, resolve);
    } catch (e) {
      if (e instanceof DomainError) throw new OdooError('builtins.ValueError', e.message);
      throw e;
    }
    let rows = [...tables[model].values()].filter((r) => pred(computed(model, r)));
    const [key, dir] = String(order ?? 'id').split(/\s+/);
    rows.sort((a, b) => {
      const x = a[key] ?? '';
      const y = b[key] ?? '';
      const c = typeof x === 'string' ? x.localeCompare(y) : x - y;
      return String(dir).toLowerCase() === 'desc' ? -c : c;
    });
    rows = rows.slice(offset, limit ? offset + limit : undefined);
    return rows;
  }

  /** Unknown fields are refused; readonly (computed, related) ones are recomputed over what was sent. */
  function checkVals(model, vals) {
    const fields = fieldsOf(model);
    const out = {};
    for (const [k, v] of Object.entries(vals)) {
      if (!(k in fields) || k === 'id') throw new OdooError('builtins.ValueError', `Invalid field '${k}' on model '${model}'`);
      if (!fields[k].readonly) out[k] = v;
    }
    return out;
  }
  function checkRequired(model, vals) {
    for (const [k, def] of Object.entries(fieldsOf(model))) {
      if (def.required && (vals[k] === undefined || vals[k] === false || vals[k] === null)) throw notNull(model, k);
    }
  }

  function post(model, resId, uid, { body, message_type = 'notification', subtype_xmlid = 'mail.mt_note', body_is_html = false, subject = false, partner_ids = [] }) {
    if (!CHATTER_MODELS.has(model)) throw new OdooError('builtins.AttributeError', `'${model}' object has no attribute 'message_post'`);
    if (!tables[model].has(resId)) throw missing();
    // Odoo 17+ escapes a plain string body; HTML goes through only with body_is_html.
    const html = escapesPlainBody(version) && !body_is_html ? escapeHtml(body) : String(body);
    const id = nextId('mail.message');
    const author = tables['res.users'].get(uid)?.partner_id ?? false;
    tables['mail.message'].set(id, { id, model, res_id: resId, body: html, message_type, subtype_xmlid, author_id: author, subject, partner_ids, date: new Date().toISOString() });
    return id;
  }

  function callKw(uid, model, method, args = [], kwargs = {}) {
    const context = kwargs.context ?? {};
    const lang = typeof context.lang === 'string' ? context.lang : 'en_US';
    calls.push({ model, method, context });
    fieldsOf(model);
    // ir.module.module is readable by administrators only (base's access rules); others get an
    // AccessError unless base_install_request grants them more.
    if (model === 'ir.module.module' && uid !== 2) throw accessError(model);
    const table = tables[model];
    const ids = () => {
      const list = Array.isArray(args[0]) ? args[0] : [args[0]];
      for (const id of list) if (!table.has(id)) throw missing();
      return list;
    };
    switch (method) {
      case 'search_read': {
        const domain = kwargs.domain ?? args[0] ?? [];
        const rows = search(model, domain, { offset: kwargs.offset ?? 0, limit: kwargs.limit ?? null, order: kwargs.order ?? null });
        return readRecs(model, rows, kwargs.fields ?? args[1], lang);
      }
      case 'search_count':
        return search(model, kwargs.domain ?? args[0] ?? []).length;
      case 'read':
        return readRecs(model, ids().map((id) => table.get(id)), kwargs.fields ?? args[1], lang);
      case 'create': {
        const list = Array.isArray(args[0]) ? args[0] : [args[0]];
        const created = list.map((sent) => {
          let vals = checkVals(model, sent);
          if (model === 'mail.activity') {
            // Defaults of mail_activity.py: user_id the current user, date_deadline today.
            vals = { note: '', summary: false, user_id: uid, date_deadline: today(), ...vals };
            checkRequired(model, vals);
            const target = tables[tables['ir.model'].get(vals.res_model_id)?.model]?.get(vals.res_id);
            if (!target) throw missing();
            vals.res_name = target.name;
          }
          if (model === 'mail.scheduled.message') {
            vals = { partner_ids: [], ...vals };
            checkRequired(model, vals);
            if (!(Date.parse(`${String(vals.scheduled_date).replace(' ', 'T')}Z`) > Date.now())) throw new OdooError('odoo.exceptions.ValidationError', 'A Scheduled Message cannot be scheduled in the past');
          }
          if (model === 'crm.lead') {
            // A new lead's probability is computed from its stage (crm_lead.py); the double's
            // first stage gives 10. The salesperson defaults to the current user.
            vals = { partner_id: false, probability: 10, user_id: uid, type: 'lead', ...vals };
          }
          checkRequired(model, vals);
          const id = nextId(model);
          table.set(id, { id, ...vals });
          return id;
        });
        return Array.isArray(args[0]) ? created : created[0];
      }
      case 'write': {
        const vals = checkVals(model, args[1] ?? {});
        for (const id of ids()) table.set(id, { ...table.get(id), ...vals });
        return true;
      }
      case 'unlink':
        for (const id of ids()) table.delete(id);
        return true;
      case 'action_feedback': {
        if (model !== 'mail.activity') break;
        const messages = [];
        for (const id of ids()) {
          const act = computed(model, table.get(id));
          const type = tables['mail.activity.type'].get(act.activity_type_id)?.name ?? 'Activity';
          const feedback = kwargs.feedback ?? args[1] ?? '';
          const body = `<p>${escapeHtml(type)} done${act.summary ? `: ${escapeHtml(act.summary)}` : ''}</p>${feedback ? `<p>${escapeHtml(feedback)}</p>` : ''}`;
          messages.push(post(act.res_model, act.res_id, uid, { body, body_is_html: true, message_type: 'notification', subtype_xmlid: 'mail.mt_activities' }));
          table.delete(id);
        }
        return messages[0] ?? false;
      }
      case 'message_post': {
        // Odoo 16's message_post hands unknown arguments to mail.message, which refuses them.
        if (version < 17 && 'body_is_html' in kwargs) throw new OdooError('builtins.ValueError', "Invalid field 'body_is_html' on model 'mail.message'");
        const [id] = ids();
        return post(model, id, uid, kwargs);
      }
      case 'fields_get': {
        const wanted = kwargs.allfields ?? args[0] ?? null;
        const fields = fieldsOf(model);
        const names = (wanted && wanted.length ? wanted : Object.keys(fields)).filter((f) => f in fields);
        return Object.fromEntries(names.map((f) => [f, { type: fields[f].type, required: Boolean(fields[f].required), readonly: Boolean(fields[f].readonly) }]));
      }
      default:
        break;
    }
    throw new OdooError('builtins.AttributeError', `The method '${method}' does not exist on the model '${model}'`);
  }

  // ---- HTTP -------------------------------------------------------------------------------
  const sidOf = (req) => /(?:^|;\s*)session_id=([^;]+)/.exec(req.headers.cookie ?? '')?.[1] ?? null;
  const sessionUid = (req) => {
    const s = sessions.get(sidOf(req));
    if (!s || s.expiresAt < Date.now()) throw new OdooError('odoo.http.SessionExpiredException', 'Session expired', 100);
    return s.uid;
  };
  const sessionInfo = (uid) => {
    const user = tables['res.users'].get(uid);
    return {
      uid, is_system: uid === 2, name: user.name, username: user.login, partner_id: user.partner_id, db,
      server_version: played.serverVersion, server_version_info: played.versionInfo,
      user_context: { lang: user.lang || 'en_US', tz: user.tz || false, uid },
    };
  };
  const bearerUid = (req) => {
    const key = /^bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
    const user = [...tables['res.users'].values()].find((u) => key === `key-${u.login}`);
    const dbHeader = req.headers['x-odoo-database'];
    if (!user || (dbHeader !== undefined && dbHeader !== db)) {
      throw Object.assign(new OdooError('werkzeug.exceptions.Unauthorized', 'Invalid apikey'), { status: 401 });
    }
    return user.id;
  };
  const login = (dbName, loginName, password) => {
    if (dbName !== db) throw new OdooError('odoo.exceptions.AccessDenied', 'Access Denied');
    const user = [...tables['res.users'].values()].find((u) => u.login === loginName && u.password === password);
    if (!user) throw new OdooError('odoo.exceptions.AccessDenied', 'Access Denied');
    return user.id;
  };
  const apiKeyUid = (dbName, uid, key) => {
    const user = tables['res.users'].get(uid);
    if (dbName !== db || !user || key !== `key-${user.login}`) throw new OdooError('odoo.exceptions.AccessDenied', 'Access Denied');
    return uid;
  };

  function route(req, path, params) {
    if (path === '/web/session/authenticate') {
      const uid = login(params.db, params.login, params.password);
      const sid = crypto.randomBytes(20).toString('hex');
      sessions.set(sid, { uid, expiresAt: Date.now() + sessionTtlMs });
      return { result: sessionInfo(uid), cookie: `session_id=${sid}; HttpOnly; Path=/; SameSite=Lax` };
    }
    if (path === '/web/session/get_session_info') return { result: sessionInfo(sessionUid(req)) };
    const m = /^\/web\/dataset\/call_kw(?:\/([\w.]+)\/(\w+))?$/.exec(path);
    if (m) return { result: callKw(sessionUid(req), params.model, params.method, params.args, params.kwargs) };
    if (path === '/jsonrpc') {
      if (params.service === 'common' && params.method === 'version') return { result: { server_version: played.serverVersion, server_version_info: played.versionInfo } };
      if (params.service === 'common' && params.method === 'authenticate') {
        const [dbName, loginName, key] = params.args;
        const user = [...tables['res.users'].values()].find((u) => u.login === loginName);
        return { result: user && dbName === db && key === `key-${user.login}` ? user.id : false };
      }
      if (params.service === 'object' && params.method === 'execute_kw') {
        const [dbName, uid, key, model, method, args, kwargs] = params.args;
        return { result: callKw(apiKeyUid(dbName, uid, key), model, method, args, kwargs) };
      }
    }
    return null;
  }

  const server = http.createServer((req, res) => {
    if (down) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://x');
    if (serveKanbanFixture(req, res, url.pathname)) return; // GET /kanban-fixture/…
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      let id = null;
      const reply = (status, payload, headers = {}) => {
        res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
        res.end(JSON.stringify(payload));
      };
      if (req.method !== 'POST') return reply(404, { error: 'not found' });
      const j2 = /^\/json\/2\/([\w.]+)\/(\w+)$/.exec(url.pathname);
      if (j2 && hasJson2(version)) return answerJson2(req, j2[1], j2[2], body, reply);
      try {
        const msg = JSON.parse(body || '{}');
        id = msg.id ?? null;
        const started = performance.now();
        const before = calls.length;
        const out = route(req, url.pathname, msg.params ?? {});
        // How long the double itself took to answer (benchmarks take it out of their figures).
        if (calls.length > before) calls[calls.length - 1].ms = performance.now() - started;
        if (!out) return reply(404, { jsonrpc: '2.0', id, error: { code: 404, message: '404: Not Found', data: { name: 'werkzeug.exceptions.NotFound', message: 'Not Found' } } });
        // odoo/http.py (JsonRPCDispatcher._response): no `result` key when the method returned None.
        const payload = out.result === null || out.result === undefined ? { jsonrpc: '2.0', id } : { jsonrpc: '2.0', id, result: out.result };
        reply(200, payload, out.cookie ? { 'Set-Cookie': out.cookie } : {});
      } catch (e) {
        const err = e instanceof OdooError ? e : new OdooError('builtins.Exception', String(e?.message ?? e));
        reply(200, {
          jsonrpc: '2.0', id,
          error: {
            code: err.code === 100 ? 100 : serverErrorCode(version),
            message: err.code === 100 ? 'Odoo Session Expired' : 'Odoo Server Error',
            data: { name: err.odooName, debug: `Traceback (most recent call last):\n${err.odooName}: ${err.message}`, message: err.message, arguments: [err.message], context: {} },
          },
        });
      }
    });
  });
  /** JSON-2: the result alone, or an HTTP error status with serialize_exception's object. */
  function answerJson2(req, model, method, raw, reply) {
    const status = { 'odoo.exceptions.AccessDenied': 401, 'odoo.exceptions.AccessError': 403, 'odoo.exceptions.MissingError': 404, 'odoo.exceptions.UserError': 422, 'odoo.exceptions.ValidationError': 422 };
    try {
      const uid = bearerUid(req);
      let body;
      try {
        body = JSON.parse(raw || '{}');
      } catch {
        throw new Json2Error(400, 'werkzeug.exceptions.BadRequest', 'could not parse the body as json');
      }
      if (!MODELS[model]) throw new Json2Error(404, 'werkzeug.exceptions.NotFound', `the model '${model}' does not exist`);
      const { args, kwargs } = json2Call(model, method, body);
      const started = performance.now();
      const result = callKw(uid, model, method, args, kwargs);
      calls[calls.length - 1].ms = performance.now() - started;
      calls[calls.length - 1].json2 = true;
      reply(200, result ?? null);
    } catch (e) {
      const name = e.odooName ?? 'builtins.Exception';
      const code = e.status ?? status[name] ?? 500;
      reply(code, { name, message: e.message, arguments: [e.message], context: {}, debug: `Traceback (most recent call last):\n${name}: ${e.message}` });
    }
  }

  await new Promise((r) => server.listen(opts.port ?? 0, '127.0.0.1', r));
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    db,
    version,
    /** What the server says it is: "18.0", "saas~18.2"… */
    serverVersion: played.serverVersion,
    calls,
    /** Direct access to the records, for assertions. */
    table: (model) => [...tables[model].values()].map((r) => computed(model, r)),
    /** Every session ends, as after a server restart or a long idle. */
    expireSessions: () => sessions.clear(),
    /** Connections are refused until `up()` (the server is unreachable). */
    down: () => (down = true),
    up: () => (down = false),
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
  };
}

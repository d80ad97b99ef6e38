/**
 * Calls to Odoo, in the two ways a user can connect: the browser's own logged-in session
 * (JSON-RPC; its cookie goes along; needs the origin's host permission), or an API key — on
 * /jsonrpc up to 18, on the JSON-2 API (`/json/2/…`, bearer key) from 19, whose /jsonrpc is
 * deprecated. Every ORM call carries the user's context (language, time zone) once known.
 * Always resolves: failures come back as `OdooFailure`s, never as thrown errors.
 */
import { t } from '../../i18n';
import { dialectFor, type OdooDialect } from './dialect';
import { isNetworkFailure } from '../../plain-words';
import { failureFromRpcError, unreachable, type OdooResult } from './errors';
import { json2Body } from './json2';

/** A browser's "Failed to fetch" in words a user reads. */
const networkWords = (message: string): string => (isNetworkFailure(message) ? t('odoo.error.noAnswer') : message);

export type OdooAuth =
  | { mode: 'session' }
  | { mode: 'apiKey'; db: string; login: string; key: string };

export interface OdooRpcOptions {
  /** The Odoo origin, e.g. "https://mycompany.odoo.com". */
  baseUrl: string;
  auth: OdooAuth;
  /** `fetch` to use (tests pass one with a cookie jar). */
  fetch?: typeof fetch;
  /** The whole exchange, answer body included (15 s by default). */
  timeoutMs?: number;
  /** The server's version differences, when already known (a stored connection). */
  dialect?: OdooDialect;
  /** The user's context sent with every ORM call (lang, tz). */
  context?: OdooContext;
}

export interface OdooContext {
  lang?: string;
  tz?: string;
}

export interface CallOptions {
  /** Ends the call early (a drain's overall deadline): it fails as unreachable. */
  signal?: AbortSignal;
}

export interface OdooRpc {
  readonly baseUrl: string;
  /** POST a JSON-RPC `call` to `path` with `params`. */
  call<T>(path: string, params: Record<string, unknown>, opts?: CallOptions): Promise<OdooResult<T>>;
  /** An ORM method: call_kw on the session, execute_kw with the API key. */
  callKw<T>(model: string, method: string, args?: unknown[], kwargs?: Record<string, unknown>, opts?: CallOptions): Promise<OdooResult<T>>;
  /** Requests made so far (for round-trip counts). */
  readonly requests: number;
  /** What this Odoo's version does differently (the oldest behaviour until Connect finds out). */
  readonly dialect: OdooDialect;
  readonly context: OdooContext;
  /** Set once the version and the user's context are known. */
  configure(c: { dialect?: OdooDialect; context?: OdooContext }): void;
}

/** Until the version is known: what every supported version accepts. */
const UNKNOWN = dialectFor(16, '');

export function odooRpc(o: OdooRpcOptions): OdooRpc {
  const doFetch = o.fetch ?? globalThis.fetch.bind(globalThis);
  let requests = 0;
  let seq = 0;
  let apiUid: number | null = null;
  let dialect = o.dialect ?? UNKNOWN;
  let context: OdooContext = { ...o.context };

  /**
   * One POST and its whole answer, under one timer: a server or proxy that sends the headers and
   * then stalls the body must not hold the caller (and the outbox's lock) forever.
   */
  async function exchange(path: string, payload: unknown, headers: Record<string, string>, opts: CallOptions): Promise<OdooResult<{ status: number; body: unknown }>> {
    const ms = o.timeoutMs ?? 15_000;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => ((timedOut = true), controller.abort()), ms);
    const stop = () => controller.abort();
    opts.signal?.addEventListener('abort', stop);
    if (opts.signal?.aborted) stop();
    // A fetch that ignores the signal while reading the body is still cut off here.
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(new Error('aborted')));
    });
    aborted.catch(() => undefined);
    try {
      const res = await Promise.race([
        doFetch(new URL(path, o.baseUrl).href, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
          credentials: o.auth.mode === 'session' ? 'include' : 'omit',
          body: JSON.stringify(payload),
          signal: controller.signal,
        }),
        aborted,
      ]);
      const status = res.status;
      if (status >= 500) {
        res.body?.cancel().catch(() => undefined);
        return { ok: false, failure: unreachable(o.baseUrl, `HTTP ${status}`) };
      }
      const text = await Promise.race([res.text(), aborted]);
      try {
        return { ok: true, value: { status, body: JSON.parse(text) as unknown } };
      } catch {
        return { ok: false, failure: { kind: 'protocol', message: `Odoo answered ${path} with something that is not JSON-RPC (HTTP ${status}).` } };
      }
    } catch (e) {
      const detail = timedOut
        ? t('odoo.error.timeout', Math.ceil(ms / 1000))
        : controller.signal.aborted ? t('odoo.error.stopped') : networkWords(e instanceof Error ? e.message : String(e));
      return { ok: false, failure: unreachable(o.baseUrl, detail) };
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', stop);
      controller.abort();
    }
  }

  async function call<T>(path: string, params: Record<string, unknown>, opts: CallOptions = {}): Promise<OdooResult<T>> {
    requests++;
    const r = await exchange(path, { jsonrpc: '2.0', method: 'call', id: ++seq, params }, {}, opts);
    if (!r.ok) return r;
    const { status, body } = r.value;
    const msg = body as { jsonrpc?: unknown; result?: unknown; error?: Parameters<typeof failureFromRpcError>[0] };
    if (msg && typeof msg === 'object' && msg.error) return { ok: false, failure: failureFromRpcError(msg.error, o.baseUrl) };
    // Odoo leaves `result` out when the method returned None (odoo/http.py, _response).
    if (!msg || typeof msg !== 'object' || msg.jsonrpc !== '2.0') {
      return { ok: false, failure: { kind: 'protocol', message: `Odoo answered ${path} without a result (HTTP ${status}).` } };
    }
    return { ok: true, value: ('result' in msg ? msg.result : null) as T };
  }

  /** One call on the JSON-2 API: named arguments in, the bare result (or an HTTP error) out. */
  async function callJson2<T>(auth: Extract<OdooAuth, { mode: 'apiKey' }>, model: string, method: string, args: unknown[], kwargs: Record<string, unknown>, opts: CallOptions): Promise<OdooResult<T>> {
    const body = json2Body(method, args, kwargs);
    if (!body) return { ok: false, failure: { kind: 'protocol', message: `${model}.${method} cannot be called on Odoo ${dialect.version}'s JSON-2 API.` } };
    requests++;
    const headers: Record<string, string> = { Authorization: `bearer ${auth.key}`, ...(auth.db ? { 'X-Odoo-Database': auth.db } : {}) };
    const r = await exchange(`/json/2/${model}/${method}`, body, headers, opts);
    if (!r.ok) return r;
    const { status, body: answer } = r.value;
    if (status >= 200 && status < 300) {
      const single = method === 'create' && !Array.isArray(args[0]) && Array.isArray(answer);
      return { ok: true, value: (single ? (answer as unknown[])[0] : answer) as T };
    }
    const err = answer as { name?: unknown; message?: unknown } | null;
    if (status === 401) return { ok: false, failure: failureFromRpcError({ data: { name: 'odoo.exceptions.AccessDenied' } }, o.baseUrl) };
    if (err && typeof err === 'object' && typeof err.name === 'string') return { ok: false, failure: failureFromRpcError({ data: err }, o.baseUrl) };
    return { ok: false, failure: { kind: 'protocol', message: `Odoo answered ${model}.${method} with HTTP ${status}.` } };
  }

  async function keyUid(auth: Extract<OdooAuth, { mode: 'apiKey' }>, opts: CallOptions): Promise<OdooResult<number>> {
    if (apiUid !== null) return { ok: true, value: apiUid };
    const r = await call<number | false>('/jsonrpc', { service: 'common', method: 'authenticate', args: [auth.db, auth.login, auth.key, {}] }, opts);
    if (!r.ok) return r;
    if (r.value === false) return { ok: false, failure: failureFromRpcError({ data: { name: 'odoo.exceptions.AccessDenied' } }, o.baseUrl) };
    apiUid = r.value;
    return { ok: true, value: apiUid };
  }

  async function callKw<T>(model: string, method: string, args: unknown[] = [], given: Record<string, unknown> = {}, opts: CallOptions = {}): Promise<OdooResult<T>> {
    const auth = o.auth;
    const kwargs = Object.keys(context).length > 0 ? { ...given, context: { ...context, ...(given.context as object | undefined) } } : given;
    if (auth.mode === 'apiKey' && dialect.json2) return callJson2<T>(auth, model, method, args, kwargs, opts);
    if (auth.mode === 'session') return call<T>(`/web/dataset/call_kw/${model}/${method}`, { model, method, args, kwargs }, opts);
    const uid = await keyUid(auth, opts);
    if (!uid.ok) return uid;
    return call<T>('/jsonrpc', { service: 'object', method: 'execute_kw', args: [auth.db, uid.value, auth.key, model, method, args, kwargs] }, opts);
  }

  return {
    baseUrl: o.baseUrl,
    call,
    callKw,
    get requests() {
      return requests;
    },
    get dialect() {
      return dialect;
    },
    get context() {
      return context;
    },
    configure(c) {
      if (c.dialect) dialect = c.dialect;
      if (c.context) context = { ...c.context };
    },
  };
}

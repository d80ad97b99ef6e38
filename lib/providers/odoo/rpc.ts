/**
 * JSON-RPC to Odoo, in the two ways a user can connect: the browser's own logged-in session
 * (its cookie goes along; needs the origin's host permission), or an API key on /jsonrpc.
 * Always resolves: failures come back as `OdooFailure`s, never as thrown errors.
 */
import { failureFromRpcError, unreachable, type OdooResult } from './errors';

export type OdooAuth =
  | { mode: 'session' }
  | { mode: 'apiKey'; db: string; login: string; key: string };

export interface OdooRpcOptions {
  /** The Odoo origin, e.g. "https://mycompany.odoo.com". */
  baseUrl: string;
  auth: OdooAuth;
  /** `fetch` to use (tests pass one with a cookie jar). */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface OdooRpc {
  readonly baseUrl: string;
  /** POST a JSON-RPC `call` to `path` with `params`. */
  call<T>(path: string, params: Record<string, unknown>): Promise<OdooResult<T>>;
  /** An ORM method: call_kw on the session, execute_kw with the API key. */
  callKw<T>(model: string, method: string, args?: unknown[], kwargs?: Record<string, unknown>): Promise<OdooResult<T>>;
  /** Requests made so far (for round-trip counts). */
  readonly requests: number;
}

export function odooRpc(o: OdooRpcOptions): OdooRpc {
  const doFetch = o.fetch ?? globalThis.fetch.bind(globalThis);
  let requests = 0;
  let seq = 0;
  let apiUid: number | null = null;

  async function call<T>(path: string, params: Record<string, unknown>): Promise<OdooResult<T>> {
    requests++;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), o.timeoutMs ?? 15_000);
    let res: Response;
    try {
      res = await doFetch(new URL(path, o.baseUrl).href, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: o.auth.mode === 'session' ? 'include' : 'omit',
        body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: ++seq, params }),
        signal: controller.signal,
      });
    } catch (e) {
      return { ok: false, failure: unreachable(o.baseUrl, e instanceof Error ? e.message : String(e)) };
    } finally {
      clearTimeout(timer);
    }
    if (res.status >= 500) return { ok: false, failure: unreachable(o.baseUrl, `HTTP ${res.status}`) };
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      return { ok: false, failure: { kind: 'protocol', message: `Odoo answered ${path} with something that is not JSON-RPC (HTTP ${res.status}).` } };
    }
    const msg = body as { result?: unknown; error?: Parameters<typeof failureFromRpcError>[0] };
    if (msg && typeof msg === 'object' && msg.error) return { ok: false, failure: failureFromRpcError(msg.error, o.baseUrl) };
    if (!msg || typeof msg !== 'object' || !('result' in msg)) {
      return { ok: false, failure: { kind: 'protocol', message: `Odoo answered ${path} without a result (HTTP ${res.status}).` } };
    }
    return { ok: true, value: msg.result as T };
  }

  async function keyUid(auth: Extract<OdooAuth, { mode: 'apiKey' }>): Promise<OdooResult<number>> {
    if (apiUid !== null) return { ok: true, value: apiUid };
    const r = await call<number | false>('/jsonrpc', { service: 'common', method: 'authenticate', args: [auth.db, auth.login, auth.key, {}] });
    if (!r.ok) return r;
    if (r.value === false) return { ok: false, failure: failureFromRpcError({ data: { name: 'odoo.exceptions.AccessDenied' } }, o.baseUrl) };
    apiUid = r.value;
    return { ok: true, value: apiUid };
  }

  async function callKw<T>(model: string, method: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}): Promise<OdooResult<T>> {
    const auth = o.auth;
    if (auth.mode === 'session') return call<T>(`/web/dataset/call_kw/${model}/${method}`, { model, method, args, kwargs });
    const uid = await keyUid(auth);
    if (!uid.ok) return uid;
    return call<T>('/jsonrpc', { service: 'object', method: 'execute_kw', args: [auth.db, uid.value, auth.key, model, method, args, kwargs] });
  }

  return {
    baseUrl: o.baseUrl,
    call,
    callKw,
    get requests() {
      return requests;
    },
  };
}

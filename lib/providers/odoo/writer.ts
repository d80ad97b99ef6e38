/**
 * Writes the widget and the phone make in Odoo go through here: sent at once when Odoo answers,
 * kept in the outbox when it cannot be reached or the session ended (then sent in order later),
 * and never sent ahead of older writes still waiting.
 */
import type { OdooFailure, OdooResult } from './errors';
import type { DrainResult, OdooWrite, Outbox } from './outbox';
import type { OdooRpc } from './rpc';

/** Failures after which a write is kept for later rather than refused. */
const KEEP: ReadonlySet<OdooFailure['kind']> = new Set(['unreachable', 'sessionExpired']);

export type WriteOutcome<T> = { queued: false; value: T } | { queued: true; failure: OdooFailure };

export interface OdooWriter {
  send<T>(write: OdooWrite, label: string): Promise<OdooResult<WriteOutcome<T>>>;
  drain(): Promise<DrainResult>;
  pending(): Promise<number>;
}

export function odooWriter(rpc: OdooRpc, outbox: Outbox): OdooWriter {
  return {
    async send<T>(write: OdooWrite, label: string): Promise<OdooResult<WriteOutcome<T>>> {
      if ((await outbox.pending()).length > 0) {
        // Older writes wait: this one goes behind them, in order.
        await outbox.add(write, label);
        const d = await outbox.drain(rpc);
        if (d.state === 'waiting') return { ok: true, value: { queued: true, failure: d.failure } };
        return { ok: true, value: { queued: false, value: undefined as T } };
      }
      const r = await rpc.callKw<T>(write.model, write.method, write.args, write.kwargs);
      if (r.ok) return { ok: true, value: { queued: false, value: r.value } };
      if (!KEEP.has(r.failure.kind)) return r;
      await outbox.add(write, label);
      return { ok: true, value: { queued: true, failure: r.failure } };
    },
    drain: () => outbox.drain(rpc),
    async pending() {
      return (await outbox.pending()).length;
    },
  };
}

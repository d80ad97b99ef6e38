/**
 * How a channel of the protocol is written: a map from message name to an entry that checks the
 * payload (copying only known fields) and names, as a type, what the receiver answers. Parsers
 * and handler maps are derived from the map, so the compiler finds a message without a handler.
 */
import { isObj, type Obj } from './validate';

export interface Entry<P extends object, R> {
  /** The payload without `type`, or null when anything is malformed. */
  parse(m: Obj): P | null;
  /** Type only: what the receiver answers. */
  readonly reply?: R;
}

export function entry<P extends object, R>(parse: (m: Obj) => P | null): Entry<P, R> {
  return { parse };
}

/** A message that carries nothing but its name. */
export function bare<R>(): Entry<Record<never, never>, R> {
  return { parse: () => ({}) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Channel = Record<string, Entry<any, unknown>>;
export type PayloadOf<E> = E extends Entry<infer P, unknown> ? P : never;
export type ReplyOf<E> = E extends Entry<object, infer R> ? R : never;
/** One message of a channel (`K` picks which; all of them by default). */
export type MessageOf<C extends Channel, K extends keyof C = keyof C> = K extends keyof C ? { type: K } & PayloadOf<C[K]> : never;

/** Checks a raw message against a channel; returns the copy to use, or null. */
export function parserFor<C extends Channel>(channel: C): (m: unknown) => MessageOf<C> | null {
  return (m) => {
    if (!isObj(m) || typeof m.type !== 'string' || !Object.hasOwn(channel, m.type)) return null;
    const payload = channel[m.type]!.parse(m);
    return payload ? ({ ...payload, type: m.type } as MessageOf<C>) : null;
  };
}

/** A handler for every message of a channel: a missing one is a compile error. */
export type Handlers<C extends Channel, Ctx = void> = {
  [K in keyof C]: (msg: MessageOf<C, K>, ctx: Ctx) => Promise<ReplyOf<C[K]>>;
};

export function dispatch<C extends Channel, Ctx>(handlers: Handlers<C, Ctx>, msg: MessageOf<C>, ctx: Ctx): Promise<unknown> {
  const handler = handlers[msg.type as keyof C] as (m: MessageOf<C>, c: Ctx) => Promise<unknown>;
  return handler(msg, ctx);
}

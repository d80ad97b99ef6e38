import type { PhoneError } from './errors';

/**
 * What every command and message answers: a value, or why not. The error is a PhoneError (with
 * its fix) unless a channel says otherwise (a content script gets a sentence to show).
 */
export type Result<T = undefined, E = PhoneError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const done: { ok: true; value: undefined } = { ok: true, value: undefined };
export const fail = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });

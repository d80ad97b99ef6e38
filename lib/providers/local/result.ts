import { t, type MessageKey } from '../../i18n';
import type { ProviderResult } from '../types';

export const ok = <T>(value: T): ProviderResult<T> => ({ ok: true, value });

export const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/**
 * The provider interface promises never to throw, but IndexedDB can fail at any call (quota,
 * private mode, a closed connection): every method runs inside this and turns errors into reasons.
 */
export async function guard<T>(what: MessageKey, run: () => Promise<ProviderResult<T>>): Promise<ProviderResult<T>> {
  try {
    return await run();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(t(what, detail));
  }
}

export function newId(): string {
  return crypto.randomUUID();
}

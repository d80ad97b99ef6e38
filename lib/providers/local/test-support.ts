/** Helpers for this folder's unit tests (which load fake-indexeddb themselves). */
import type { ContactDraft, ProviderResult } from '../types';
import { createLocalProvider } from './index';
import type { LocalDataProvider, LocalProviderOptions } from './index';

let databases = 0;

/** A provider on a database no other test uses. */
export function freshProvider(opts: Omit<LocalProviderOptions, 'dbName'> = {}): LocalDataProvider {
  databases += 1;
  return createLocalProvider({ dbName: `test-${databases}-${Math.random()}`, ...opts });
}

export function draft(fields: Partial<ContactDraft>): ContactDraft {
  return { name: '', company: '', email: '', phones: [], recordUrl: '', recordName: '', ...fields };
}

/** The value of a result the test expects to succeed; a failure fails the test with its reason. */
export function value<T>(result: ProviderResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason}`);
  return result.value;
}

export function reason<T>(result: ProviderResult<T>): string {
  if (result.ok) throw new Error('expected a failure, got ok');
  return result.reason;
}

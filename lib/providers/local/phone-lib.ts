import type * as PhoneNumbers from '../../phone-number';

export type PhoneLib = Pick<typeof PhoneNumbers, 'normaliseNumber' | 'nationalForms'>;

let loading: Promise<PhoneLib> | null = null;

/**
 * libphonenumber with its ~200 KB of metadata. Only writes (normalising and indexing numbers)
 * and caller ID need it, so it loads on first use and the popup's first list does not wait for it.
 */
export function phoneLib(): Promise<PhoneLib> {
  loading ??= import('../../phone-number');
  return loading;
}

import type { Activity, Contact } from '../../../lib/providers/types';
import type { CallSnapshot } from '../../../lib/sip/types';
import type { DataSource } from './data-source.svelte';
import { KeptByCall } from './by-call';

/** Who a call is with, as the widget knew it when the call was placed. */
export interface Party {
  name: string;
  company: string;
  /** The activity (or lead) the call is about, or ''. */
  subject: string;
}

/** Kept for the browser session (not on disk), so a popup reopened mid-call still knows. */
export const LINE_KEY = 'softphone.onTheLine';

export const partyOfContact = (c: Contact): Party => ({ name: c.name, company: c.company, subject: '' });
export const partyOfActivity = (a: Activity, contact: Contact | null = null): Party =>
  ({ name: a.contactName || contact?.name || '', company: contact?.company ?? '', subject: a.summary });

/**
 * Name, company and subject of the far end of a call. A call placed from a contact or activity is
 * remembered by its id; any other call (the dialer, a page, a reopened popup that lost it) is
 * matched by its number against the contacts, as incoming calls are.
 */
export class OnTheLine {
  #byCall = $state.raw<Record<string, Party>>({});
  #byNumber = $state.raw<Record<string, Party | null>>({});
  readonly #source: DataSource;
  readonly #kept = new KeptByCall<Party>(LINE_KEY);

  constructor(source: DataSource) {
    this.#source = source;
  }

  /** Reads what an earlier popup remembered. */
  async load(): Promise<void> {
    this.#byCall = { ...(await this.#kept.read()), ...this.#byCall };
  }

  async remember(callId: string, party: Party): Promise<void> {
    this.#byCall = await this.#kept.write(this.#byCall, callId, party);
  }

  /** Run in an effect while a call is shown: asks the contacts about its number, once per number. */
  identify(call: CallSnapshot): void {
    const number = call.remoteNumber;
    if (number && !(number in this.#byNumber)) void this.#match(number);
  }

  /** What is known of the call's far end now. */
  party(call: CallSnapshot): Party | null {
    const known = this.#byCall[call.id];
    const number = call.remoteNumber;
    const matched = number ? this.#byNumber[number] : null;
    if (known) return { ...known, company: known.company || matched?.company || '' };
    if (call.remoteName) return { name: call.remoteName, company: matched?.company ?? '', subject: '' };
    return matched ?? null;
  }

  async #match(number: string): Promise<void> {
    this.#byNumber = { ...this.#byNumber, [number]: null };
    const r = await (await this.#source.get()).contacts.matchNumber(number);
    if (r.ok && r.value) this.#byNumber = { ...this.#byNumber, [number]: partyOfContact(r.value) };
  }
}

import { KeptByCall } from './by-call';

export const NOTES_KEY = 'softphone.callNotes';

/**
 * Notes typed during a call, by call id: kept while the popup closes and opens again, and handed
 * to the call's wrap-up, which starts with them; forgotten once the wrap-up is saved or skipped.
 */
export class CallNotes {
  #byCall = $state.raw<Record<string, string>>({});
  readonly #kept = new KeptByCall<string>(NOTES_KEY);
  #saving: Promise<unknown> = Promise.resolve();

  async load(): Promise<void> {
    this.#byCall = { ...(await this.#kept.read()), ...this.#byCall };
  }

  of(callId: string): string {
    return this.#byCall[callId] ?? '';
  }

  /** Keeps what is typed, every key of it; the writes go one after the other. */
  set(callId: string, text: string): Promise<unknown> {
    this.#byCall = { ...this.#byCall, [callId]: text };
    this.#saving = this.#saving.then(() => this.#kept.write(this.#byCall, callId, text === '' ? undefined : text));
    return this.#saving;
  }

  forget(callId: string): Promise<unknown> {
    return this.set(callId, '');
  }
}

import browser from 'webextension-polyfill';

/** Entries kept at most: a day of calls, oldest forgotten first. */
const KEEP = 50;

/**
 * Something the widget knows about each call, by call id, kept for the browser session (not on
 * disk), so a popup closed and opened again mid-call still knows it.
 */
export class KeptByCall<T> {
  constructor(private readonly key: string) {}

  /** What an earlier popup kept. */
  async read(): Promise<Record<string, T>> {
    const got = (await browser.storage.session.get(this.key))[this.key];
    return got && typeof got === 'object' ? (got as Record<string, T>) : {};
  }

  /** `all` with `callId` set to `value` (or removed, for undefined), the newest last; saved. */
  async write(all: Record<string, T>, callId: string, value: T | undefined): Promise<Record<string, T>> {
    const rest = Object.fromEntries(Object.entries(all).filter(([id]) => id !== callId));
    const next = Object.fromEntries(Object.entries(value === undefined ? rest : { ...rest, [callId]: value }).slice(-KEEP));
    await browser.storage.session.set({ [this.key]: next });
    return next;
  }
}

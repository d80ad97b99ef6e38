/**
 * The confirmation of a call a page asked for: a small window of the extension's own (no page can
 * reach, script or cover it) shows the number as it will be dialled, the contact if known, the
 * site that asked, and a warning for numbers that cost more or change the phone; Call is focused.
 * What waits for an answer lives here, in the background, keyed by an id the window is opened with.
 */
import browser from 'webextension-polyfill';
import { withTrust } from '../click-to-call/settings';
import { loadClickToCall, saveClickToCall } from '../click-to-call/site-switch';
import { phoneError } from '../errors';
import { PAGES } from '../extension-pages';
import type { PendingCallView } from '../messaging/background';
import type { CallRisk, DialTarget } from '../phone-number';
import { formatForReading } from '../phone-display';
import { currentProvider } from '../providers';
import { done, fail, ok, type Result } from '../result';
import { loadAccount } from '../settings/store';

export interface PendingCall {
  target: DialTarget;
  site: string | null;
  risk: CallRisk | null;
  /** What the user clicked on the page was hidden, covered, moved or stretched where they clicked. */
  unseen: boolean;
}

/** A confirmation nobody answered is dropped after this long (the window may be long gone). */
const EXPIRES_MS = 5 * 60_000;
const pending = new Map<string, PendingCall & { windowId: number | undefined; expires: number }>();

const gone = () => fail(phoneError('internal', 'This call request has expired.'));

function live(id: string) {
  const call = pending.get(id);
  if (call && call.expires > Date.now()) return call;
  pending.delete(id);
  return undefined;
}

/** Opens the confirmation (or brings back the one already open for that number). */
export async function askToConfirm(call: PendingCall): Promise<Result> {
  for (const [id, other] of pending) {
    if (!live(id) || other.target.number !== call.target.number) continue;
    if (other.windowId !== undefined) await browser.windows.update(other.windowId, { focused: true }).catch(() => undefined);
    return done;
  }
  const id = crypto.randomUUID();
  pending.set(id, { ...call, windowId: undefined, expires: Date.now() + EXPIRES_MS });
  const url = browser.runtime.getURL(`${PAGES.confirmCall}?id=${id}`);
  const win = await browser.windows.create({ url, type: 'popup', width: 380, height: 260, focused: true }).catch(() => undefined);
  const entry = pending.get(id);
  if (!win || !entry) {
    // No window, no yes: never leave a call waiting for an answer nobody can give.
    pending.delete(id);
    return fail(phoneError('internal', 'The window to confirm the call could not be opened.'));
  }
  entry.windowId = win.id;
  return done;
}

/** Closing the window without an answer is a No. */
export function watchConfirmWindows(): void {
  browser.windows.onRemoved.addListener((windowId) => {
    for (const [id, call] of pending) if (call.windowId === windowId) pending.delete(id);
  });
}

/** What the confirmation window shows. */
export async function pendingView(id: string): Promise<Result<PendingCallView>> {
  const call = live(id);
  if (!call) return gone();
  const match = await (await currentProvider()).contacts.matchNumber(call.target.number).catch(() => null);
  const name = match?.ok && match.value ? match.value.name : '';
  const { defaultCountry } = await loadAccount();
  return ok({ number: formatForReading(call.target.number, defaultCountry), name, site: call.site, risk: call.risk, unseen: call.unseen });
}

/** The user's answer. `trust`: calls from that site go without asking from now on. */
export async function answerPending(id: string, call: boolean, trust: boolean, place: (target: DialTarget) => Promise<Result>): Promise<Result> {
  const asked = live(id);
  pending.delete(id);
  if (!asked) return gone();
  if (!call) return done;
  if (trust && asked.site && !asked.risk && !asked.unseen) {
    await saveClickToCall(withTrust(await loadClickToCall(), asked.site, true));
  }
  return place(asked.target);
}

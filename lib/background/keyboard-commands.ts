/**
 * The keyboard commands (manifest `commands`, changeable at the browser's shortcuts page): each
 * works with every extension page closed, from the phone host's own state. Chrome suggests at most
 * four keys: Alt+Shift+P opens the popup, answer and hang up have keys, the rest are listed there
 * without one for the user to assign.
 */
import type { HostLink } from '../phone-host/link';
import { CallState } from '../sip/states';
import type { CallSnapshot, PhoneSnapshot } from '../sip/types';
import { createLogger } from '../log';

export const KEYBOARD_COMMANDS = ['answer', 'hangup', 'mute', 'open-dialer', 'toggle-dnd'] as const;
export type KeyboardCommand = (typeof KEYBOARD_COMMANDS)[number];

export interface KeyboardDeps {
  link: HostLink;
  openDialer(): Promise<void>;
  toggleDnd(): Promise<void>;
}

const log = createLogger('keys');

const ringing = (s: PhoneSnapshot) => s.calls.find((c) => c.state === CallState.Incoming);
/** The call in front: live, not ringing, the one not on hold first. */
function front(s: PhoneSnapshot): CallSnapshot | undefined {
  const lines = s.calls.filter((c) => c.state !== CallState.Ended && c.state !== CallState.Incoming);
  return lines.find((c) => !c.held) ?? lines[0];
}

/** The call in front, or every call of its conference (Hang up ends the conference, as its screen's Hang up all). */
function inFront(s: PhoneSnapshot, current: CallSnapshot): CallSnapshot[] {
  return current.conference ? s.calls.filter((c) => c.conference === current.conference && c.state !== CallState.Ended) : [current];
}

async function phoneState(link: HostLink): Promise<PhoneSnapshot | null> {
  const r = await link.send({ type: 'phone:getState' });
  return r.ok ? (r.value as PhoneSnapshot) : null;
}

/** Runs one keyboard command. A command with nothing to act on (Answer with no call ringing) does nothing, and says so in the log. */
export async function runKeyboardCommand(name: string, deps: KeyboardDeps): Promise<void> {
  if (name === 'open-dialer') return deps.openDialer();
  if (name === 'toggle-dnd') return deps.toggleDnd();
  const state = await phoneState(deps.link);
  if (!state) return;
  const incoming = ringing(state);
  const current = front(state);
  if (name === 'answer' && incoming) await deps.link.send({ type: 'phone:answer', callId: incoming.id });
  // Hang up stops the ringing first (a call waiting is declined); else it ends the call in front.
  else if (name === 'hangup' && incoming) await deps.link.send({ type: 'phone:decline', callId: incoming.id });
  else if (name === 'hangup' && current) for (const c of inFront(state, current)) await deps.link.send({ type: 'phone:hangup', callId: c.id });
  else if (name === 'mute' && current) await deps.link.send({ type: 'phone:mute', callId: current.id, muted: !current.muted });
  else log.debug('keyboard command with nothing to act on', name);
}

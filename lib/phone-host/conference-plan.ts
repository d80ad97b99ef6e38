/**
 * Which audio each call of a conference sends (pure; the mixer does it: conference-mixer.ts).
 * A call in a conference sends our microphone (its own capture) mixed with the far ends of the
 * other calls of its group, so everybody hears everybody; a call in no conference, or left alone
 * in one, sends its own microphone as usual.
 */
import { CallState } from '../sip/states';
import type { CallSnapshot } from '../sip/types';

export interface CallMix {
  callId: string;
  /** The calls whose far end this call's far end hears, beside our microphone. */
  hears: string[];
  /** Our microphone is off for the whole conference: muted, or on hold (we talk on another line). */
  micOff: boolean;
}

export function conferencePlan(calls: readonly CallSnapshot[]): CallMix[] {
  const groups = new Map<string, CallSnapshot[]>();
  for (const c of calls) {
    if (!c.conference || c.state !== CallState.Established) continue;
    groups.set(c.conference, [...(groups.get(c.conference) ?? []), c]);
  }
  return [...groups.values()]
    .filter((members) => members.length > 1)
    .flatMap((members) =>
      members.map((c) => ({ callId: c.id, hears: members.filter((o) => o !== c).map((o) => o.id), micOff: members.some((m) => m.muted || m.held) })),
    );
}

/** A call's first snapshot, and how it ended (the words Recent uses) from what happened to it. */
import { CallState, type CallOutcome } from './states';
import type { CallDirection, CallSnapshot } from './types';

export function newCall(id: string, direction: CallDirection, remoteNumber: string, remoteName: string, now: number): CallSnapshot {
  return {
    id, direction, remoteNumber, remoteName,
    state: direction === 'outgoing' ? CallState.Dialing : CallState.Incoming,
    startedAt: now, answeredAt: null, endedAt: null,
    muted: false, held: false,
    outcome: null, endCode: null, endReason: '',
    dtmfMode: null, transferTarget: null, reconnecting: false, error: null,
  };
}

export interface WhatHappened {
  transferred: boolean;
  /** Its connection went and it could not be restored. */
  dropped: boolean;
  /** We rejected it (incoming): 603 declined or 486 busy. */
  rejectedWith: number | null;
  /** We cancelled it before it was answered (outgoing). */
  cancelled: boolean;
  /** It ended on an error of ours (media, internal). */
  failed: boolean;
}

export function outcomeOf(snap: CallSnapshot, what: WhatHappened): CallOutcome {
  if (what.transferred) return 'transferred';
  if (what.dropped) return snap.answeredAt !== null ? 'dropped' : 'failed';
  if (snap.answeredAt !== null) return 'answered';
  if (snap.direction === 'incoming') {
    if (what.rejectedWith === 603) return 'declined';
    if (what.rejectedWith === 486) return 'busy';
    return what.failed ? 'failed' : 'missed';
  }
  if (what.cancelled) return 'cancelled';
  if (snap.endCode === 486 || snap.endCode === 600) return 'busy';
  if (snap.endCode === 603) return 'declined';
  return snap.endCode !== null ? 'rejected' : 'failed';
}

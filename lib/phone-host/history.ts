import type { Contact, HistoryEntry } from '../providers/types';
import { describeError } from '../errors';
import type { CallSnapshot } from '../sip/types';

/** What a finished call leaves in Recent. Missed calls start unseen (they light the badge). */
export function historyFromCall(call: CallSnapshot, contact: Contact | null): Omit<HistoryEntry, 'id'> {
  const answered = call.answeredAt !== null && call.endedAt !== null;
  // An incoming call ends busy only when the phone turned it away because the user was on another
  // call: for the user that is a missed call, and it lights the badge like one.
  const dnd = call.direction === 'incoming' && call.doNotDisturb === true;
  const whileOnCall = !dnd && call.direction === 'incoming' && call.outcome === 'busy';
  const outcome = whileOnCall || dnd ? 'missed' : (call.outcome ?? 'failed');
  // Recent shows the reason as is, so it is words, never an error code.
  // A transferred call's reason is where it went: Recent says "Transferred to …".
  const reason = whileOnCall || dnd
    ? ''
    : outcome === 'transferred' ? (call.transferTarget ?? '') :
    call.endCode !== null && outcome !== 'answered' && outcome !== 'dropped'
      ? `${call.endCode} ${call.endReason}`.trim()
      : call.error && (outcome === 'failed' || outcome === 'dropped')
        ? describeError(call.error).message
        : '';
  return {
    direction: call.direction,
    number: call.remoteNumber,
    contactId: contact?.id ?? null,
    contactName: contact?.name ?? call.remoteName,
    startedAt: call.startedAt,
    answeredAt: call.answeredAt,
    durationSec: answered ? Math.round(((call.endedAt as number) - (call.answeredAt as number)) / 1000) : 0,
    outcome,
    reason,
    seen: outcome !== 'missed',
    callId: call.id,
    ...(whileOnCall ? { whileOnCall: true } : {}),
    ...(dnd ? { doNotDisturb: true } : {}),
  };
}

/**
 * Conferences: two answered calls merged into one three-way call. The engine only keeps who is in
 * which group (each call's `conference` id); the phone host mixes the audio (each far end hears us
 * and the other far end: lib/phone-host/conference-mixer.ts) and plays both far ends here.
 */
import { phoneError } from '../errors';
import { t } from '../i18n';
import { done, fail, type Result } from '../result';
import type { CallBook } from './call-book';
import type { CallSession } from './call-session';
import { CallState } from './states';

/** The live calls of a conference group. */
export function membersOf(book: CallBook, group: string): CallSession[] {
  return book.live().filter((c) => c.conference === group);
}

/**
 * Merges `otherId` into `callId`'s call (or its conference): both are taken off hold and share
 * the front call's mute. Both must be answered, and not being transferred.
 */
export function merge(book: CallBook, callId: string, otherId: string): Result {
  const call = book.get(callId);
  const other = book.get(otherId);
  const label = (c: CallSession | undefined) => (c ? c.snapshot().remoteName || c.snapshot().remoteNumber : '');
  if (!call || !other || call === other) return fail(phoneError('conferenceFailed', t('conference.needTwo')));
  const notAnswered = [call, other].find((c) => c.state !== CallState.Established);
  if (notAnswered) return fail(phoneError('conferenceFailed', t('conference.notAnswered', label(notAnswered))));
  const group = call.conference ?? other.conference ?? `conference-${call.id}`;
  const muted = call.snapshot().muted;
  for (const c of [call, other]) {
    c.setConference(group);
    c.setMuted(muted);
    c.setHold(false);
  }
  return done;
}

/** Back to separate lines: `callId` stays in front, the others of its conference go on hold. */
export function split(book: CallBook, callId: string): Result {
  const call = book.get(callId);
  const group = call?.conference;
  if (!call || !group) return fail(phoneError('conferenceFailed', t('conference.notInOne')));
  const members = membersOf(book, group);
  // Leaving first: each call sends its own microphone again before the others' hold is asked for.
  for (const c of members) c.setConference(null);
  for (const c of members) if (c !== call) c.setHold(true);
  return done;
}

/** A call of `group` ended: a conference left with one call is no conference, that call talks on alone. */
export function memberLeft(book: CallBook, group: string | undefined): void {
  if (!group) return;
  const members = membersOf(book, group);
  if (members.length < 2) for (const c of members) c.setConference(null);
}

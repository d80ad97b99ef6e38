import { t } from '../../../lib/i18n';
import type { CallSnapshot } from '../../../lib/sip/types';

/**
 * The call on hold that the call in front can be connected to: the caller a consult call was made
 * for, or else the one other answered line when there are exactly two. Null when there is none.
 */
export function pairOf(current: CallSnapshot, lines: CallSnapshot[]): { held: CallSnapshot; consult: boolean } | null {
  const answered = (c: CallSnapshot) => c.state === 'established' || c.state === 'transferring';
  if (current.consultFor) {
    const held = lines.find((c) => c.id === current.consultFor && answered(c));
    if (held) return { held, consult: true };
  }
  const others = lines.filter((c) => c.id !== current.id && answered(c));
  return others.length === 1 && others[0] && answered(current) ? { held: others[0], consult: false } : null;
}

/** A line's state in words, with its time: "On a call · 1:05", "On hold · 0:42", "Ringing…". */
export function lineStateText(call: CallSnapshot, now: number): string {
  const seconds = call.answeredAt ? Math.max(0, Math.floor((now - call.answeredAt) / 1000)) : 0;
  const timer = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  if (call.state === 'dialing') return t('call.calling');
  if (call.state === 'ringing') return t('call.ringing');
  if (call.state === 'transferring') return t('call.transferring', call.transferTarget ?? '');
  return call.held ? t('call.onHold', timer) : t('lines.talking', timer);
}

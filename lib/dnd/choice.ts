/**
 * Do not disturb's durations, and when each ends. Pure, so the popup, the keyboard command and
 * the background agree on "until tomorrow 8:00" and the tests can pin the clock.
 */
import type { DoNotDisturb } from '../sip/types';

export const DND_CHOICES = ['hour', 'tomorrow', 'forever'] as const;
export type DndChoice = (typeof DND_CHOICES)[number];

export const isDndChoice = (v: unknown): v is DndChoice => typeof v === 'string' && (DND_CHOICES as readonly string[]).includes(v);

/** The hour "until tomorrow" ends at, local time. */
export const TOMORROW_HOUR = 8;

/** When a choice made at `now` ends: in an hour, tomorrow at 8:00 local time, or never by itself (null). */
export function dndFor(choice: DndChoice, now: Date): DoNotDisturb {
  if (choice === 'hour') return { until: now.getTime() + 60 * 60 * 1000 };
  if (choice === 'forever') return { until: null };
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, TOMORROW_HOUR, 0, 0, 0);
  return { until: end.getTime() };
}

/** Still on at `now`: a stored setting whose time has passed is off. */
export function dndActive(dnd: DoNotDisturb | null | undefined, now: number): dnd is DoNotDisturb {
  return !!dnd && (dnd.until === null || now < dnd.until);
}

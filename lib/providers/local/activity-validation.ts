import type { ActivityPatch } from '../types';
import { plural, t } from '../../i18n';

const MAX_SUMMARY = 200;
const MAX_NOTE = 10_000;

/** A real calendar date written YYYY-MM-DD (so 2026-02-30 is refused, not rolled into March). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Why these fields cannot be saved, in words for the user, or null. Absent fields are not checked. */
export function activityProblem(fields: ActivityPatch): string | null {
  if (fields.dueDate !== undefined && !isIsoDate(fields.dueDate)) {
    return `"${fields.dueDate}" is not a date (expected YYYY-MM-DD).`;
  }
  if (fields.summary !== undefined) {
    const summary = fields.summary.trim();
    if (summary === '') return t('data.activity.needsSummary');
    if (summary.length > MAX_SUMMARY) return plural('data.tooLong', MAX_SUMMARY, t('data.field.summary'));
  }
  if (fields.note !== undefined && fields.note.length > MAX_NOTE) {
    return plural('data.tooLong', MAX_NOTE, t('data.field.note'));
  }
  return null;
}

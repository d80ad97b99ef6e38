import { activeLanguage, plural, t } from './i18n';
import { intlTag } from './i18n/translator';

/** Local calendar date as YYYY-MM-DD (activities are due on days, not instants). */
export function localDate(at: Date = new Date()): string {
  const y = at.getFullYear();
  const m = String(at.getMonth() + 1).padStart(2, '0');
  const d = String(at.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

// Formatters are built once per language: toLocale*String with options builds a new Intl
// formatter on every call, which costs more than the rest of a list row.
const formatters = new Map<string, { time: Intl.DateTimeFormat; day: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat }>();

function formatsOf(language: string) {
  let made = formatters.get(language);
  if (!made) {
    const tag = intlTag(language);
    made = {
      time: new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' }),
      day: new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short' }),
      dateTime: new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }),
    };
    formatters.set(language, made);
  }
  return made;
}

/** A date and time in the active language ("24 nov. 2025, 14:05"). */
export function formatDateTime(ms: number): string {
  return formatsOf(activeLanguage()).dateTime.format(new Date(ms));
}

/** "14:05" today, "Yesterday 14:05", else "24 Nov 14:05". */
export function formatWhen(ms: number, now: Date = new Date()): string {
  const at = new Date(ms);
  const { time: TIME, day: DAY } = formatsOf(activeLanguage());
  const time = TIME.format(at);
  const day = localDate(at);
  if (day === localDate(now)) return time;
  if (day === localDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1))) return t('date.yesterdayAt', time);
  return `${DAY.format(at)} ${time}`;
}

/** "Today", "Yesterday", "3 days overdue" for a due date, relative to today. */
export function formatDue(dueDate: string, today: string): string {
  const days = Math.round((Date.parse(today) - Date.parse(dueDate)) / 86_400_000);
  if (days <= 0) return t('date.today');
  if (days === 1) return t('date.yesterday');
  return plural('date.overdue', days);
}

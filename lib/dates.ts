import { activeLanguage, plural } from './i18n';
import { intlTag } from './i18n/translator';

/** Local calendar date as YYYY-MM-DD (activities are due on days, not instants). */
export function localDate(at: Date = new Date()): string {
  const y = at.getFullYear();
  const m = String(at.getMonth() + 1).padStart(2, '0');
  const d = String(at.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

type DurationFormatCtor = new (tag: string, options: { style: 'short' }) => { format(d: Record<string, number>): string };

/** The pieces of a duration a person reads: hours and minutes only when there are some. */
function durationParts(seconds: number): Record<'hours' | 'minutes' | 'seconds', number> {
  const s = Math.max(0, Math.round(seconds));
  return { hours: Math.floor(s / 3600), minutes: Math.floor((s % 3600) / 60), seconds: s % 60 };
}

/**
 * Builds the duration writer of a language: Intl.DurationFormat where the browser has it
 * (Chrome 129+, Firefox 136+), else each unit by Intl.NumberFormat joined by Intl.ListFormat,
 * which is how DurationFormat writes them too ("2 min, 5 sec", "2 Min., 5 Sek.").
 */
function durationWriter(tag: string): (seconds: number) => string {
  const Native = (Intl as unknown as { DurationFormat?: DurationFormatCtor }).DurationFormat;
  const shown = (p: ReturnType<typeof durationParts>) => ({
    ...(p.hours ? { hours: p.hours } : {}),
    ...(p.hours || p.minutes ? { minutes: p.minutes } : {}),
    seconds: p.seconds,
  });
  const unit = (u: 'hour' | 'minute' | 'second') => new Intl.NumberFormat(tag, { style: 'unit', unit: u, unitDisplay: 'short' });
  const units = { hours: unit('hour'), minutes: unit('minute'), seconds: unit('second') };
  if (Native) {
    const native = new Native(tag, { style: 'short' });
    // DurationFormat leaves out a unit that is zero, so it writes nothing at all for no time: "0 sec".
    return (seconds) => (Math.round(seconds) >= 1 ? native.format(shown(durationParts(seconds))) : units.seconds.format(0));
  }
  const list = new Intl.ListFormat(tag, { type: 'unit', style: 'short' });
  return (seconds) => list.format(Object.entries(shown(durationParts(seconds))).map(([k, n]) => units[k as keyof typeof units].format(n)));
}

const durations = new Map<string, (seconds: number) => string>();

/** A call's length in `language` (the active one unless given): "2 min, 5 sec", "1 godz., 3 min, 0 s". */
export function formatDuration(seconds: number, language: string = activeLanguage()): string {
  let write = durations.get(language);
  if (!write) {
    write = durationWriter(intlTag(language));
    durations.set(language, write);
  }
  return write(seconds);
}

// Formatters are built once per language: toLocale*String with options builds a new Intl
// formatter on every call, which costs more than the rest of a list row.
const formatters = new Map<string, {
  time: Intl.DateTimeFormat; day: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat; relative: Intl.RelativeTimeFormat;
  heading: Intl.DateTimeFormat; headingYear: Intl.DateTimeFormat;
}>();

function formatsOf(language: string) {
  let made = formatters.get(language);
  if (!made) {
    const tag = intlTag(language);
    made = {
      time: new Intl.DateTimeFormat(tag, { timeStyle: 'short' }),
      day: new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short' }),
      dateTime: new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }),
      relative: new Intl.RelativeTimeFormat(tag, { numeric: 'auto' }),
      heading: new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long' }),
      headingYear: new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
    };
    formatters.set(language, made);
  }
  return made;
}

/** "Today", "Yesterday" in the active language (Intl.RelativeTimeFormat), capitalised to start a line. */
function relativeDay(days: number): string {
  const language = activeLanguage();
  const word = formatsOf(language).relative.format(-days, 'day');
  return word.charAt(0).toLocaleUpperCase(intlTag(language)) + word.slice(1);
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
  if (day === localDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1))) return `${relativeDay(1)} ${time}`;
  return `${DAY.format(at)} ${time}`;
}

/** A time of day in the active language ("14:05", "02:05 PM"): a row under a day heading. */
export function formatTime(ms: number): string {
  return formatsOf(activeLanguage()).time.format(new Date(ms));
}

/** A day heading: "Today", "Yesterday", else "Monday, 24 November" (with the year when not this year). */
export function formatDayHeading(ms: number, now: Date = new Date()): string {
  const at = new Date(ms);
  const day = localDate(at);
  if (day === localDate(now)) return relativeDay(0);
  if (day === localDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1))) return relativeDay(1);
  const { heading, headingYear } = formatsOf(activeLanguage());
  return (at.getFullYear() === now.getFullYear() ? heading : headingYear).format(at);
}

/** A day written "YYYY-MM-DD" as a person reads it: "Friday, 4 December" (with the year when not this year). */
export function formatDay(isoDay: string, now: Date = new Date()): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!parts) return isoDay;
  const at = new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]));
  const { heading, headingYear } = formatsOf(activeLanguage());
  return (at.getFullYear() === now.getFullYear() ? heading : headingYear).format(at);
}

/** How a due date reads on a row: past its day, due today, or later. */
export function dueTone(dueDate: string, today: string): 'overdue' | 'today' | 'later' {
  return dueDate < today ? 'overdue' : dueDate === today ? 'today' : 'later';
}

/**
 * "Today", "Yesterday" (Intl.RelativeTimeFormat), then "3 days overdue" (Odoo's wording for an
 * activity past its date, which RelativeTimeFormat has no form for) for a due date.
 */
export function formatDue(dueDate: string, today: string): string {
  const days = Math.round((Date.parse(today) - Date.parse(dueDate)) / 86_400_000);
  if (days <= 1) return relativeDay(Math.max(0, days));
  return plural('date.overdue', days);
}

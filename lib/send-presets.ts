/**
 * The times a "Send Later" / "Remind me to send" form offers in one click: in an hour (to the
 * minute), tomorrow at 9:00, next Monday at 9:00 (a week on when today is Monday), local time.
 */
export interface SendPresets {
  inHour: Date;
  tomorrow: Date;
  monday: Date;
}

export function sendPresets(now: Date = new Date()): SendPresets {
  const inHour = new Date(now.getTime() + 3_600_000);
  inHour.setSeconds(0, 0);
  const at9 = (days: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, 9, 0, 0, 0);
  const toMonday = ((8 - now.getDay()) % 7) || 7;
  return { inHour, tomorrow: at9(1), monday: at9(toMonday) };
}

/** A date as a datetime-local field's value ("2026-03-02T09:00"). */
export function localDateTimeValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

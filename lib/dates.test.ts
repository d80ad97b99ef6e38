import { afterEach, describe, expect, it } from 'vitest';
import { dueTone, formatDay, formatDayHeading, formatDue, formatDuration, formatTime, formatWhen } from './dates';
import { useTranslator } from './i18n';
import { loadTranslator } from './i18n/catalogs';
import { Translator } from './i18n/translator';

const nbsp = (s: string) => s.replace(/\u00a0|\u202f/g, ' ');

afterEach(() => useTranslator(new Translator('en', [])));

describe('durations', () => {
  it('are written by Intl in the active language, hours and minutes only when there are some', async () => {
    expect(formatDuration(5)).toBe('5 sec');
    expect(formatDuration(0)).toBe('0 sec');
    expect(formatDuration(125)).toBe('2 min, 5 sec');
    expect(formatDuration(3_725)).toBe('1 hr, 2 min, 5 sec');
    useTranslator(await loadTranslator('de'));
    expect(nbsp(formatDuration(125))).toBe('2 Min., 5 Sek.');
  });

  it('can be asked in another language than the active one (Odoo chatter notes)', () => {
    expect(nbsp(formatDuration(125, 'fr'))).toBe('2 min et 5 s');
  });
});

describe('relative days', () => {
  it('says Today and Yesterday by Intl.RelativeTimeFormat, then "n days overdue" by the plural rules', async () => {
    expect(formatDue('2025-03-10', '2025-03-10')).toBe('Today');
    expect(formatDue('2025-03-09', '2025-03-10')).toBe('Yesterday');
    expect(formatDue('2025-03-07', '2025-03-10')).toBe('3 days overdue');
    useTranslator(await loadTranslator('de'));
    expect(formatDue('2025-03-09', '2025-03-10')).toBe('Gestern');
  });

  it('puts Yesterday before the time of a call from yesterday', async () => {
    const now = new Date(2025, 2, 10, 9, 0);
    useTranslator(await loadTranslator('fr'));
    expect(formatWhen(new Date(2025, 2, 9, 14, 5).getTime(), now)).toBe('Hier 14:05');
  });

  it('heads Recent\'s days with Today, Yesterday, then the weekday and date in the active language', async () => {
    const now = new Date(2025, 2, 10, 9, 0);
    expect(formatDayHeading(new Date(2025, 2, 10, 8, 0).getTime(), now)).toBe('Today');
    expect(formatDayHeading(new Date(2025, 2, 9, 23, 0).getTime(), now)).toBe('Yesterday');
    expect(formatDayHeading(new Date(2025, 2, 7, 12, 0).getTime(), now)).toBe('Friday, March 7');
    expect(formatDayHeading(new Date(2024, 11, 31, 12, 0).getTime(), now)).toBe('Tuesday, December 31, 2024');
    useTranslator(await loadTranslator('de'));
    expect(formatDayHeading(new Date(2025, 2, 7, 12, 0).getTime(), now)).toBe('Freitag, 7. März');
  });

  it('writes a due date as a day is read, never "2025-03-14"', async () => {
    const now = new Date(2025, 2, 10, 9, 0);
    expect(formatDay('2025-03-14', now)).toBe('Friday, March 14');
    expect(formatDay('2026-01-02', now)).toBe('Friday, January 2, 2026');
    useTranslator(await loadTranslator('de'));
    expect(formatDay('2025-03-14', now)).toBe('Freitag, 14. März');
  });

  it('writes a time of day as the language does: "9:05 AM" in English, "09:05" in German', async () => {
    const at = new Date(2025, 2, 10, 9, 5).getTime();
    expect(nbsp(formatTime(at))).toBe('9:05 AM');
    useTranslator(await loadTranslator('de'));
    expect(formatTime(at)).toBe('09:05');
  });

  it('tells an overdue activity from one due today', () => {
    expect(dueTone('2025-03-09', '2025-03-10')).toBe('overdue');
    expect(dueTone('2025-03-10', '2025-03-10')).toBe('today');
    expect(dueTone('2025-03-11', '2025-03-10')).toBe('later');
  });
});

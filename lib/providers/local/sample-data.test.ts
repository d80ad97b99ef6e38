import { describe, expect, it } from 'vitest';
import { normaliseNumber } from '../../phone-number';
import { makeSampleActivities, makeSampleContacts, makeSampleHistory } from './sample-data';

describe('sample data', () => {
  const contacts = makeSampleContacts(3000, 7);

  it('is the same for the same seed and differs for another', () => {
    expect(makeSampleContacts(50, 7)).toEqual(contacts.slice(0, 50));
    expect(makeSampleContacts(50, 8)).not.toEqual(contacts.slice(0, 50));
  });

  it('has only valid E.164 numbers, from several countries', () => {
    const numbers = contacts.flatMap((c) => c.phones.map((p) => p.number));
    const invalid = numbers.filter((n) => {
      const r = normaliseNumber(n, 'US');
      return !(r.ok && r.target.kind === 'e164' && r.target.number === n);
    });
    expect(invalid).toEqual([]);
    expect(new Set(numbers.map((n) => n.slice(0, 3))).size).toBeGreaterThan(5);
  });

  it('includes some contacts without a number', () => {
    const without = contacts.filter((c) => c.phones.length === 0).length;
    expect(without).toBeGreaterThan(0);
    expect(without).toBeLessThan(contacts.length * 0.1);
  });

  it('makes history for known and unknown numbers, with unseen missed calls', () => {
    const saved = contacts.map((c, i) => ({ ...c, id: `c${i}` }));
    const history = makeSampleHistory(500, saved, 3, Date.UTC(2026, 5, 1));
    expect(history).toHaveLength(500);
    expect(history.some((h) => h.contactId === null)).toBe(true);
    expect(history.some((h) => h.contactId !== null)).toBe(true);
    expect(history.some((h) => h.outcome === 'missed' && !h.seen)).toBe(true);
    expect(history.every((h, i) => i === 0 || h.startedAt >= (history[i - 1]?.startedAt ?? 0) - 60_000)).toBe(true);
  });

  it('makes activities overdue, due today and later', () => {
    const saved = contacts.map((c, i) => ({ ...c, id: `c${i}` }));
    const drafts = makeSampleActivities(saved, '2026-06-01', 5);
    expect(drafts.some((d) => d.dueDate < '2026-06-01')).toBe(true);
    expect(drafts.some((d) => d.dueDate === '2026-06-01')).toBe(true);
    expect(drafts.some((d) => d.dueDate > '2026-06-01')).toBe(true);
  });
});

import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../types';
import { draft, freshProvider, reason, value } from './test-support';
import type { LocalDataProvider } from './index';

describe('local activities', () => {
  let clock = 0;
  let p: LocalDataProvider;
  let ann: Contact;
  let bob: Contact;

  beforeEach(async () => {
    clock = 1_000;
    p = freshProvider({ now: () => clock++ });
    ann = value(await p.contacts.save(draft({ name: 'Ann Archer', phones: [{ label: 'work', number: '+16506913277' }] })));
    bob = value(await p.contacts.save(draft({ name: 'Bob Baker', phones: [{ label: 'work', number: '+442079460958' }] })));
  });

  const schedule = async (contact: Contact, dueDate: string, summary = 'Call back') =>
    value(await p.activities.schedule({ contactId: contact.id, summary, note: '', dueDate }));

  it('schedules with the contact name and first number denormalised', async () => {
    const a = await schedule(ann, '2026-03-01', '  Quote follow-up ');
    expect(a).toMatchObject({
      contactName: 'Ann Archer', phone: '+16506913277', summary: 'Quote follow-up', state: 'open', assignee: 'me', doneAt: null,
    });
  });

  it('lists open activities due on or before today, soonest first, then oldest created', async () => {
    const later = await schedule(ann, '2026-03-02', 'later');
    const today2 = await schedule(bob, '2026-03-01', 'today, second');
    const overdue = await schedule(bob, '2026-02-20', 'overdue');
    const today1 = await schedule(ann, '2026-03-01', 'today, first');
    // created after today2 but same day: ordered by creation
    expect(today1.createdAt).toBeGreaterThan(today2.createdAt);
    const due = value(await p.activities.due('2026-03-01', ''));
    expect(due.map((a) => a.summary)).toEqual(['overdue', 'today, second', 'today, first']);
    expect(due.map((a) => a.id)).not.toContain(later.id);
    expect(value(await p.activities.due('2026-03-02', '')).map((a) => a.id)).toContain(later.id);
    expect(overdue.state).toBe('open');
  });

  it('filters due activities by contact name, summary or number', async () => {
    await schedule(ann, '2026-03-01', 'Renewal');
    await schedule(bob, '2026-03-01', 'Demo');
    const q = async (query: string) => value(await p.activities.due('2026-03-01', query)).map((a) => a.contactName);
    expect(await q('archer')).toEqual(['Ann Archer']);
    expect(await q('demo')).toEqual(['Bob Baker']);
    expect(await q('7946')).toEqual(['Bob Baker']);
    expect(await q('nobody')).toEqual([]);
  });

  it('does not appear in contact search', async () => {
    await schedule(ann, '2026-03-01', 'Unicorn deal');
    expect(value(await p.contacts.search('unicorn', 10))).toEqual([]);
  });

  it('marks done with feedback, then leaves the due list', async () => {
    const a = await schedule(ann, '2026-03-01');
    const done = value(await p.activities.markDone(a.id, ' Agreed on Tuesday '));
    expect(done).toMatchObject({ state: 'done', feedback: 'Agreed on Tuesday' });
    expect(done.doneAt).toBeGreaterThan(a.createdAt);
    expect(value(await p.activities.due('2026-03-01', ''))).toEqual([]);
    expect(reason(await p.activities.markDone(a.id, ''))).toMatch(/already done/);
    expect(reason(await p.activities.cancel(a.id))).toMatch(/already done/);
  });

  it('cancels, and a cancelled activity cannot change', async () => {
    const a = await schedule(bob, '2026-03-01');
    value(await p.activities.cancel(a.id));
    expect(value(await p.activities.due('2026-03-01', ''))).toEqual([]);
    expect(reason(await p.activities.update(a.id, { summary: 'x' }))).toMatch(/already cancelled/);
    expect(value(await p.activities.forContact(bob.id)).map((x) => x.state)).toEqual(['cancelled']);
  });

  it('updates summary, note and due date', async () => {
    const a = await schedule(ann, '2026-03-01');
    const changed = value(await p.activities.update(a.id, { dueDate: '2026-03-05', note: 'ask for Carla' }));
    expect(changed).toMatchObject({ dueDate: '2026-03-05', note: 'ask for Carla', summary: 'Call back' });
    expect(value(await p.activities.forContact(ann.id))).toEqual([changed]);
  });

  it('refuses invalid drafts and unknown ids with a reason', async () => {
    const base = { contactId: ann.id, summary: 'Call', note: '', dueDate: '2026-03-01' };
    expect(reason(await p.activities.schedule({ ...base, dueDate: '2026-02-30' }))).toMatch(/not a date/);
    expect(reason(await p.activities.schedule({ ...base, dueDate: '1/3/2026' }))).toMatch(/YYYY-MM-DD/);
    expect(reason(await p.activities.schedule({ ...base, summary: ' ' }))).toMatch(/needs a summary/);
    expect(reason(await p.activities.schedule({ ...base, summary: 'x'.repeat(201) }))).toMatch(/200 characters/);
    expect(value(await p.activities.schedule({ ...base, summary: 'x'.repeat(200) })).summary).toHaveLength(200);
    expect(reason(await p.activities.schedule({ ...base, contactId: 'nope' }))).toMatch(/does not exist/);
    expect(reason(await p.activities.update('nope', { summary: 'x' }))).toMatch(/no longer exists/);
    expect(reason(await p.activities.update(value(await p.activities.due('2026-03-01', ''))[0]?.id ?? '', { dueDate: 'tomorrow' }))).toMatch(/not a date/);
    expect(reason(await p.activities.due('today', ''))).toMatch(/not a date/);
  });
});

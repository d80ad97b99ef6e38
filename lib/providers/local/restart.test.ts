import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createLocalProvider } from './index';
import { draft, value } from './test-support';

describe('local provider restart', () => {
  it('keeps every store after the connection is closed and reopened', async () => {
    const dbName = `restart-${Math.random()}`;
    const now = () => 1_700_000_000_000;
    const before = createLocalProvider({ dbName, now });
    const ann = value(await before.contacts.save(draft({ name: 'Ann Archer', phones: [{ label: '', number: '+16506913277' }] })));
    value(await before.activities.schedule({ contactId: ann.id, summary: 'Call', note: '', dueDate: '2026-03-01' }));
    value(await before.history.add({
      direction: 'incoming', number: '+16506913277', contactId: ann.id, contactName: ann.name, startedAt: 1,
      answeredAt: null, durationSec: 0, outcome: 'missed', reason: '', seen: false,
    }));
    value(await before.email.schedule({ to: 'ann@acme.example', subject: 'Hi', body: '', contactId: ann.id }, now() + 60_000));
    await before.close();

    const after = createLocalProvider({ dbName, now });
    expect(value(await after.contacts.search('ann', 10))).toEqual([ann]);
    expect(value(await after.contacts.matchNumber('+16506913277'))?.id).toBe(ann.id);
    expect(value(await after.activities.due('2026-03-01', ''))).toHaveLength(1);
    expect(value(await after.history.unseenMissed())).toBe(1);
    expect(value(await after.email.scheduled())).toHaveLength(1);
    await after.close();
  });

  it('reopens by itself when used after close', async () => {
    const p = createLocalProvider({ dbName: `reuse-${Math.random()}` });
    value(await p.contacts.count());
    await p.close();
    expect(value(await p.contacts.count())).toBe(0);
  });
});

// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { OutboxConflict } from '../../../lib/providers/types';
import { freshProvider } from '../../../lib/providers/local/test-support';
import { DataSource } from './data-source.svelte';
import { OutboxState } from './outbox.svelte';

describe('writes kept for the ERP', () => {
  it('go out when the popup opens; the ones refused are shown until dismissed', async () => {
    const calls: string[] = [];
    let conflicts: OutboxConflict[] = [{ id: 1, label: 'Mark done: “Call Ada”', reason: 'Record deleted' }];
    const outbox = new OutboxState(new DataSource({
      ...freshProvider(),
      flush: async () => (calls.push('flush'), { ok: true, value: { sent: 1, waiting: 0 } }),
      outbox: {
        waiting: async () => 0,
        conflicts: async () => (calls.push('conflicts'), conflicts),
        dismiss: async (id: number) => {
          calls.push(`dismiss ${id}`);
          conflicts = conflicts.filter((c) => c.id !== id);
        },
      },
    }));
    await outbox.flush();
    expect(calls).toEqual(['flush', 'conflicts']);
    expect(outbox.conflicts.map((c) => c.id)).toEqual([1]);
    await outbox.dismiss(1);
    expect(outbox.conflicts).toEqual([]);
  });

  it('are none with a provider that writes at once (local data)', async () => {
    const outbox = new OutboxState(new DataSource(freshProvider()));
    await outbox.flush();
    expect(outbox.conflicts).toEqual([]);
  });
});

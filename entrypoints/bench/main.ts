// Only in `wxt build --mode bench` (see wxt.config.ts): seeds the extension's own IndexedDB
// and runs the in-memory baseline, for tests/bench/widget.mjs.
import { dataProvider } from '../../lib/providers';
import { arrayFilterSearch } from '../../tests/bench/providers/keystrokes';
import { makeSampleActivities, makeSampleContacts, makeSampleHistory } from '../../lib/providers/local/sample-data';
import type { Contact } from '../../lib/providers/types';
import { localDate } from '../../lib/dates';

const provider = dataProvider();
let all: Contact[] = [];

async function seed(contacts: number, history: number, offset = 0): Promise<{ contacts: number }> {
  const batch = 10_000;
  for (let i = 0; i < contacts; i += batch) {
    const drafts = makeSampleContacts(Math.min(batch, contacts - i), 1000 + offset + i);
    const r = await provider.contacts.bulkAdd(drafts);
    if (!r.ok) throw new Error(r.reason);
  }
  const saved = await provider.contacts.all();
  if (!saved.ok) throw new Error(saved.reason);
  if (history > 0) {
    for (const h of makeSampleHistory(history, saved.value.slice(0, 2000), 7)) await provider.history.add(h);
    for (const a of makeSampleActivities(saved.value.slice(0, 200), localDate(), 7)) await provider.activities.schedule(a);
    // A user who has looked at Recent before: otherwise the first timed open of Recent would
    // mark thousands of generated missed calls as seen, and time that write.
    const seen = await provider.history.markAllSeen();
    if (!seen.ok) throw new Error(seen.reason);
  }
  const count = await provider.contacts.count();
  return { contacts: count.ok ? count.value : -1 };
}

async function loadAll(): Promise<number> {
  const r = await provider.contacts.all();
  if (!r.ok) throw new Error(r.reason);
  all = r.value.sort((a, b) => a.name.localeCompare(b.name));
  return all.length;
}

/** The baseline for one keystroke: Array.filter over every contact held in memory. */
function arrayFilter(query: string): { ms: number; hits: number } {
  const t0 = performance.now();
  const hits = arrayFilterSearch(all, query, 50).length;
  return { ms: performance.now() - t0, hits };
}

/** A name that exists, to type in the popup. */
function sampleName(index: number): string {
  return all[index]?.name ?? '';
}

/** The provider's own search time for one query (no rendering). */
async function providerSearch(query: string): Promise<{ ms: number; hits: number }> {
  const t0 = performance.now();
  const r = await provider.contacts.search(query, 50);
  return { ms: performance.now() - t0, hits: r.ok ? r.value.length : -1 };
}

Object.assign(globalThis, { bench: { seed, loadAll, arrayFilter, sampleName, providerSearch } });

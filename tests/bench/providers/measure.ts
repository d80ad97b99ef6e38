/** The timed parts of the provider benchmark: the popup's first lists, and search keystrokes. */
import type { Contact, ContactDraft, DataProvider, ProviderResult } from '../../../lib/providers/types';
import { arrayFilterSearch, keystrokes } from './keystrokes';
import { median, p90, timed } from './stats';
import type { KeystrokeFigure, OpenFigures, Settings } from './types';
import { fold } from '../../../lib/providers/local/text';

export function value<T>(result: ProviderResult<T>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.reason}`);
  return result.value;
}

/** The widget's first screen: contacts, recent calls and due activities, one after the other. */
async function openLists(p: DataProvider, limit: number, today: string): Promise<void> {
  value(await p.contacts.search('', limit), 'contacts.search');
  value(await p.history.list(limit, ''), 'history.list');
  value(await p.activities.due(today, ''), 'activities.due');
}

export async function measureOpen(p: DataProvider, o: Settings, contacts: number): Promise<OpenFigures> {
  const warm: number[] = [];
  const cold: number[] = [];
  for (let i = 0; i < o.openRounds; i++) {
    warm.push((await timed(() => openLists(p, o.limit, o.today)))[1]);
    if (!o.fresh) continue;
    const fresh = o.fresh();
    cold.push((await timed(() => openLists(fresh, o.limit, o.today)))[1]);
    await fresh.close?.();
  }
  return {
    contacts,
    warmMedianMs: median(warm),
    coldMedianMs: o.fresh ? median(cold) : null,
    coldP90Ms: o.fresh ? p90(cold) : null,
  };
}

export const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type Sampled = KeystrokeFigure & { searchSamples: number[]; arrayFilterSamples: number[] };

/**
 * Types the sequence `keystrokeRounds` times, the index and the baseline side by side. The
 * target comes from the sample drafts, so it is the same contact on every run.
 */
export async function timeKeystrokes(p: DataProvider, all: Contact[], drafts: ContactDraft[], o: Settings): Promise<Sampled[]> {
  // Someone a third of the way into the data, with a number and an email to type, and an
  // accent in the name so the keystrokes go through accent folding.
  const later = drafts.slice(Math.floor(drafts.length / 3));
  const typable = later.filter((c) => c.phones.length > 0 && c.email !== '');
  const target = typable.find((c) => fold(c.name) !== c.name.toLowerCase()) ?? typable[0];
  if (!target) throw new Error('no contacts to search for');
  const figures: Sampled[] = keystrokes(target, o.keystrokes).map((query) => ({
    query, searchMs: 0, arrayFilterMs: 0, searchHits: 0, arrayFilterHits: 0, searchSamples: [], arrayFilterSamples: [],
  }));
  for (let round = 0; round < o.keystrokeRounds; round++) {
    for (const f of figures) {
      const [found, searchMs] = await timed(async () => value(await p.contacts.search(f.query, o.limit), 'contacts.search'));
      const [filtered, arrayFilterMs] = await timed(() => arrayFilterSearch(all, f.query, o.limit));
      f.searchSamples.push(searchMs);
      f.arrayFilterSamples.push(arrayFilterMs);
      f.searchHits = found.length;
      f.arrayFilterHits = filtered.length;
    }
  }
  for (const f of figures) {
    f.searchMs = median(f.searchSamples);
    f.arrayFilterMs = median(f.arrayFilterSamples);
  }
  return figures;
}

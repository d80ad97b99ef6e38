import type { Colleague } from '../../../lib/providers/types';
import type { DataSource } from './data-source.svelte';

/** Transfer suggestions: colleagues matching what was typed, with their extension. */
export class ColleagueSearch {
  readonly #source: DataSource;

  constructor(source: DataSource) {
    this.#source = source;
  }

  async find(query: string): Promise<Colleague[]> {
    const p = await this.#source.get();
    if (p.colleagues) {
      const found = await p.colleagues(query);
      return found.ok ? found.value : [];
    }
    // No directory of colleagues: contacts reachable on a short internal extension are ones.
    const [r, { isExtension }] = await Promise.all([
      p.contacts.search(query, 20),
      // Loaded on demand, as the local provider does: libphonenumber stays out of the popup's first chunk.
      import('../../../lib/phone-number'),
    ]);
    if (!r.ok) return [];
    return r.value.flatMap((c) => c.phones.filter((phone) => isExtension(phone.number)).map((phone) => ({ name: c.name, number: phone.number })));
  }
}

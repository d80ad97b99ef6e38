import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { runProviderBench } from './bench';
import { arrayFilterSearch, keystrokes } from './keystrokes';
import { createLocalProvider } from '../../../lib/providers/local/index';

describe('provider benchmark', () => {
  it('types a name, part of a number and an email', () => {
    const target = {
      id: '1', name: 'Ann Li', company: '', email: 'ann@x.example', recordUrl: '', recordName: '', updatedAt: 0,
      phones: [{ label: '', number: '+16506913277' }],
    };
    expect(keystrokes(target, 30)).toEqual([
      'A', 'An', 'Ann', 'Ann L', 'Ann Li', '0', '06', '069', '0691', '06913', '069132', '0691327',
      'a', 'an', 'ann', 'ann@', 'ann@x', 'ann@x.', 'ann@x.e', 'ann@x.ex', 'ann@x.exa', 'ann@x.exam', 'ann@x.examp',
      'ann@x.exampl', 'ann@x.example',
    ]);
    expect(arrayFilterSearch([target], '6913', 5)).toEqual([target]);
    expect(arrayFilterSearch([target], 'bob', 5)).toEqual([]);
  });

  it('runs end to end on a small data set and reports every figure', async () => {
    const dbName = `bench-${Math.random()}`;
    const provider = createLocalProvider({ dbName });
    const result = await runProviderBench(provider, {
      contacts: 3_000, openContacts: 1_000, openHistory: 300, openRounds: 3, keystrokes: 30, keystrokeRounds: 2, settleMs: 0,
      fresh: () => createLocalProvider({ dbName }),
    });
    expect(result.keystrokes).toHaveLength(30);
    expect(result.keystrokes.every((k) => k.searchHits > 0 && k.arrayFilterHits > 0)).toBe(true);
    expect(result.open.coldMedianMs).not.toBeNull();
    expect(result.openAtFullSize.contacts).toBe(3_000);
    expect(Number.isFinite(result.searchMedianMs)).toBe(true);
    await expect(runProviderBench(provider, { contacts: 10 })).rejects.toThrow(/empty provider/);
    await provider.close();
  });
});

import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../types';
import { draft, freshProvider, reason, value } from './test-support';
import type { LocalDataProvider } from './index';

const names = (list: Contact[]) => list.map((c) => c.name);

describe('local contacts', () => {
  let p: LocalDataProvider;

  beforeEach(async () => {
    p = freshProvider({ defaultCountry: 'US', now: () => 1_000 });
    value(
      await p.contacts.bulkAdd([
        draft({ name: 'Zoë Müller', company: 'Nordwind GmbH', email: 'zoe.mueller@nordwind.example', phones: [{ label: 'work', number: '(650) 691-3277' }] }),
        draft({ name: 'John Smith', company: 'Acme Logistics', email: 'j.smith@acme.example', phones: [{ label: 'mobile', number: '+44 20 7946 0958' }] }),
        draft({ name: 'Anna Schneider', company: 'Acme Logistics', email: 'anna@acme.example', phones: [{ label: 'work', number: '0049 89 1234 5678' }] }),
        draft({ name: 'Johanna Berg', company: '', email: 'jb@mail.example', phones: [] }),
        draft({ name: 'Bob Extension', phones: [{ label: 'desk', number: '1002' }] }),
        draft({ name: 'Carl Typo', phones: [{ label: 'work', number: 'call reception' }] }),
      ]),
    );
  });

  it('normalises numbers to E.164 on save, keeps extensions and unparseable text as typed', async () => {
    const all = value(await p.contacts.all());
    const byName = new Map(all.map((c) => [c.name, c.phones[0]?.number]));
    expect(byName.get('Zoë Müller')).toBe('+16506913277');
    expect(byName.get('Anna Schneider')).toBe('+498912345678');
    expect(byName.get('Bob Extension')).toBe('1002');
    expect(byName.get('Carl Typo')).toBe('call reception');
    expect(all.every((c) => c.updatedAt === 1_000)).toBe(true);
    // Derived index fields stay inside the provider.
    expect(Object.keys(all[0] ?? {}).sort()).toEqual(
      ['company', 'email', 'id', 'name', 'phones', 'recordName', 'recordUrl', 'updatedAt'],
    );
  });

  it('finds by a name word prefix, ignoring case and accents', async () => {
    expect(names(value(await p.contacts.search('mul', 10)))).toEqual(['Zoë Müller']);
    expect(names(value(await p.contacts.search('ZOE', 10)))).toEqual(['Zoë Müller']);
    expect(names(value(await p.contacts.search('smi', 10)))).toEqual(['John Smith']);
  });

  it('finds by any digits of a number, typed with or without separators', async () => {
    expect(names(value(await p.contacts.search('6913', 10)))).toEqual(['Zoë Müller']);
    expect(names(value(await p.contacts.search('650-691', 10)))).toEqual(['Zoë Müller']);
    expect(names(value(await p.contacts.search('+44 20 79', 10)))).toEqual(['John Smith']);
    // The national form with its trunk 0, which is not inside the E.164 digits.
    expect(names(value(await p.contacts.search('089 1234', 10)))).toEqual(['Anna Schneider']);
    expect(names(value(await p.contacts.search('1002', 10)))).toEqual(['Bob Extension']);
  });

  it('finds by email and company', async () => {
    expect(names(value(await p.contacts.search('j.smith@acme', 10)))).toEqual(['John Smith']);
    expect(names(value(await p.contacts.search('acme', 10)))).toEqual(['Anna Schneider', 'John Smith']);
  });

  it('needs every word of a multi-word query', async () => {
    expect(names(value(await p.contacts.search('acme sch', 10)))).toEqual(['Anna Schneider']);
    expect(names(value(await p.contacts.search('john acme', 10)))).toEqual(['John Smith']);
    expect(names(value(await p.contacts.search('acme john', 10)))).toEqual(['John Smith']);
    expect(names(value(await p.contacts.search('muller 6913', 10)))).toEqual(['Zoë Müller']);
    expect(value(await p.contacts.search('john nordwind', 10))).toEqual([]);
    // As a phrase, surname first too.
    expect(names(value(await p.contacts.search('smith jo', 10)))).toEqual(['John Smith']);
    expect(names(value(await p.contacts.search('Muller, Zoe', 10)))).toEqual(['Zoë Müller']);
  });

  it('lists only contacts with a number, sorted by name, up to the limit', async () => {
    expect(names(value(await p.contacts.search('', 10)))).toEqual([
      'Anna Schneider', 'Bob Extension', 'Carl Typo', 'John Smith', 'Zoë Müller',
    ]);
    expect(names(value(await p.contacts.search('', 2)))).toEqual(['Anna Schneider', 'Bob Extension']);
    expect(value(await p.contacts.search('johanna', 10))).toEqual([]);
    expect(value(await p.contacts.search('jo', 10)).map((c) => c.name)).toEqual(['John Smith']);
    expect(value(await p.contacts.count())).toBe(6);
    expect(names(value(await p.contacts.all()))).toContain('Johanna Berg');
  });

  it('counts a contact once even when several of its keys match', async () => {
    value(await p.contacts.save(draft({ name: 'Jo Jones', email: 'jo.jones@jolly.example', phones: [{ label: '', number: '+16505550100' }] })));
    expect(names(value(await p.contacts.search('jo', 10)))).toEqual(['Jo Jones', 'John Smith']);
    expect(value(await p.contacts.search('jo', 1))).toHaveLength(1);
  });

  it('matches caller ID by E.164, national format, or the last 9 digits', async () => {
    const match = async (n: string) => value(await p.contacts.matchNumber(n))?.name ?? null;
    expect(await match('+16506913277')).toBe('Zoë Müller');
    expect(await match('650 691 3277')).toBe('Zoë Müller');
    expect(await match('1002')).toBe('Bob Extension');
    // A PBX that presents a German number in national form while our default country is US.
    expect(await match('08912345678')).toBe('Anna Schneider');
    expect(await match('+15550000000')).toBeNull();
    expect(await match('')).toBeNull();
    expect(await match('call reception')).toBeNull();
  });

  it('updates in place and removes', async () => {
    const john = value(await p.contacts.search('smith', 1))[0];
    if (!john) throw new Error('no John');
    const renamed = value(await p.contacts.save({ ...john, name: 'John Smythe', email: 'john@smythe.example', phones: [{ label: 'mobile', number: '+1 212 555 0199' }] }));
    expect(renamed.id).toBe(john.id);
    expect(value(await p.contacts.search('smith', 10))).toEqual([]);
    expect(names(value(await p.contacts.search('smy', 10)))).toEqual(['John Smythe']);
    expect(value(await p.contacts.matchNumber('+442079460958'))).toBeNull();
    value(await p.contacts.remove(john.id));
    expect(value(await p.contacts.get(john.id))).toBeNull();
    expect(value(await p.contacts.count())).toBe(5);
  });

  it('refuses invalid drafts with a reason instead of throwing', async () => {
    expect(reason(await p.contacts.save(draft({ name: '  ' })))).toMatch(/needs a name/);
    expect(reason(await p.contacts.save(draft({ name: 'X', email: 'not-mail' })))).toMatch(/not an email/);
    expect(reason(await p.contacts.save(draft({ name: 'X', recordUrl: 'javascript:alert(1)' })))).toMatch(/http/);
    expect(reason(await p.contacts.bulkAdd([draft({ name: 'Ok' }), draft({ name: '' })]))).toMatch(/Contact 2/);
    expect(value(await p.contacts.count())).toBe(6);
  });

  it('bulkAdd replaces nothing: an existing id aborts the whole batch', async () => {
    const [first] = value(await p.contacts.all());
    const result = await p.contacts.bulkAdd([draft({ name: 'New one' }), { ...draft({ name: 'Clash' }), id: first?.id ?? '' }]);
    expect(result.ok).toBe(false);
    expect(value(await p.contacts.count())).toBe(6);
  });
});

describe('local contacts search at volume', () => {
  it('answers multi-word queries as a phrase, or across fields when the words are rare or common', async () => {
    const p = freshProvider();
    const crowd = Array.from({ length: 2_600 }, (_, i) =>
      draft({ name: `Common Person ${i}`, company: 'Widely Known', phones: [{ label: '', number: `+1650691${String(i).padStart(4, '0')}` }] }),
    );
    value(await p.contacts.bulkAdd([...crowd, draft({ name: 'Common Rare', phones: [{ label: '', number: '+12125550100' }] })]));
    expect(names(value(await p.contacts.search('common rare', 10)))).toEqual(['Common Rare']);
    expect(names(value(await p.contacts.search('rar comm', 10)))).toEqual(['Common Rare']);
    expect(value(await p.contacts.search('common widely', 10))).toHaveLength(10);
    // No phrase starts "widely person": read the words' range and filter.
    const dense = value(await p.contacts.search('widely person', 10));
    expect(dense).toHaveLength(10);
    expect(dense.every((c) => c.company === 'Widely Known')).toBe(true);
    expect(value(await p.contacts.search('common zzz', 10))).toEqual([]);
    expect(names(value(await p.contacts.search('person 2599', 10)))).toEqual(['Common Person 2599']);
  });
});

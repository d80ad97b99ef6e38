/**
 * Deterministic, realistic fake data for the options page's "Load sample data" and for the
 * benchmarks: the same seed gives the same data, so figures compare across runs.
 */
import type { ActivityDraft, Contact, ContactDraft, ContactPhone, HistoryEntry } from '../types';
import type { CallOutcome } from '../../sip/states';
import { seededRandom } from './random';
import type { Random } from './random';
import { SAMPLE_COUNTRIES, sampleNumber } from './sample-phones';
import { ACTIVITY_SUMMARIES, COMPANIES, FIRST_NAMES, LAST_NAMES } from './sample-words';
import { fold } from './text';

const DAY_MS = 86_400_000;

/** Mail-safe local part: "Zoë O'Brien" → "zoe.obrien". */
function mailbox(first: string, last: string): string {
  const ascii = (s: string) => fold(s).replace(/[^a-z0-9]/g, '');
  return `${ascii(first)}.${ascii(last)}`;
}

function samplePhones(random: Random): ContactPhone[] {
  // One in twenty has no number: they exist in a real address book, and search must skip them.
  if (random.chance(0.05)) return [];
  const country = random.pick(SAMPLE_COUNTRIES);
  const phones: ContactPhone[] = [{ label: 'work', number: sampleNumber(random, country, 'work') }];
  if (random.chance(0.5)) phones.push({ label: 'mobile', number: sampleNumber(random, country, 'mobile') });
  return phones;
}

export function makeSampleContacts(n: number, seed: number): ContactDraft[] {
  const random = seededRandom(seed);
  const out: ContactDraft[] = [];
  for (let i = 0; i < n; i++) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const [company, domain] = random.chance(0.9) ? random.pick(COMPANIES) : ['', 'mail'];
    const linked = random.chance(0.3);
    out.push({
      name: `${first} ${last}`,
      company,
      email: random.chance(0.85) ? `${mailbox(first, last)}@${domain}.example` : '',
      phones: samplePhones(random),
      recordUrl: linked ? `https://crm.example.com/leads/${i + 1}` : '',
      recordName: linked ? `Lead #${i + 1}` : '',
    });
  }
  return out;
}

type SampleContact = Pick<Contact, 'id' | 'name' | 'phones'>;

const OUTCOMES: readonly CallOutcome[] = [
  'answered', 'answered', 'answered', 'answered', 'answered', 'missed', 'missed', 'declined', 'busy', 'failed',
];

/**
 * `n` calls over the 30 days before `endAt`, oldest first; most with known contacts, some with
 * unknown numbers. Missed calls in the last day are still unseen.
 */
export function makeSampleHistory(
  n: number,
  contacts: readonly SampleContact[],
  seed: number,
  endAt: number = Date.now(),
): Omit<HistoryEntry, 'id'>[] {
  const random = seededRandom(seed);
  const callable = contacts.filter((c) => c.phones.length > 0);
  const out: Omit<HistoryEntry, 'id'>[] = [];
  for (let i = 0; i < n; i++) {
    const startedAt = endAt - Math.floor(((n - i) / n) * 30 * DAY_MS) + random.int(60_000);
    const known = callable.length > 0 && random.chance(0.8) ? random.pick(callable) : null;
    const number = known ? random.pick(known.phones).number : sampleNumber(random, random.pick(SAMPLE_COUNTRIES), 'mobile');
    const direction = random.chance(0.5) ? 'incoming' : 'outgoing';
    const outcome = direction === 'incoming' ? random.pick(OUTCOMES) : random.pick(OUTCOMES.filter((o) => o !== 'missed'));
    const answered = outcome === 'answered';
    out.push({
      direction,
      number,
      contactId: known?.id ?? null,
      contactName: known?.name ?? '',
      startedAt,
      answeredAt: answered ? startedAt + 3_000 + random.int(15_000) : null,
      durationSec: answered ? 10 + random.int(900) : 0,
      outcome,
      reason: outcome === 'busy' ? '486 Busy Here' : outcome === 'failed' ? '503 Service Unavailable' : '',
      seen: !(outcome === 'missed' && endAt - startedAt < DAY_MS),
    });
  }
  return out;
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Call activities for up to 30 callable contacts: a third overdue, a third due today, a third later. */
export function makeSampleActivities(contacts: readonly SampleContact[], today: string, seed: number): ActivityDraft[] {
  const random = seededRandom(seed);
  const callable = contacts.filter((c) => c.phones.length > 0).slice(0, 30);
  return callable.map((contact, i) => {
    const offset = [-1 - random.int(10), 0, 1 + random.int(14)][i % 3] ?? 0;
    return {
      contactId: contact.id,
      summary: random.pick(ACTIVITY_SUMMARIES),
      note: random.chance(0.4) ? 'Prefers calls in the morning.' : '',
      dueDate: addDays(today, offset),
    };
  });
}

/**
 * Provider benchmark, meant to run in a real browser page (IndexedDB speed in Node's
 * fake-indexeddb says nothing about Chromium's). It fills an EMPTY provider with sample data and
 * measures the two things a user feels:
 *  - popup open → first lists: the contacts page, the recent calls and the due activities, with
 *    `openContacts` contacts and `openHistory` calls (target < 100 ms);
 *  - each search keystroke with `contacts` contacts (target median < 16 ms), beside the same
 *    queries as a plain Array.filter over every contact held in memory.
 */
import type { Contact, DataProvider, ProviderResult } from '../types';
import { arrayFilterSearch, keystrokes } from './bench-keystrokes';
import { median, p90, timed } from './bench-stats';
import { makeSampleActivities, makeSampleContacts, makeSampleHistory } from './sample-data';

export interface ProviderBenchOptions {
  /** Contacts for the keystroke test. */
  contacts?: number;
  /** Contacts and calls present when the open time is measured. */
  openContacts?: number;
  openHistory?: number;
  keystrokes?: number;
  openRounds?: number;
  /** Page size the widget asks for. */
  limit?: number;
  /** YYYY-MM-DD, for the due activities. */
  today?: string;
  seed?: number;
  /**
   * A new provider on the same database, not yet connected. A popup is a new page each time,
   * so with this the open time includes opening the database, as the user sees it.
   */
  fresh?: () => DataProvider & { close?: () => Promise<void> };
  onProgress?: (step: string) => void;
}

export interface OpenFigures {
  contacts: number;
  /** Same provider, connection already open. */
  warmMedianMs: number;
  /** A new provider per round (null without `fresh`). */
  coldMedianMs: number | null;
  coldP90Ms: number | null;
}

export interface KeystrokeFigure {
  query: string;
  searchMs: number;
  arrayFilterMs: number;
  searchHits: number;
  arrayFilterHits: number;
}

export interface ProviderBenchResult {
  contacts: number;
  openHistory: number;
  limit: number;
  /** bulkAdd of all contacts, in batches of 10,000. */
  seedMs: number;
  open: OpenFigures;
  /** The same open measured again with every contact loaded. */
  openAtFullSize: OpenFigures;
  searchMedianMs: number;
  searchP90Ms: number;
  searchMaxMs: number;
  arrayFilterMedianMs: number;
  arrayFilterP90Ms: number;
  /** all(): what the Array.filter approach must pay before its first keystroke. */
  loadAllMs: number;
  keystrokes: KeystrokeFigure[];
}

type Settings = Required<Omit<ProviderBenchOptions, 'fresh' | 'onProgress'>> &
  Pick<ProviderBenchOptions, 'fresh' | 'onProgress'>;

const BATCH = 10_000;

function value<T>(result: ProviderResult<T>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.reason}`);
  return result.value;
}

/** The widget's first screen: contacts, recent calls and due activities, one after the other. */
async function openLists(p: DataProvider, limit: number, today: string): Promise<void> {
  value(await p.contacts.search('', limit), 'contacts.search');
  value(await p.history.list(limit, ''), 'history.list');
  value(await p.activities.due(today, ''), 'activities.due');
}

async function measureOpen(p: DataProvider, o: Settings, contacts: number): Promise<OpenFigures> {
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

async function addHistory(p: DataProvider, saved: Contact[], n: number, seed: number): Promise<void> {
  const calls = makeSampleHistory(n, saved, seed);
  // Concurrent adds share the event loop with IndexedDB's own work; 500 at a time keeps memory flat.
  for (let i = 0; i < calls.length; i += 500) {
    await Promise.all(calls.slice(i, i + 500).map(async (call) => value(await p.history.add(call), 'history.add')));
  }
}

export async function runProviderBench(p: DataProvider, options: ProviderBenchOptions = {}): Promise<ProviderBenchResult> {
  const o: Settings = {
    contacts: 100_000, openContacts: 10_000, openHistory: 5_000, keystrokes: 30, openRounds: 15, limit: 50,
    today: new Date().toISOString().slice(0, 10), seed: 42, ...options,
  };
  const progress = o.onProgress ?? (() => undefined);
  if (value(await p.contacts.count(), 'contacts.count') !== 0) throw new Error('runProviderBench needs an empty provider');

  const drafts = makeSampleContacts(o.contacts, o.seed);
  let seedMs = 0;
  const addBatch = async (from: number, to: number) => {
    seedMs += (await timed(async () => value(await p.contacts.bulkAdd(drafts.slice(from, to)), 'contacts.bulkAdd')))[1];
  };

  progress(`seeding ${o.openContacts} contacts, ${o.openHistory} calls`);
  for (let i = 0; i < o.openContacts; i += BATCH) await addBatch(i, Math.min(i + BATCH, o.openContacts));
  const firstSaved = value(await p.contacts.all(), 'contacts.all');
  await addHistory(p, firstSaved, o.openHistory, o.seed);
  for (const draft of makeSampleActivities(firstSaved, o.today, o.seed)) {
    value(await p.activities.schedule(draft), 'activities.schedule');
  }
  progress('timing open');
  const open = await measureOpen(p, o, o.openContacts);

  progress(`seeding up to ${o.contacts} contacts`);
  for (let i = o.openContacts; i < o.contacts; i += BATCH) await addBatch(i, Math.min(i + BATCH, o.contacts));
  const openAtFullSize = await measureOpen(p, o, o.contacts);

  progress('timing keystrokes');
  const [all, loadAllMs] = await timed(async () => value(await p.contacts.all(), 'contacts.all'));
  // Someone a third of the way down the list, with a number and an email to type.
  const typable = all.filter((c) => c.phones.length > 0 && c.email !== '');
  const target = typable[Math.floor(typable.length / 3)];
  if (!target) throw new Error('no contacts to search for');
  const figures: KeystrokeFigure[] = [];
  for (const query of keystrokes(target, o.keystrokes)) {
    const [found, searchMs] = await timed(async () => value(await p.contacts.search(query, o.limit), 'contacts.search'));
    const [filtered, arrayFilterMs] = await timed(() => arrayFilterSearch(all, query, o.limit));
    figures.push({ query, searchMs, arrayFilterMs, searchHits: found.length, arrayFilterHits: filtered.length });
  }
  const searchMs = figures.map((f) => f.searchMs);
  const filterMs = figures.map((f) => f.arrayFilterMs);
  return {
    contacts: o.contacts,
    openHistory: o.openHistory,
    limit: o.limit,
    seedMs,
    open,
    openAtFullSize,
    searchMedianMs: median(searchMs),
    searchP90Ms: p90(searchMs),
    searchMaxMs: Math.max(...searchMs),
    arrayFilterMedianMs: median(filterMs),
    arrayFilterP90Ms: p90(filterMs),
    loadAllMs,
    keystrokes: figures,
  };
}

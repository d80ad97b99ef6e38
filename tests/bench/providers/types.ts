/** The benchmark's options and figures, shared by the runner and the measuring code. */
import type { DataProvider } from '../../../lib/providers/types';

export interface ProviderBenchOptions {
  /** Contacts for the keystroke test. */
  contacts?: number;
  /** Contacts and calls present when the open time is measured. */
  openContacts?: number;
  openHistory?: number;
  keystrokes?: number;
  /** Times the keystroke sequence is typed; each figure is a median over these. */
  keystrokeRounds?: number;
  openRounds?: number;
  /**
   * Pause after seeding before timing: a bulk import leaves the browser compacting its storage
   * for a while, which a user opening the popup later does not meet.
   */
  settleMs?: number;
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

/** Medians over the rounds. */
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
  /** Over every keystroke of every round. */
  searchMedianMs: number;
  searchP90Ms: number;
  searchMaxMs: number;
  arrayFilterMedianMs: number;
  arrayFilterP90Ms: number;
  /** all(): what the Array.filter approach must pay before its first keystroke. */
  loadAllMs: number;
  keystrokes: KeystrokeFigure[];
}

export type Settings = Required<Omit<ProviderBenchOptions, 'fresh' | 'onProgress'>> &
  Pick<ProviderBenchOptions, 'fresh' | 'onProgress'>;

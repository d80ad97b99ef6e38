/**
 * The local provider's IndexedDB schema. Derived fields (search keys, match keys, sparse flags)
 * live on the stored rows so every query the widget makes is an index lookup, never a scan.
 */
import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';
import type { Activity, Contact, HistoryEntry, ScheduledEmail } from '../types';
import type { CallOutcome } from '../../sip/states';

export const DEFAULT_DB_NAME = 'softphone-data';
const DB_VERSION = 1;

export interface ContactRow extends Contact {
  /** Prefix keys for search (multiEntry); empty for a contact without a number, so search skips it. */
  search: string[];
  /** Folded name; absent without a number, so the empty-query list only holds callable contacts. */
  nameKey?: string;
  /** Normalised numbers (E.164 or extension) that caller ID can match exactly. */
  numbers: string[];
  /** Last 9 digits of each E.164 number, for PBXs that present national formats. */
  last9: string[];
}

export interface HistoryRow extends HistoryEntry {
  /** Present only while unseen: a sparse index, so counting unseen missed calls reads no other rows. */
  unseenOutcome?: CallOutcome;
}

export interface LocalSchema extends DBSchema {
  contacts: {
    key: string;
    value: ContactRow;
    indexes: { search: string; nameKey: string; numbers: string; last9: string };
  };
  activities: {
    key: string;
    value: Activity;
    indexes: { stateDue: [string, string]; contactId: string };
  };
  history: {
    key: string;
    value: HistoryRow;
    indexes: { startedAt: number; unseenOutcome: string };
  };
  emails: {
    key: string;
    value: ScheduledEmail;
    indexes: { stateSendAt: [string, number] };
  };
}

export type LocalDb = IDBPDatabase<LocalSchema>;

/** Each step upgrades from the version before, so a browser that skipped versions still ends current. */
function upgrade(db: LocalDb, oldVersion: number): void {
  if (oldVersion < 1) {
    const contacts = db.createObjectStore('contacts', { keyPath: 'id' });
    contacts.createIndex('search', 'search', { multiEntry: true });
    contacts.createIndex('nameKey', 'nameKey');
    contacts.createIndex('numbers', 'numbers', { multiEntry: true });
    contacts.createIndex('last9', 'last9', { multiEntry: true });

    const activities = db.createObjectStore('activities', { keyPath: 'id' });
    activities.createIndex('stateDue', ['state', 'dueDate']);
    activities.createIndex('contactId', 'contactId');

    const history = db.createObjectStore('history', { keyPath: 'id' });
    history.createIndex('startedAt', 'startedAt');
    history.createIndex('unseenOutcome', 'unseenOutcome');

    const emails = db.createObjectStore('emails', { keyPath: 'id' });
    emails.createIndex('stateSendAt', ['state', 'sendAt']);
  }
}

/**
 * Opens (creating or upgrading) the database. `onLost` runs when this connection goes away on its
 * own: another context (popup, options, background) wants a newer schema, or the browser dropped it.
 */
export async function openLocalDb(name: string = DEFAULT_DB_NAME, onLost?: () => void): Promise<LocalDb> {
  const db: LocalDb = await openDB<LocalSchema>(name, DB_VERSION, {
    upgrade,
    blocking() {
      // Holding on would stall the newer version in another context until this page closes.
      db.close();
      onLost?.();
    },
    terminated() {
      onLost?.();
    },
  });
  return db;
}

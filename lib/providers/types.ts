/**
 * The data the widget shows and edits, behind one interface. `local` (IndexedDB) is the
 * embedded default; an Odoo provider (JSON-RPC) implements the same interface later, so UI code
 * never knows which one it talks to. Every method resolves to a typed result; nothing throws
 * across this boundary.
 */
import type { CallDirection } from '../sip/types';
import type { CallOutcome } from '../sip/states';

/**
 * `notice`: done, but the user should know something ("kept, will be sent when Odoo is back").
 * `loginUrl`: the failure is fixed by logging in there (an ended ERP session).
 */
export type ProviderResult<T> = { ok: true; value: T; notice?: string } | { ok: false; reason: string; loginUrl?: string };

export interface ContactPhone {
  /** "mobile", "work", "home" … free text, shown beside the number. */
  label: string;
  /** E.164 when it could be normalised, otherwise what the user typed. */
  number: string;
}

export interface Contact {
  id: string;
  name: string;
  company: string;
  email: string;
  phones: ContactPhone[];
  /** A link to the record this contact belongs to (a CRM lead, a website …), or ''. */
  recordUrl: string;
  recordName: string;
  updatedAt: number;
}

export type ContactDraft = Omit<Contact, 'id' | 'updatedAt'> & { id?: string };

export interface Activity {
  id: string;
  contactId: string;
  /** Denormalised for listing without a join. */
  contactName: string;
  phone: string;
  summary: string;
  note: string;
  /** Local calendar date, YYYY-MM-DD. */
  dueDate: string;
  /** Who it is assigned to; the local provider has one user, "me". */
  assignee: string;
  state: 'open' | 'done' | 'cancelled';
  /** Set by markDone. */
  feedback: string;
  /** The document the activity is on, as 'model/id' (an Odoo lead or partner); absent locally. */
  record?: string;
  /** Where that document opens (the ERP's form), when there is one. */
  recordUrl?: string;
  /** That document's name when it is not the contact (an Odoo lead's title), shown on the row. */
  recordName?: string;
  doneAt: number | null;
  createdAt: number;
}

export type ActivityDraft = Pick<Activity, 'contactId' | 'summary' | 'note' | 'dueDate'> & {
  /** Schedule on this document ('model/id', from the activity it follows) rather than on the contact. */
  record?: string;
  /** The activity type (an id from `types()`); the Call type when absent. */
  typeId?: string;
};

export interface ActivityType {
  id: string;
  name: string;
}
export type ActivityPatch = Partial<Pick<Activity, 'summary' | 'note' | 'dueDate'>>;

export interface HistoryEntry {
  id: string;
  direction: CallDirection;
  /** E.164 or extension as dialled / as presented by the caller. */
  number: string;
  contactId: string | null;
  contactName: string;
  /** ms since epoch */
  startedAt: number;
  answeredAt: number | null;
  durationSec: number;
  outcome: CallOutcome;
  /** e.g. "486 Busy Here" for a failed or rejected call, or a failure message. */
  reason: string;
  /** Missed calls stay "unseen" until the user opens Recent. */
  seen: boolean;
  /** The phone's id of the call, so the wrap-up finds its entry (absent on entries made before it). */
  callId?: string;
  /** What the user noted after the call (the wrap-up), when they did. */
  wrapUp?: WrapUp;
  /** Missed because the user was on another call (the phone answered it busy): Recent says so. */
  whileOnCall?: boolean;
  /** The call's audio quality while it was answered (absent when it was not measured). */
  quality?: CallQualitySummary;
  /** Missed because do not disturb was on (the phone answered it busy): Recent says so. */
  doNotDisturb?: boolean;
}

/** A finished call's quality: the average and worst estimated MOS, the loss over the call, the worst jitter. */
export interface CallQualitySummary {
  mos: number;
  worstMos: number;
  lossPercent: number;
  jitterMs: number;
}

/** The wrap-up of a call: an outcome from the user's list ("Left voicemail") and a short note. */
export interface WrapUp {
  outcome: string;
  note: string;
}

/** A caller's record in the ERP: their open lead, else their contact. */
export interface CallerRecord {
  kind: 'contact' | 'lead';
  model: string;
  id: number;
  name: string;
  /** Where it opens (the ERP's form). */
  url: string;
}

/** Call pop: the record of whoever rings, and new records for unknown callers. */
export interface CallPopApi {
  /** The record of the caller with this number (their open lead first), or null for an unknown caller. */
  recordFor(number: string): Promise<ProviderResult<CallerRecord | null>>;
  /** A new contact with this number (its name the number, to be completed in the ERP). */
  createContact(number: string): Promise<ProviderResult<CallerRecord>>;
  /** A new lead with this number. */
  createLead(number: string): Promise<ProviderResult<CallerRecord>>;
}

export interface Colleague {
  name: string;
  /** Their extension (what a transfer dials). */
  number: string;
}

export interface OutboxConflict {
  id: number;
  /** What it was, in the user's words ("Mark done: “Renewal”"). */
  label: string;
  /** Why the ERP refused it. */
  reason: string;
}

export interface EmailDraft {
  to: string;
  subject: string;
  body: string;
  contactId: string | null;
}

export interface ScheduledEmail extends EmailDraft {
  id: string;
  /** ms since epoch */
  sendAt: number;
  state: 'scheduled' | 'sent' | 'cancelled';
}

export interface ContactsApi {
  /** Contacts with a saved number, matching name, number or email; sorted by name. */
  search(query: string, limit: number): Promise<ProviderResult<Contact[]>>;
  get(id: string): Promise<ProviderResult<Contact | null>>;
  save(draft: ContactDraft): Promise<ProviderResult<Contact>>;
  remove(id: string): Promise<ProviderResult<undefined>>;
  /** The contact whose number matches (E.164 equality, then the last 9 digits). */
  matchNumber(number: string): Promise<ProviderResult<Contact | null>>;
  count(): Promise<ProviderResult<number>>;
  /** Replace nothing: adds these contacts in one transaction (import, sample data). */
  bulkAdd(drafts: ContactDraft[]): Promise<ProviderResult<number>>;
  all(): Promise<ProviderResult<Contact[]>>;
}

export interface ActivitiesApi {
  /** Open call activities assigned to me, due on or before `today`, soonest first; the first `limit` of them. */
  due(today: string, query: string, limit?: number): Promise<ProviderResult<Activity[]>>;
  forContact(contactId: string): Promise<ProviderResult<Activity[]>>;
  schedule(draft: ActivityDraft): Promise<ProviderResult<Activity>>;
  /** The activity types one can schedule (Odoo's); without it, every activity is a call. */
  types?(): Promise<ProviderResult<ActivityType[]>>;
  update(id: string, patch: ActivityPatch): Promise<ProviderResult<Activity>>;
  markDone(id: string, feedback: string): Promise<ProviderResult<Activity>>;
  cancel(id: string): Promise<ProviderResult<undefined>>;
}

export interface HistoryApi {
  /** Newest first; `query` filters by name or number, `outcome` by the wrap-up's outcome ('' = none noted). */
  list(limit: number, query: string, outcome?: string): Promise<ProviderResult<HistoryEntry[]>>;
  add(entry: Omit<HistoryEntry, 'id'>): Promise<ProviderResult<HistoryEntry>>;
  unseenMissed(): Promise<ProviderResult<number>>;
  /** Keeps the wrap-up with the call's entry (found by the phone's call id). */
  annotate(callId: string, wrapUp: WrapUp): Promise<ProviderResult<HistoryEntry>>;
  markAllSeen(): Promise<ProviderResult<undefined>>;
}

export interface EmailApi {
  /** How Send delivers with this provider, for the UI to say so. */
  readonly sendMode: 'mailto' | 'server';
  /** Sends now through the server (sendMode 'server' only; 'mailto' hands the email to the user's mail app). */
  send?(draft: EmailDraft): Promise<ProviderResult<undefined>>;
  schedule(draft: EmailDraft, sendAt: number): Promise<ProviderResult<ScheduledEmail>>;
  scheduled(): Promise<ProviderResult<ScheduledEmail[]>>;
  cancelScheduled(id: string): Promise<ProviderResult<undefined>>;
  markSent(id: string): Promise<ProviderResult<undefined>>;
}

export interface DataProvider {
  readonly kind: 'local' | 'odoo';
  /** Starts connecting now, ahead of the first query (the popup calls it before it builds). */
  warmUp?(): void;
  contacts: ContactsApi;
  activities: ActivitiesApi;
  history: HistoryApi;
  email: EmailApi;
  /** Colleagues to transfer to (name and extension); without it, contacts with a short number are offered. */
  colleagues?(query: string): Promise<ProviderResult<Colleague[]>>;
  /** Logs a finished call in the ERP (the Odoo chatter); providers without one have no log. */
  logCall?(entry: HistoryEntry): Promise<ProviderResult<undefined>>;
  /** Call pop (providers with records to open: Odoo). */
  callPop?: CallPopApi;
  /** Posts a call's wrap-up in the chatter of the caller's record. */
  logWrapUp?(call: Pick<HistoryEntry, 'direction' | 'number' | 'durationSec'>, wrapUp: WrapUp, record: CallerRecord): Promise<ProviderResult<undefined>>;
  /** ERP writes kept for later: how many wait, and those the ERP refused for good (shown to the user). */
  outbox?: {
    waiting(): Promise<number>;
    conflicts(): Promise<OutboxConflict[]>;
    dismiss(id: number): Promise<void>;
  };
  /** Sends the ERP writes kept while it was out of reach. */
  flush?(): Promise<ProviderResult<{ sent: number; waiting: number }>>;
}

import { describe, expect, it } from 'vitest';
import type { Activity, Contact, HistoryEntry } from '../../../lib/providers/types';
import { screenOf, selectedRowKey, type ScreenInputs } from './screen';

const contact = { id: 'c1', name: 'Ada', company: '', phones: [] } as unknown as Contact;
const activity = { id: 'a1', contactId: 'c1' } as unknown as Activity;
const call = { id: 'h1', number: '1004' } as unknown as HistoryEntry;
const idle: ScreenInputs = { incoming: false, live: false, offer: false, panel: 'list', selection: null };

describe('the screen shown', () => {
  it('puts a ringing call first, then the call on the line, then the follow-up offer', () => {
    const all = { ...idle, panel: 'details' as const, selection: { kind: 'contact' as const, contact } };
    expect(screenOf({ ...all, incoming: true, live: true, offer: true })).toBe('incoming');
    expect(screenOf({ ...all, live: true, offer: true })).toBe('call');
    expect(screenOf({ ...all, offer: true })).toBe('offer');
    expect(screenOf(all)).toBe('details');
  });

  it('shows the lists alone when a panel has nothing to be about', () => {
    expect(screenOf(idle)).toBe('list');
    expect(screenOf({ ...idle, panel: 'details' })).toBe('list');
    expect(screenOf({ ...idle, panel: 'dialer' })).toBe('dialer');
    const bare = { kind: 'number' as const, number: '1004', name: '', contact: null };
    expect(screenOf({ ...idle, panel: 'contactInfo', selection: bare })).toBe('list');
    expect(screenOf({ ...idle, panel: 'done', selection: { kind: 'contact', contact } })).toBe('list');
    expect(screenOf({ ...idle, panel: 'done', selection: { kind: 'activity', activity, contact } })).toBe('done');
  });

  it('names the row whose details are open by the key its list uses', () => {
    expect(selectedRowKey(null)).toBe('');
    expect(selectedRowKey({ kind: 'activity', activity, contact })).toBe('a1');
    expect(selectedRowKey({ kind: 'contact', contact })).toBe('c1');
    expect(selectedRowKey({ kind: 'contact', contact, call })).toBe('h1');
    expect(selectedRowKey({ kind: 'number', number: '1004', name: '', contact: null })).toBe('1004');
  });
});

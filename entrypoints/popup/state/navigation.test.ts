// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DataSource } from './data-source.svelte';
import { NavigationState, type Panel } from './navigation.svelte';
import { seeded, wire } from './test-support';

vi.mock('webextension-polyfill', async () => ({ default: (await import('wxt/testing/fake-browser')).fakeBrowser }));

describe('moving between panels', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  async function withActivity() {
    const { provider, contacts, activities } = await seeded(['Ada Lovelace'], ['Call Ada']);
    const nav = new NavigationState(new DataSource(provider));
    await nav.openActivity(activities[0]!);
    return { nav, contact: contacts[0]!, activity: activities[0]! };
  }

  it('opens an activity with its contact, on its details', async () => {
    const { nav, contact, activity } = await withActivity();
    expect(nav.panel).toBe('details');
    expect(nav.selection).toEqual({ kind: 'activity', activity, contact });
    expect(nav.selectedContact).toEqual(contact);
  });

  it.each<Panel>(['contactInfo', 'email', 'schedule', 'edit', 'done'])('back from %s goes to the details, still selected', async (panel) => {
    const { nav, activity } = await withActivity();
    nav.show(panel);
    nav.back();
    expect(nav.panel).toBe('details');
    expect(nav.selection?.kind === 'activity' && nav.selection.activity.id).toBe(activity.id);
  });

  it.each<Panel>(['details', 'dialer', 'scheduledEmails'])('back from %s goes to the lists, nothing selected', async (panel) => {
    const { nav } = await withActivity();
    nav.show(panel);
    nav.back();
    expect([nav.panel, nav.selection]).toEqual(['list', null]);
  });

  it('back from a form with nothing selected goes to the lists', async () => {
    const nav = new NavigationState(new DataSource((await seeded()).provider));
    nav.show('email');
    nav.back();
    expect(nav.panel).toBe('list');
  });

  it("opens a Recent row's details: its contact's when the number is known, the bare number's when not (never a call)", async () => {
    const sent = wire();
    const { provider, contacts } = await seeded(['Ada Lovelace']);
    const nav = new NavigationState(new DataSource(provider));
    await nav.openByNumber('+19995550000', 'Unknown caller');
    expect([nav.panel, nav.selection]).toEqual(['details', { kind: 'number', number: '+19995550000', name: 'Unknown caller', contact: null }]);
    await nav.openByNumber(contacts[0]!.phones[0]!.number);
    expect([nav.panel, nav.selection]).toEqual(['details', { kind: 'contact', contact: contacts[0] }]);
    expect(sent.filter((m) => m.type === 'phone:dial')).toEqual([]);
  });

  it("opens the activity's own document first, else the contact's record", async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const { nav, contact } = await withActivity();
    nav.openContact({ ...contact, recordUrl: 'https://erp.example.com/contact/7' });
    nav.openRecord();
    const { activity } = await withActivity();
    nav.openContact(contact);
    await nav.openActivity({ ...activity, recordUrl: 'https://erp.example.com/lead/4' });
    nav.openRecord();
    expect(create.mock.calls.map(([c]) => c.url)).toEqual(['https://erp.example.com/contact/7', 'https://erp.example.com/lead/4']);
  });
});

// The background's answer to content scripts, over WXT's fake browser: only our scripts in a real
// tab are answered, only well-formed requests, only on sites where click-to-call is on, and the
// settings are read once and followed when they change.
import 'fake-indexeddb/auto';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RecordingLink } from '../../tests/fakes/host-link';
import { CLICK_TO_CALL_KEY } from '../click-to-call/settings';
import { savePrivate } from '../settings/private-store';
import { CallState } from '../sip/states';
import { watchClickToCallSettings } from './click-to-call';
import { onContentMessage } from './main';

const page = { id: fakeBrowser.runtime.id, url: 'https://shop.example/contact', tab: { id: 7 } };
const resolve = { type: 'cs:resolve', items: [{ number: '(650) 555-0102', ext: '' }] };
let link: RecordingLink;
const ask = (msg: unknown, sender: object = page) => onContentMessage(msg, sender, link);
/** Storage reads of the click-to-call settings so far. */
let settingsReads = 0;

beforeAll(() => {
  watchClickToCallSettings();
  const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local) as (keys: unknown) => Promise<Record<string, unknown>>;
  fakeBrowser.storage.local.get = ((keys: unknown) => {
    if (keys === CLICK_TO_CALL_KEY) settingsReads++;
    return get(keys);
  }) as typeof fakeBrowser.storage.local.get;
  fakeBrowser.action.openPopup = async () => undefined;
});

beforeEach(async () => {
  link = new RecordingLink();
  await savePrivate('account', { wsUrl: 'wss://p/ws', domain: 'p', username: '1', authorizationUser: '', displayName: '', defaultCountry: 'US', callWaiting: false, debug: false });
  await fakeBrowser.storage.local.set({
    // This site's calls go without asking (the confirmation is page-calls.test.ts's).
    [CLICK_TO_CALL_KEY]: { enabled: true, disabledSites: [], trustedSites: ['shop.example'] },
  });
});

describe('content scripts: who is answered', () => {
  it('not an extension page, not another extension, not a sender without a tab', () => {
    expect(ask(resolve, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') })).toBeUndefined();
    expect(ask(resolve, { ...page, id: 'other-extension' })).toBeUndefined();
    expect(ask(resolve, { id: fakeBrowser.runtime.id, url: 'https://shop.example/' })).toBeUndefined();
  });

  it('a malformed request is refused, and a phone command from a page is not one of its requests', async () => {
    expect(await ask({ type: 'cs:dial', number: '+1650555;transport=tcp', seen: true })).toEqual({ ok: false, error: 'Malformed request.' });
    expect(await ask({ type: 'phone:dial', number: '+16505550102' })).toEqual({ ok: false, error: 'Malformed request.' });
    expect(link.sent).toHaveLength(0);
  });
});

describe('content scripts: click-to-call', () => {
  it('resolves written numbers with the account country', async () => {
    expect(await ask(resolve)).toEqual({ ok: true, value: [{ e164: '+16505550102', display: expect.stringContaining('650') }] });
  });

  it('a call button dials its E.164 number through the phone host', async () => {
    expect(await ask({ type: 'cs:dial', number: '+16505550102', seen: true })).toEqual({ ok: true, value: undefined });
    expect(link.commands()).toEqual([{ type: 'phone:dial', number: { kind: 'e164', number: '+16505550102', display: expect.any(String) } }]);
  });

  it('one page call at a time per number: a double-click dials once, and a click while that call is on adds none', async () => {
    const dial = { type: 'cs:dial', number: '+16505550102', seen: true };
    await Promise.all([ask(dial), ask(dial)]);
    expect(link.commands()).toHaveLength(1);
    link.answer = (cmd) =>
      cmd.type === 'phone:getState'
        ? { ok: true, value: { calls: [{ id: 'c1', state: CallState.Ringing, remoteNumber: '+16505550102' }] } }
        : { ok: true, value: undefined };
    expect(await ask(dial)).toEqual({ ok: true, value: undefined });
    expect(await ask({ type: 'cs:dialLink', href: 'tel:+1-650-555-0102', seen: true })).toEqual({ ok: true, value: undefined });
    expect(link.commands()).toHaveLength(1);
    // Another number is another call.
    await ask({ type: 'cs:dial', number: '+16505550103', seen: true });
    expect(link.commands()).toHaveLength(2);
  });

  it("a tel: link's own words never reach the notification or the answer: a page can write anything there", async () => {
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    const r = await ask({ type: 'cs:dialLink', href: 'tel:Virus found - call Microsoft now', seen: true });
    expect(JSON.stringify(r)).not.toMatch(/Virus|Microsoft/);
    const shown = created.mock.calls.map((c) => JSON.stringify(c)).join('\n');
    expect(shown).toContain('Incorrect Number');
    expect(shown).not.toMatch(/Virus|Microsoft/);
    expect(link.sent).toHaveLength(0);
    created.mockRestore();
  });

  it('a tel: link that holds no number is refused with the Incorrect Number text, and shown in a notification', async () => {
    const r = await ask({ type: 'cs:dialLink', href: 'tel:;;', seen: true });
    expect(r).toEqual({ ok: false, error: expect.stringContaining('number') });
    expect(link.commands()).toHaveLength(0);
    expect(Object.keys(await fakeBrowser.notifications.getAll()).some((id) => id.startsWith('error:'))).toBe(true);
  });

  it('on a site where the user turned it off, nothing is resolved or dialled', async () => {
    await fakeBrowser.storage.local.set({ [CLICK_TO_CALL_KEY]: { enabled: true, disabledSites: ['shop.example'] } });
    expect(await ask(resolve)).toEqual({ ok: false, error: 'Click-to-call is off on this site.' });
    expect(await ask({ type: 'cs:dial', number: '+16505550102', seen: true })).toEqual({ ok: false, error: 'Click-to-call is off on this site.' });
    expect(link.sent).toHaveLength(0);
    expect(await ask(resolve, { ...page, url: 'https://other.example/' })).toMatchObject({ ok: true });
  });

  it('a frame that floods the background with numbers to check is refused past 120 batches in 10 s; other frames are not', async () => {
    const flooding = { ...page, tab: { id: 99 }, frameId: 3 };
    const answers = await Promise.all(Array.from({ length: 121 }, () => ask(resolve, flooding)));
    expect(answers.filter((a) => (a as { ok: boolean }).ok)).toHaveLength(120);
    expect(answers.at(-1)).toEqual({ ok: false, error: expect.stringContaining('too many numbers') });
    expect(await ask(resolve, { ...flooding, frameId: 0 })).toMatchObject({ ok: true });
  });

  it('reads the settings once for many requests, and again only after they change', async () => {
    await ask(resolve); // the change in beforeEach dropped what was kept
    const before = settingsReads;
    await Promise.all(Array.from({ length: 20 }, () => ask(resolve)));
    expect(settingsReads).toBe(before);
    await fakeBrowser.storage.local.set({ [CLICK_TO_CALL_KEY]: { enabled: false, disabledSites: [] } });
    expect(await ask(resolve)).toEqual({ ok: false, error: 'Click-to-call is off on this site.' });
    expect(settingsReads).toBe(before + 1);
  });

  it('a failed settings read is not kept: the next request reads again', async () => {
    await fakeBrowser.storage.local.set({ [CLICK_TO_CALL_KEY]: { enabled: false, disabledSites: [] } });
    const spy = vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('disk on fire'));
    // Meanwhile the defaults (on) stand, as the content scripts assume.
    expect(await ask(resolve)).toMatchObject({ ok: true });
    spy.mockRestore();
    expect(await ask(resolve)).toEqual({ ok: false, error: 'Click-to-call is off on this site.' });
  });
});

describe('content scripts: Odoo Kanban', () => {
  it('answers only pages of the Odoo the user connected', async () => {
    expect(await ask({ type: 'cs:odooQueueState', resIds: [1, 2] })).toEqual({ ok: false, error: expect.stringMatching(/Odoo/) });
    expect(await ask({ type: 'cs:odooToggle', resId: 1, add: true })).toEqual({ ok: false, error: expect.stringMatching(/Odoo/) });
  });
});

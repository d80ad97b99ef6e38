// A call a web page asks for, over WXT's fake browser: from a site the user has not trusted it
// waits for a yes in the extension's own window; premium-rate numbers and feature codes always do;
// the connected Odoo and trusted sites call at once; what the window shows and answers.
import 'fake-indexeddb/auto';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RecordingLink } from '../../tests/fakes/host-link';
import { CLICK_TO_CALL_KEY } from '../click-to-call/settings';
import { removePrivate, savePrivate } from '../settings/private-store';
import { watchConfirmWindows } from './confirm-call';
import { onContentMessage, onPageMessage } from './main';

const page = { id: fakeBrowser.runtime.id, url: 'https://shop.example/contact', tab: { id: 7 } };
const confirmPage = (id: string) => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL(`/confirm-call.html?id=${id}`) });
let link: RecordingLink;
let opened: string[];
let windowIds: number[];

const fromPage = (msg: unknown, sender: object = page) => onContentMessage(msg, sender, link);
const fromConfirm = (msg: { id: string } & Record<string, unknown>) => onPageMessage(msg, confirmPage(msg.id), { link, refreshBadge: () => {} });
const dials = () => link.commands().filter((c) => c.type === 'phone:dial');
/** The id of the confirmation the last window was opened for. */
const lastId = () => new URL(opened.at(-1)!).searchParams.get('id')!;

beforeAll(() => {
  watchConfirmWindows();
  fakeBrowser.action.openPopup = async () => undefined;
  const create = fakeBrowser.windows.create.bind(fakeBrowser.windows);
  fakeBrowser.windows.create = (async (info: { url?: string }) => {
    opened.push(info.url ?? '');
    const win = await create(info as Parameters<typeof create>[0]);
    windowIds.push(win?.id ?? -1);
    return win;
  }) as typeof fakeBrowser.windows.create;
});

beforeEach(async () => {
  link = new RecordingLink();
  opened = [];
  windowIds = [];
  await removePrivate('odoo');
  await savePrivate('account', { wsUrl: 'wss://p/ws', domain: 'p', username: '1', authorizationUser: '', displayName: '', defaultCountry: 'US', callWaiting: false, debug: false });
  await fakeBrowser.storage.local.set({ [CLICK_TO_CALL_KEY]: { enabled: true, disabledSites: [], trustedSites: [] } });
});

describe('a call a page asks for', () => {
  it('from a site not trusted: no call, a confirmation window; Call places exactly that call', async () => {
    expect(await fromPage({ type: 'cs:dial', number: '+16505550102', seen: true })).toEqual({ ok: true, value: undefined });
    expect(dials()).toHaveLength(0);
    expect(opened).toEqual([expect.stringMatching(/\/confirm-call\.html\?id=[0-9a-f-]{36}$/)]);
    const id = lastId();
    expect(await fromConfirm({ type: 'bg:pendingCall', id })).toEqual({
      ok: true, value: { number: '(650) 555-0102', name: '', site: 'shop.example', risk: null, unseen: false },
    });
    expect(await fromConfirm({ type: 'bg:answerCall', id, call: true, trust: false })).toEqual({ ok: true, value: undefined });
    expect(dials()).toEqual([{ type: 'phone:dial', number: { kind: 'e164', number: '+16505550102', display: '+1 650 555 0102' } }]);
    // Answered once: the same request cannot place a second call.
    expect(await fromConfirm({ type: 'bg:answerCall', id, call: true, trust: false })).toMatchObject({ ok: false });
    expect(dials()).toHaveLength(1);
  });

  it('Cancel, or closing the window, places nothing', async () => {
    await fromPage({ type: 'cs:dialLink', href: 'tel:+1-650-555-0103', seen: true });
    expect(await fromConfirm({ type: 'bg:answerCall', id: lastId(), call: false, trust: false })).toEqual({ ok: true, value: undefined });
    await fromPage({ type: 'cs:dial', number: '+16505550104', seen: true });
    const id = lastId();
    await fakeBrowser.windows.remove(windowIds.at(-1)!);
    expect(await fromConfirm({ type: 'bg:answerCall', id, call: true, trust: false })).toMatchObject({ ok: false });
    expect(dials()).toHaveLength(0);
  });

  it('"Always call without asking on" the site: that call goes, and the next from there needs no window', async () => {
    await fromPage({ type: 'cs:dial', number: '+16505550102', seen: true });
    await fromConfirm({ type: 'bg:answerCall', id: lastId(), call: true, trust: true });
    expect((await fakeBrowser.storage.local.get(CLICK_TO_CALL_KEY))[CLICK_TO_CALL_KEY]).toMatchObject({ trustedSites: ['shop.example'] });
    await fromPage({ type: 'cs:dial', number: '+16505550103', seen: true });
    expect(opened).toHaveLength(1);
    expect(dials().map((d) => (d.type === 'phone:dial' ? d.number.number : ''))).toEqual(['+16505550102', '+16505550103']);
    // Another site is still asked about.
    await fromPage({ type: 'cs:dial', number: '+16505550104', seen: true }, { ...page, url: 'https://ads.example/frame' });
    expect(opened).toHaveLength(2);
  });

  it('the connected Odoo is trusted without being asked', async () => {
    await savePrivate('odoo', { settings: { url: 'https://shop.example', db: '', mode: 'session', login: '' }, uid: 2, major: 17 });
    await fromPage({ type: 'cs:dial', number: '+16505550102', seen: true });
    expect(opened).toHaveLength(0);
    expect(dials()).toHaveLength(1);
  });

  it('a click the user could not see (hidden, covered, moved) is confirmed even on a trusted site, said so, and cannot trust the site', async () => {
    await fakeBrowser.storage.local.set({ [CLICK_TO_CALL_KEY]: { enabled: true, disabledSites: [], trustedSites: ['shop.example'] } });
    await fromPage({ type: 'cs:dialLink', href: 'tel:+1-650-555-0102', seen: false });
    expect(dials()).toHaveLength(0);
    expect(await fromConfirm({ type: 'bg:pendingCall', id: lastId() })).toMatchObject({ ok: true, value: { unseen: true, risk: null } });
    await fromConfirm({ type: 'bg:answerCall', id: lastId(), call: false, trust: false });
    await fromPage({ type: 'cs:dial', number: '+16505550103', seen: false });
    expect(opened).toHaveLength(2);
    await fromConfirm({ type: 'bg:answerCall', id: lastId(), call: true, trust: true });
    expect(dials()).toHaveLength(1);
    // A yes with "trust" from such a click trusts nothing new: the untrusted site stays asked about.
    await fakeBrowser.storage.local.set({ [CLICK_TO_CALL_KEY]: { enabled: true, disabledSites: [], trustedSites: [] } });
    await fromPage({ type: 'cs:dial', number: '+16505550106', seen: false });
    expect(opened).toHaveLength(3);
    await fromConfirm({ type: 'bg:answerCall', id: lastId(), call: true, trust: true });
    expect((await fakeBrowser.storage.local.get(CLICK_TO_CALL_KEY))[CLICK_TO_CALL_KEY]).toMatchObject({ trustedSites: [] });
    // The same click, seen, on the trusted site: at once.
    await fakeBrowser.storage.local.set({ [CLICK_TO_CALL_KEY]: { enabled: true, disabledSites: [], trustedSites: ['shop.example'] } });
    await fromPage({ type: 'cs:dial', number: '+16505550105', seen: true });
    expect(opened).toHaveLength(3);
    expect(dials().map((d) => (d.type === 'phone:dial' ? d.number.number : ''))).toEqual(['+16505550103', '+16505550106', '+16505550105']);
  });

  it('premium-rate numbers and feature codes are always confirmed, with a warning, and cannot be trusted away', async () => {
    await fakeBrowser.storage.local.set({ [CLICK_TO_CALL_KEY]: { enabled: true, disabledSites: [], trustedSites: ['shop.example'] } });
    await fromPage({ type: 'cs:dialLink', href: 'tel:+1-900-555-0100', seen: true });
    expect(await fromConfirm({ type: 'bg:pendingCall', id: lastId() })).toMatchObject({ ok: true, value: { risk: 'premiumRate' } });
    await fromConfirm({ type: 'bg:answerCall', id: lastId(), call: false, trust: false });
    await fromPage({ type: 'cs:dialLink', href: 'tel:*72', seen: true });
    expect(await fromConfirm({ type: 'bg:pendingCall', id: lastId() })).toMatchObject({ ok: true, value: { risk: 'featureCode' } });
    expect(dials()).toHaveLength(0);
  });

  it('where no window can be opened, nothing is called and the user is told', async () => {
    const create = fakeBrowser.windows.create;
    fakeBrowser.windows.create = (async () => {
      throw new Error('windows are not supported here');
    }) as typeof create;
    const notices = vi.spyOn(fakeBrowser.notifications, 'create');
    expect(await fromPage({ type: 'cs:dial', number: '+16505550108', seen: true })).toMatchObject({ ok: false });
    fakeBrowser.windows.create = create;
    expect(dials()).toHaveLength(0);
    expect(notices).toHaveBeenCalled();
    notices.mockRestore();
    // Not left pending: the next click asks again.
    await fromPage({ type: 'cs:dial', number: '+16505550108', seen: true });
    expect(opened.at(-1)).toMatch(/confirm-call/);
  });

  it('a double-click asks once: the window already open comes back to the front', async () => {
    await Promise.all([fromPage({ type: 'cs:dial', number: '+16505550102', seen: true }), fromPage({ type: 'cs:dial', number: '+16505550102', seen: true })]);
    await fromPage({ type: 'cs:dial', number: '+16505550102', seen: true });
    expect(opened).toHaveLength(1);
  });

  it('only the extension\'s own pages can answer: a content script cannot confirm its own call', async () => {
    await fromPage({ type: 'cs:dial', number: '+16505550109', seen: true });
    const answer = { type: 'bg:answerCall', id: lastId(), call: true, trust: true };
    expect(await fromPage(answer)).toEqual({ ok: false, error: 'Malformed request.' });
    expect(onPageMessage(answer, page, { link, refreshBadge: () => {} })).toBeUndefined();
    expect(dials()).toHaveLength(0);
  });
});

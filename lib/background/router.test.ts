// The background's answer to extension pages, over WXT's fake browser: who may send, what is
// refused, and what reaches the phone host (numbers as dial targets, never as typed).
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RecordingLink } from '../../tests/fakes/host-link';
import { loadPrivate, savePrivate } from '../settings/private-store';
import { loadSecret } from '../settings/secret-store';
import { onPageMessage } from './main';
import type { RouterContext } from './router';

const ORIGIN = fakeBrowser.runtime.getURL('/');
const popup = { id: fakeBrowser.runtime.id, url: `${ORIGIN}popup.html` };
const account = {
  wsUrl: 'wss://pbx.example.com/ws', domain: 'pbx.example.com', username: '1001', authorizationUser: '', displayName: 'Jane',
  defaultCountry: 'US', callWaiting: false, maxLines: 2, debug: false,
};

let link: RecordingLink;
let badge = 0;
const ctx = (): RouterContext => ({ link, refreshBadge: () => badge++ });
const send = (msg: unknown, sender: object = popup) => onPageMessage(msg, sender, ctx());

beforeEach(async () => {
  link = new RecordingLink();
  badge = 0;
  await savePrivate('account', account);
});

describe('background: who may send', () => {
  it('answers nothing to a content script, another extension, or a sender without a URL', async () => {
    const dial = { type: 'phone:dial', number: '+16505550102' };
    expect(send(dial, { id: fakeBrowser.runtime.id, url: 'https://evil.example/', tab: { id: 4 } })).toBeUndefined();
    expect(send(dial, { id: 'other-extension', url: 'chrome-extension://other-extension/popup.html' })).toBeUndefined();
    expect(send(dial, { id: fakeBrowser.runtime.id })).toBeUndefined();
    expect(link.sent).toHaveLength(0);
  });

  it('refuses a malformed message with a reason, and leaves events and host envelopes to their receivers', async () => {
    expect(await send({ type: 'phone:dial', number: 42 })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await send({ type: 'bg:nope' })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(send({ type: 'event:phoneState', state: {} })).toBeUndefined();
    expect(send({ type: 'host:cmd', cmd: { type: 'phone:getState' } })).toBeUndefined();
    expect(link.sent).toHaveLength(0);
  });
});

describe('background: phone commands', () => {
  it('turns a written number into an E.164 dial target with the account country', async () => {
    expect(await send({ type: 'phone:dial', number: '(650) 555-0102' })).toEqual({ ok: true, value: undefined });
    expect(link.commands()).toEqual([{ type: 'phone:dial', number: { kind: 'e164', number: '+16505550102', display: expect.any(String) } }]);
  });

  it('a transfer target may be an extension', async () => {
    await send({ type: 'phone:transfer', callId: 'c1', target: '1003' });
    expect(link.commands()).toEqual([{ type: 'phone:transfer', callId: 'c1', target: { kind: 'extension', number: '1003', display: '1003' } }]);
  });

  it('a number that is not one is Incorrect Number, and nothing reaches the host', async () => {
    expect(await send({ type: 'phone:dial', number: 'call me maybe' })).toEqual({
      ok: false, error: { code: 'incorrectNumber', args: ['call me maybe'] },
    });
    expect(link.sent).toHaveLength(0);
  });

  it('passes other commands as they are, and the host answer back', async () => {
    link.answer = () => ({ ok: false, error: { code: 'callDropped', args: [] } });
    expect(await send({ type: 'phone:mute', callId: 'c1', muted: true, extra: 'dropped' })).toEqual({
      ok: false, error: { code: 'callDropped', args: [] },
    });
    expect(link.commands()).toEqual([{ type: 'phone:mute', callId: 'c1', muted: true }]);
  });
});

describe('background: settings', () => {
  it('never sends the secret back to a page', async () => {
    const form = { ...account, secret: 'pa55-word' };
    expect(await send({ type: 'bg:saveSettings', form })).toEqual({ ok: true, value: undefined });
    expect(await loadSecret()).toBe('pa55-word');
    const view = await send({ type: 'bg:getSettings' });
    expect(JSON.stringify(view)).not.toContain('pa55-word');
    expect(view).toMatchObject({ ok: true, value: { hasSecret: true, account: { username: '1001' } } });
  });

  it('refuses a wrong form field by field, saves nothing and leaves the host as it was', async () => {
    const r = await send({ type: 'bg:saveSettings', form: { ...account, wsUrl: 'https://pbx', secret: '' } });
    expect(r).toMatchObject({ ok: false, error: { wsUrl: 'validation.wsUrl.scheme' } });
    expect(await loadPrivate('account')).toEqual(account);
    expect(link.sent).toHaveLength(0);
  });

  it('a saved account is handed to the phone host at once', async () => {
    await send({ type: 'bg:saveSettings', form: { ...account, username: '1002', secret: 'x', maxLines: 3 } });
    expect(link.sent.at(-1)).toMatchObject({ type: 'host:configure', config: { username: '1002', secret: 'x', maxLines: 3 } });
  });

  it('Recent seen: the badge is counted again', async () => {
    await send({ type: 'bg:missedSeen' });
    expect(badge).toBe(1);
  });
});

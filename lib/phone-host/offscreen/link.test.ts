// The background's end of Chrome's offscreen phone host, over WXT's fake browser: the document
// is made once, commands go in their envelope and are tried again once, only the host's events
// from our own pages are heard, and a lifeline that drops brings a new, configured host.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PAGES } from '../../extension-pages';
import { LIFELINE_PORT, type HostEvent } from '../link';
import { OffscreenLink, type OffscreenApi } from './link';

type Listener = (...args: never[]) => unknown;
function event() {
  const listeners: Listener[] = [];
  return {
    addListener: (l: Listener) => listeners.push(l),
    removeListener: (l: Listener) => listeners.splice(listeners.indexOf(l), 1),
    hasListener: (l: Listener) => listeners.includes(l),
    fire: (...args: unknown[]) => listeners.forEach((l) => (l as (...a: unknown[]) => unknown)(...args)),
  };
}

/** Chrome's offscreen API as a record: documents made, and whether one exists. */
class FakeOffscreen implements OffscreenApi {
  created: { url: string; reasons: string[] }[] = [];
  exists = false;
  failWith: string | null = null;
  async createDocument(p: { url: string; reasons: string[] }): Promise<void> {
    await new Promise((r) => setTimeout(r, 5));
    this.created.push({ url: p.url, reasons: p.reasons });
    if (this.failWith) throw new Error(this.failWith);
    this.exists = true;
  }
  async hasDocument(): Promise<boolean> {
    return this.exists;
  }
}

const offscreenUrl = fakeBrowser.runtime.getURL(PAGES.offscreen);
let api: FakeOffscreen;
let connect: ReturnType<typeof event>;
let events: HostEvent[];

beforeEach(() => {
  fakeBrowser.reset();
  api = new FakeOffscreen();
  connect = event();
  (fakeBrowser.runtime as unknown as { onConnect: unknown }).onConnect = connect;
  events = [];
});

function started(): OffscreenLink {
  const link = new OffscreenLink(api, 0);
  link.start((e) => events.push(e));
  return link;
}

describe('OffscreenLink.ensure', () => {
  it('makes one document with USER_MEDIA and WEB_RTC, however many ask at once', async () => {
    const link = started();
    await Promise.all([link.ensure(), link.ensure(), link.ensure()]);
    expect(api.created).toEqual([{ url: PAGES.offscreen, reasons: ['USER_MEDIA', 'WEB_RTC'] }]);
    await link.ensure();
    expect(api.created).toHaveLength(1);
  });

  it('makes none when the document already exists, and takes "only a single offscreen document" as there', async () => {
    api.exists = true;
    await started().ensure();
    expect(api.created).toHaveLength(0);
    const other = new FakeOffscreen();
    other.failWith = 'Only a single offscreen document may be created.';
    await expect(new OffscreenLink(other, 0).ensure()).resolves.toBeUndefined();
  });
});

describe('OffscreenLink.send', () => {
  it('sends the command in a host:cmd envelope and returns the answer', async () => {
    const link = started();
    const seen: unknown[] = [];
    // The document answers the way Chrome's runtime lets it: sendResponse, and true.
    fakeBrowser.runtime.onMessage.addListener(((m: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
      seen.push(m);
      sendResponse({ ok: true, value: 'answered' });
      return true;
    }) as Parameters<typeof fakeBrowser.runtime.onMessage.addListener>[0]);
    expect(await link.send({ type: 'phone:getState' })).toEqual({ ok: true, value: 'answered' });
    expect(seen).toEqual([{ type: 'host:cmd', cmd: { type: 'phone:getState' } }]);
  });

  it('a document that is gone is looked for again and the command sent once more; twice gone is an error', async () => {
    const link = started();
    await link.ensure();
    let calls = 0;
    const original = fakeBrowser.runtime.sendMessage;
    fakeBrowser.runtime.sendMessage = (async () => {
      calls++;
      if (calls === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: true, value: undefined };
    }) as typeof original;
    api.exists = false;
    expect(await link.send({ type: 'phone:getState' })).toEqual({ ok: true, value: undefined });
    expect(calls).toBe(2);
    expect(api.created).toHaveLength(2);

    fakeBrowser.runtime.sendMessage = (async () => {
      throw new Error('Receiving end does not exist.');
    }) as typeof original;
    expect(await link.send({ type: 'phone:getState' })).toMatchObject({ ok: false, error: { code: 'internal' } });
    fakeBrowser.runtime.sendMessage = original;
  });
});

describe('OffscreenLink events and lifeline', () => {
  it("hears the host's events from our own pages only, and nothing that is not the host's", async () => {
    started();
    const ours = { id: fakeBrowser.runtime.id, url: offscreenUrl };
    const tell = (m: unknown, sender: object) => fakeBrowser.runtime.onMessage.trigger(m, sender, () => undefined);
    await tell({ type: 'event:historyChanged' }, ours);
    await tell({ type: 'event:historyChanged' }, { id: fakeBrowser.runtime.id, url: 'https://evil.example/', tab: { id: 1 } });
    await tell({ type: 'event:activitiesChanged' }, ours);
    await tell({ type: 'event:phoneState', state: 'not a state' }, ours);
    expect(events).toEqual([{ type: 'event:historyChanged' }]);
  });

  function port(url: string) {
    return { name: LIFELINE_PORT, sender: { id: fakeBrowser.runtime.id, url }, onMessage: event(), onDisconnect: event() };
  }

  it('when the document dies (its lifeline drops), a new one is made and the host is told to be configured', async () => {
    const link = started();
    await link.ensure();
    const lifeline = port(offscreenUrl);
    connect.fire(lifeline);
    api.exists = false; // closed or crashed
    lifeline.onDisconnect.fire();
    await new Promise((r) => setTimeout(r, 30));
    expect(api.created).toHaveLength(2);
    expect(events).toEqual([{ type: 'event:hostReady' }]);
  });

  it('a port of that name from any other page is not a lifeline', async () => {
    const link = started();
    await link.ensure();
    const fake = port(fakeBrowser.runtime.getURL('/popup.html'));
    connect.fire(fake);
    fake.onDisconnect.fire();
    await new Promise((r) => setTimeout(r, 30));
    expect(api.created).toHaveLength(1);
    expect(events).toEqual([]);
  });
});

// @vitest-environment happy-dom
// A frame follows the tab's top page: its site for the switches, its opt-out for the buttons.
import { describe, expect, it, vi } from 'vitest';
import { isActiveInFrame, readClickToCall } from '../../click-to-call/settings';
import { PageOptOut, topPageUrl } from './frames';

/** A window as the frame code sees it: enough of one to wire frames together. */
function fakeWindow(opts: { parent?: FakeWindow; ancestorOrigins?: string[]; href?: string; html?: string } = {}): FakeWindow {
  const target = new EventTarget();
  const doc = document.implementation.createHTMLDocument('x');
  doc.head.innerHTML = opts.html ?? '';
  const w = {
    frames: [] as FakeWindow[],
    sent: [] as unknown[],
    location: { href: opts.href ?? 'https://shop.example/', ancestorOrigins: opts.ancestorOrigins },
    document: doc,
    addEventListener: target.addEventListener.bind(target),
    postMessage(data: unknown) {
      w.sent.push(data);
    },
    deliver(data: unknown, source: unknown) {
      target.dispatchEvent(Object.assign(new Event('message'), { data, source }));
    },
  } as unknown as FakeWindow;
  Object.assign(w, { parent: opts.parent ?? w, top: opts.parent ? opts.parent.top : w });
  opts.parent?.frames.push(w);
  return w;
}
type FakeWindow = Window & { frames: FakeWindow[]; sent: unknown[]; deliver(data: unknown, source: unknown): void };

describe('the site a frame goes by', () => {
  const settings = readClickToCall({ enabled: true, disabledSites: ['crm.example'] });

  it('is the top page: a frame of another site in a turned-off site is off, and the other way round on', () => {
    expect(isActiveInFrame(settings, 'maps.example', 'crm.example')).toBe(false);
    expect(isActiveInFrame(settings, 'maps.example', 'shop.example')).toBe(true);
    // A frame of a turned-off site is off wherever it is shown.
    expect(isActiveInFrame(settings, 'crm.example', 'shop.example')).toBe(false);
    expect(isActiveInFrame(readClickToCall({ enabled: false }), 'maps.example', 'shop.example')).toBe(false);
  });

  it('a top page that cannot be known might be any site: off while any site is turned off', () => {
    expect(isActiveInFrame(settings, 'maps.example', undefined)).toBe(false);
    expect(isActiveInFrame(readClickToCall({}), 'maps.example', undefined)).toBe(true);
  });

  it('is read from ancestorOrigins (the browser\'s, last is top), the top\'s own address, or not known', () => {
    const top = fakeWindow({ href: 'https://crm.example/deals' });
    expect(topPageUrl(top)).toBe('https://crm.example/deals');
    expect(topPageUrl(fakeWindow({ parent: top, ancestorOrigins: ['https://ads.example', 'https://crm.example'] }))).toBe('https://crm.example');
    expect(topPageUrl(fakeWindow({ parent: top }))).toBe('https://crm.example/deals');
    const crossOrigin = fakeWindow({ parent: top });
    Object.defineProperty(crossOrigin, 'top', { get: () => ({ get location(): never { throw new DOMException('cross-origin', 'SecurityError'); } }) });
    expect(topPageUrl(crossOrigin)).toBeUndefined();
  });
});

describe("the page's opt-out reaches its frames", () => {
  const off = '<meta name="softphone" content="off">';

  it('the opted-out page tells its frames, and answers a frame that asks', () => {
    const top = fakeWindow({ html: off });
    const frame = fakeWindow({ parent: top });
    const optOut = new PageOptOut(top, new AbortController().signal, vi.fn());
    expect(optOut.check(top.document)).toBe(true);
    expect(frame.sent).toEqual(['softphone:page-off']);
    const late = fakeWindow({ parent: top });
    top.deliver('softphone:page-off?', late);
    expect(late.sent).toEqual(['softphone:page-off']);
  });

  it('a frame is turned off by its parent only (nothing turns one on), and tells its own frames', () => {
    const top = fakeWindow();
    const frame = fakeWindow({ parent: top });
    const inner = fakeWindow({ parent: frame });
    const onOff = vi.fn();
    const optOut = new PageOptOut(frame, new AbortController().signal, onOff);
    expect(top.sent).toEqual(['softphone:page-off?']);
    expect(optOut.check(frame.document)).toBe(false);
    frame.deliver('softphone:page-off', inner);
    frame.deliver('softphone:page-on', top);
    expect(optOut.isOff).toBe(false);
    frame.deliver('softphone:page-off', top);
    expect(optOut.isOff).toBe(true);
    expect(onOff).toHaveBeenCalledTimes(1);
    expect(inner.sent).toEqual(['softphone:page-off']);
  });

  it('a same-origin parent is read directly', () => {
    const top = fakeWindow({ html: off });
    const frame = fakeWindow({ parent: top });
    expect(new PageOptOut(frame, new AbortController().signal, vi.fn()).check(frame.document)).toBe(true);
  });
});

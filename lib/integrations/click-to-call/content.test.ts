// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://shop.example/contact"}
// The content script under WXT's own ContentScriptContext: once that ends (the extension was
// updated or reloaded under the page, or a newer copy started), nothing of ours handles a click
// and our buttons are out of the page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Chrome's runtime as a content script sees it; an orphaned script sees `id` gone. WXT's context
// reads it through wxt/browser (mocked below to this same runtime).
const fake = vi.hoisted(() => {
  const runtime: { id?: string } = { id: 'softphone-test' };
  (globalThis as { chrome?: unknown }).chrome = { runtime };
  return { runtime };
});

const sent: { type: string }[] = [];
const storageListeners = new Set<unknown>();
// WXT's context asks `browser` from wxt/browser (WxtVitest makes that the fake browser): the same runtime.
vi.mock('wxt/browser', () => ({ browser: { runtime: fake.runtime } }));
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      get id() {
        return fake.runtime.id;
      },
      sendMessage: async (msg: { type: string; items?: { number: string }[] }) => {
        sent.push(msg);
        if (msg.type !== 'cs:resolve') return undefined;
        const { resolveNumber } = await import('../../click-to-call/resolve');
        return { ok: true, value: (msg.items ?? []).map((i) => resolveNumber(i.number, 'US')) };
      },
      onMessage: { addListener: () => undefined, removeListener: () => undefined },
    },
    storage: {
      local: { get: async () => ({}) },
      onChanged: { addListener: (l: unknown) => storageListeners.add(l), removeListener: (l: unknown) => storageListeners.delete(l) },
    },
  },
}));

// happy-dom lays nothing out (every box is 0×0 at 0,0): whether a click was on something the
// user saw is read in real Chromium (tests/e2e/chrome-click-to-call.test.mjs, attack pages).
vi.mock('./seen', async (original) => ({ ...(await original<typeof import('./seen')>()), clickSeen: () => true }));

const { ContentScriptContext } = await import('wxt/utils/content-script-context');
const { startClickToCall } = await import('./content');

const PAGE = '<p>Sales: <span id="number">+1 650 555 0102</span></p><p><a id="tel" href="tel:+1-650-555-0102">call support</a></p>';
const buttons = () => [...document.querySelectorAll('[data-voip-number]')];

/** What the user's own input makes (happy-dom cannot produce trusted events). */
function trusted<E extends Event>(ev: E): E {
  Object.defineProperty(ev, 'isTrusted', { value: true });
  return ev;
}
/** A user's click on `el`, as the page's own click handler sees it (null: it never got there). */
function click(el: Element): { defaultPrevented: boolean } | null {
  let seen: { defaultPrevented: boolean } | null = null;
  const page = (ev: Event) => {
    seen = { defaultPrevented: ev.defaultPrevented };
    // The page stays put (happy-dom would follow the link).
    ev.preventDefault();
  };
  document.addEventListener('click', page, { once: true });
  el.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0 })));
  document.removeEventListener('click', page);
  return seen;
}
const pointerDown = (el: Element) => el.dispatchEvent(trusted(new PointerEvent('pointerdown', { bubbles: true, composed: true })));

let ctx: InstanceType<typeof ContentScriptContext>;

/** Starts the script and waits for its button (not one that was there before). */
async function start(): Promise<void> {
  const before = buttons();
  ctx = new ContentScriptContext('click-to-call');
  void startClickToCall(ctx);
  await vi.waitFor(() => expect(buttons().filter((b) => !before.includes(b))).toHaveLength(1), { timeout: 5_000 });
}

beforeEach(() => {
  fake.runtime.id = 'softphone-test';
  sent.length = 0;
  document.body.innerHTML = PAGE;
});

afterEach(() => {
  ctx?.notifyInvalidated();
  document.body.innerHTML = '';
});

describe('click-to-call ends with its context', () => {
  it('while the extension is there, a tel: link and a call button dial through the softphone', async () => {
    await start();
    expect(click(document.getElementById('tel') as Element)).toEqual({ defaultPrevented: true });
    // A call button's click is ours alone: the page never sees it.
    expect(click(buttons()[0] as Element)).toBeNull();
    expect(sent.map((m) => m.type).filter((t) => t.startsWith('cs:dial'))).toEqual(['cs:dialLink', 'cs:dial']);
  });

  it('once the extension is gone, the first input takes the buttons out, and a tel: click is the page\'s own', async () => {
    await start();
    delete fake.runtime.id;
    pointerDown(document.getElementById('tel') as Element);
    expect(buttons()).toEqual([]);
    expect(document.querySelector('p')?.textContent).toBe('Sales: +1 650 555 0102');
    expect(click(document.getElementById('tel') as Element)).toEqual({ defaultPrevented: false });
    expect(sent.some((m) => m.type.startsWith('cs:dial'))).toBe(false);
  });

  it('once the extension is gone, even a click with no input before it is left to the page', async () => {
    await start();
    delete fake.runtime.id;
    expect(click(buttons()[0] as Element)).toEqual({ defaultPrevented: false });
    expect(click(document.getElementById('tel') as Element)).toEqual({ defaultPrevented: false });
    expect(sent.some((m) => m.type.startsWith('cs:dial'))).toBe(false);
    expect(buttons()).toEqual([]);
  });

  it('a newer copy starting ends this one: buttons out, listeners off, page changes not scanned', async () => {
    await start();
    expect(storageListeners.size).toBe(1);
    ctx.notifyInvalidated();
    expect(buttons()).toEqual([]);
    expect(storageListeners.size).toBe(0);
    expect(click(document.getElementById('tel') as Element)).toEqual({ defaultPrevented: false });
    document.body.insertAdjacentHTML('beforeend', '<p>Fax: +1 650 555 0199</p>');
    await new Promise((r) => setTimeout(r, 300));
    expect(buttons()).toEqual([]);
    expect(sent.filter((m) => m.type === 'cs:resolve')).toHaveLength(1);
  });

  it('a copy injected into a page an orphan marked puts its own buttons in place of the dead ones', async () => {
    const stale = document.createElement('voip-call');
    stale.setAttribute('data-voip-number', '+16505550102');
    document.getElementById('number')?.after(stale);
    await start();
    expect(stale.isConnected).toBe(false);
    expect(buttons()).toHaveLength(1);
    expect(click(buttons()[0] as Element)).toBeNull();
  });
});

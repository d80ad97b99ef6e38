// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CLICK_TO_CALL_KEY } from '../../../lib/click-to-call/settings';
import { loadClickToCall } from '../../../lib/click-to-call/site-switch';
import { SiteSwitchState } from './site-switch.svelte';

vi.mock('webextension-polyfill', async () => ({ default: (await import('wxt/testing/fake-browser')).fakeBrowser }));

describe('the switch for the site in the active tab', () => {
  let asked: unknown[];
  let tabId: number | undefined;
  beforeEach(async () => {
    fakeBrowser.reset();
    asked = [];
    const tab = await fakeBrowser.tabs.create({ url: 'https://shop.example.com/', active: true });
    tabId = tab.id;
    // The fake's query has the callback overload's type (void); the promise one is what runs.
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([tab] as never);
    // The page's content script answers which site it is on.
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (to: number, m: unknown) => (asked.push([to, m]), { site: 'shop.example.com', active: true }));
  });
  afterEach(() => vi.restoreAllMocks());

  it("asks the page's content script, and turns click-to-call off and on again for that site", async () => {
    const site = new SiteSwitchState();
    await site.load();
    expect(asked).toEqual([[tabId, { type: 'tab:site' }]]);
    expect([site.site, site.active]).toEqual(['shop.example.com', true]);
    await site.toggle();
    expect(site.active).toBe(false);
    expect((await loadClickToCall()).disabledSites).toEqual(['shop.example.com']);
    await site.toggle();
    expect((await loadClickToCall()).disabledSites).toEqual([]);
  });

  it('offers nothing when click-to-call is off everywhere', async () => {
    await fakeBrowser.storage.local.set({ [CLICK_TO_CALL_KEY]: { ...(await loadClickToCall()), enabled: false } });
    const site = new SiteSwitchState();
    await site.load();
    expect(site.site).toBeNull();
  });

  it('offers nothing where no content script answers (a browser page)', async () => {
    vi.mocked(fakeBrowser.tabs.sendMessage).mockRejectedValue(new Error('no receiver'));
    const site = new SiteSwitchState();
    await site.load();
    expect(site.site).toBeNull();
  });
});

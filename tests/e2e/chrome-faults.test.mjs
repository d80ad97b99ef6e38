// Faults the phone must survive by itself (Chrome): the offscreen document that holds the phone
// closed or crashed. It comes back and registers again within 5 s, with no page opened and no
// user action, and exactly one registration for the account remains at the PBX.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchWithExtension, offscreenPage, openExtensionPage } from './support/chrome.mjs';
import { startLabSession } from './support/lab-session.mjs';
import { saveAccount, waitForRegistration, waitUntil } from './support/ui.mjs';

let session;
let browser;
let extensionId;


before(async () => {
  session = await startLabSession();
  ({ browser, extensionId } = await launchWithExtension());
  const options = await openExtensionPage(browser, extensionId, 'options.html');
  await saveAccount(options, { wsUrl: session.lab.wsUrl, domain: session.lab.domain, username: '1001', secret: session.account('1001').password });
  const popup = await openExtensionPage(browser, extensionId, 'popup.html');
  await waitForRegistration(popup, 'registered');
  await popup.close();
  await options.close();
});

after(async () => {
  await browser?.close().catch(() => {});
  await session?.stop();
});

describe('phone host faults (Chrome)', () => {
  it('the offscreen document closed: recreated and registered again within 5 s; one registration at the PBX', async () => {
    assert.deepEqual((await session.lab.registrations('1001')).length, 1);
    const before = await session.lab.registrations('1001');
    const host = await offscreenPage(browser);
    const oldTarget = host.target();
    await host.close();
    const started = Date.now();
    // No extension page is open: the background alone brings the phone back.
    await browser.waitForTarget((t) => t !== oldTarget && t.url().endsWith('/offscreen.html'), { timeout: 5_000 });
    // Registered again: the PBX holds a binding made by a new REGISTER dialog (new Call-ID).
    const after = await waitUntil(
      async () => {
        const now = await session.lab.registrations('1001');
        return now.some((r) => r.callId !== before[0].callId) ? now : null;
      },
      'registered again at the PBX',
      5_000 - (Date.now() - started),
    );
    // It replaced the old binding (same Contact), it did not add a second one.
    assert.equal(after.length, 1, JSON.stringify(after));
    assert.equal(after[0].contact, before[0].contact);
  });
});

// Do not disturb (issue 20), in the built Chrome extension against the lab Kamailio: the header
// switch turns it on (for how long), a far end (1004) calling in gets 486 Busy Here and never
// rings us, Recent keeps the call as "Missed (do not disturb)", the toolbar says so; it stays on
// with the popup closed and reopened; turned off, the next call rings.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seriousViolations } from './support/axe.mjs';
import { launchWithExtension, offscreenPage, openExtensionPage, serviceWorker } from './support/chrome.mjs';
import { startLabSession } from './support/lab-session.mjs';
import { press, reopenWidget, saveAccount, waitForIdle, waitUntil } from './support/ui.mjs';

let session;
let browser;
let extensionId;
let popup;
let caller;

const since = () => caller.evaluate(() => remote.lastSeq);
const waitFor = (type, from) => caller.evaluate((t, s) => remote.waitForEvent(t, { since: s, timeoutMs: 15_000 }), type, from);
const switchState = () => popup.$eval('button[role="switch"][aria-label="Do not disturb"]', (e) => e.getAttribute('aria-checked'));
const toolbar = async () => {
  const worker = await serviceWorker(browser);
  return { text: await worker.evaluate(() => chrome.action.getBadgeText({})), title: await worker.evaluate(() => chrome.action.getTitle({})) };
};

before(async () => {
  session = await startLabSession();
  ({ browser, extensionId } = await launchWithExtension());
  caller = await session.remote(browser, '1004');
  const options = await openExtensionPage(browser, extensionId, 'options.html');
  await saveAccount(options, session.settingsFor('1001', { displayName: 'Jane Seller' }));
  popup = await reopenWidget(null, browser, extensionId);
  await popup.waitForSelector('[data-registration="registered"]', { timeout: 15_000 });
});

after(async () => {
  await browser?.close().catch(() => {});
  await session?.stop();
});

describe('Do not disturb through Kamailio', { concurrency: false }, () => {
  it('turned on from the keyboard, for how long; a caller gets 486 Busy Here; Recent says "Missed (do not disturb)"', async () => {
    assert.equal(await switchState(), 'false');
    const toggle = await popup.$('button[role="switch"][aria-label="Do not disturb"]');
    await toggle.focus();
    await popup.keyboard.press('Enter');
    // The durations, the first focused; Escape closes them and leaves it off.
    await popup.waitForSelector('[role="group"][aria-label="Do not disturb for how long?"]');
    assert.equal(await popup.evaluate(() => document.activeElement?.textContent), 'For 1 hour');
    assert.deepEqual(await seriousViolations(popup), [], 'the duration menu is axe-clean');
    await popup.screenshot({ path: 'tests/artifacts/popup-dnd-menu.png' });
    await popup.keyboard.press('Escape');
    assert.equal(await popup.$('[role="group"][aria-label="Do not disturb for how long?"]'), null);
    assert.equal(await switchState(), 'false');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('[role="group"][aria-label="Do not disturb for how long?"]');
    await press(popup, 'Until I turn it off');
    await popup.waitForSelector('button[role="switch"][aria-checked="true"]', { timeout: 10_000 });
    assert.equal(await popup.$eval('button[role="switch"]', (e) => e.title), 'Do not disturb is on until you turn it off');
    await waitUntil(async () => (await toolbar()).text === '⊘', 'the toolbar shows do not disturb');
    assert.match((await toolbar()).title, /do not disturb/);

    // Closed: the background and the phone host keep it.
    await popup.close();
    popup = null;
    const s = await since();
    await caller.evaluate(() => void remote.call('1001').catch(() => {}));
    const failed = await waitFor('call-failed', s);
    assert.equal(failed.code, 486);
    assert.equal(failed.reason, 'Busy Here');
    const host = await offscreenPage(browser);
    assert.equal(await host.evaluate(() => softphoneDiagnostics.ringtone()), 'stopped', 'it never rang');
    // Unseen, it lights the badge like any missed call.
    await waitUntil(async () => (await toolbar()).text === '1', 'the missed call lights the badge');
    assert.match((await toolbar()).title, /do not disturb; 1 missed/);

    popup = await reopenWidget(null, browser, extensionId);
    assert.equal(await popup.waitForSelector('button[role="switch"][aria-checked="true"]').then(() => switchState()), 'true', 'still on after reopening');
    await popup.click('[role="tab"]#tab-recent');
    const row = await popup.waitForSelector('#tab-panel[data-loaded="true"] li ::-p-text(Missed (do not disturb))', { timeout: 10_000 });
    assert.ok(row);
    assert.deepEqual(await seriousViolations(popup), [], 'the header switch and Recent are axe-clean');
    await popup.screenshot({ path: 'tests/artifacts/popup-dnd-on.png' });
  });

  it('turned off, the next call rings', async () => {
    await press(popup, 'Do not disturb');
    await popup.waitForSelector('button[role="switch"][aria-checked="false"]', { timeout: 10_000 });
    await waitUntil(async () => (await toolbar()).text !== '⊘' && !/do not disturb/.test((await toolbar()).title), 'the toolbar no longer says do not disturb');
    await caller.evaluate(() => void remote.call('1001').catch(() => {}));
    await popup.waitForSelector('section[aria-label="Incoming call"]', { timeout: 10_000 });
    await press(popup, 'Decline');
    await waitForIdle(popup);
  });
});

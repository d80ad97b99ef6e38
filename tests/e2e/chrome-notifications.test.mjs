// An incoming call with every extension page closed, handled from the desktop notification alone
// (Chrome, real Kamailio). Chromium shows its notifications through the desktop's notification
// service on D-Bus; the lab's own (tests/lab/notification-server.mjs) stands in for the desktop
// and clicks a button the way a notification daemon reports a user's click.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startNotificationServer } from '../lab/notification-server.mjs';
import { launchWithExtension, openExtensionPage } from './support/chrome.mjs';
import { startLabSession } from './support/lab-session.mjs';
import { listRows, openWidget, press, saveAccount, selectTab, waitForCallState, waitUntil } from './support/ui.mjs';

let session;
let desktop;
let browser;
let extensionId;
let caller;

const extensionPages = () => browser.targets().filter((t) => t.type() === 'page' && t.url().startsWith(`chrome-extension://${extensionId}/`) && !t.url().endsWith('/offscreen.html'));

/** The caller (1004) rings 1001; resolves with the desktop notification it brings up. */
async function ring() {
  const since = await caller.evaluate(() => remote.lastSeq);
  await caller.evaluate(() => {
    void remote.call('1001').catch(() => {});
  });
  const notification = await desktop.waitFor((n) => n.open && n.summary === 'Incoming call' && n.body.includes('1004'));
  return { since, notification };
}

before(async () => {
  session = await startLabSession();
  desktop = await startNotificationServer();
  ({ browser, extensionId } = await launchWithExtension({ env: desktop.env }));
  caller = await session.remote(browser, '1004');
  const options = await openExtensionPage(browser, extensionId, 'options.html');
  await saveAccount(options, session.settingsFor('1001'));
  const popup = await openWidget(browser, extensionId);
  await popup.close();
  await options.close();
  // Whatever the install opened (the microphone page) goes too: no extension page is left.
  for (const t of extensionPages()) await (await t.asPage()).close();
});

after(async () => {
  await browser?.close().catch(() => {});
  await desktop?.stop();
  await session?.stop();
});

describe('an incoming call answered from the desktop notification (Chrome)', { concurrency: false }, () => {
  it('rings with every extension page closed, and Answer on the notification answers it: audio both ways', async () => {
    assert.deepEqual(extensionPages(), []);
    const { since, notification } = await ring();
    assert.deepEqual(notification.actions.map((a) => a.label).slice(0, 2), ['Answer', 'Decline']);
    desktop.click(notification, 'Answer');
    const established = await caller.evaluate((s) => remote.waitForEvent('established', { since: s }), since);
    assert.equal(established.direction, 'outgoing');
    // Answered with no page opened: the phone host carries the call and its audio.
    assert.deepEqual(extensionPages(), []);
    const far1 = await caller.evaluate(() => remote.stats());
    await new Promise((r) => setTimeout(r, 1000));
    const far2 = await caller.evaluate(() => remote.stats());
    assert.ok(far2.packetsReceived > far1.packetsReceived && far2.packetsSent > far1.packetsSent, 'RTP both ways at the caller');
    // The popup opened afterwards shows the call, which can be hung up from there.
    const popup = await openWidget(browser, extensionId);
    await waitForCallState(popup, 'established');
    await press(popup, 'Hang up');
    const end = await caller.evaluate((s) => remote.waitForEvent('terminated', { since: s }), since);
    assert.equal(end.reason, 'remote-hangup');
    await popup.close();
  });

  it('Decline on the notification declines the call; Recent says so', async () => {
    const { since, notification } = await ring();
    desktop.click(notification, 'Decline');
    const failed = await caller.evaluate((s) => remote.waitForEvent('call-failed', { since: s }), since);
    assert.equal(failed.code, 603);
    const popup = await openWidget(browser, extensionId);
    await selectTab(popup, 'Recent');
    const [first] = await listRows(popup);
    assert.match(first, /1004\u2069? · Declined/);
    await popup.close();
  });

  it('a caller who gives up takes the notification away', async () => {
    const { since, notification } = await ring();
    await caller.evaluate(() => remote.hangupAll());
    await caller.evaluate((s) => remote.waitForEvent('terminated', { since: s }), since);
    await waitUntil(() => !notification.open, 'the notification closed by the extension', 5_000);
  });
});

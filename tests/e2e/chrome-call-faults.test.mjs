// A call survives faults under it, or ends cleanly (Chrome, real Kamailio): its WebSocket cut
// (restored, or dropped with the reason) and the background service worker stopped. The extension
// reaches the PBX through a tap that can cut the line as a network outage would; the far end
// (1002) is connected to Kamailio directly and keeps its connection.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startWsTap } from '../lab/ws-tap.mjs';
import { launchWithExtension, offscreenPage, openExtensionPage, serviceWorker } from './support/chrome.mjs';
import { startLabSession } from './support/lab-session.mjs';
import {
  dialFromPopup, errorText, liveCallId, listRows, openWidget, press, saveAccount, selectTab, waitForCallState, waitForIdle,
  waitForRegistration, waitUntil,
} from './support/ui.mjs';

let session;
let browser;
let extensionId;
let tap;
let popup;
let far;

const callText = () => popup.$eval('[data-call-state]', (el) => el.textContent.replace(/\s+/g, ' ').trim()).catch(() => '');

/** RTP counters on both ends grow over one second. */
async function assertMediaFlows(callId, when) {
  const host = await offscreenPage(browser);
  const a = await host.evaluate((id) => softphoneDiagnostics.rtpStats(id), callId);
  const farA = await far.evaluate(() => remote.stats());
  await new Promise((r) => setTimeout(r, 1000));
  const b = await host.evaluate((id) => softphoneDiagnostics.rtpStats(id), callId);
  const farB = await far.evaluate(() => remote.stats());
  assert.ok(b.packetsSent > a.packetsSent && b.packetsReceived > a.packetsReceived, `${when}: extension RTP ${JSON.stringify([a, b])}`);
  assert.ok(farB.packetsReceived > farA.packetsReceived, `${when}: the far end receives RTP`);
}

/** Recent's rows, from the dialer the call left open. */
async function recentRows() {
  if (await popup.$('#dial-number')) await press(popup, 'Back');
  await selectTab(popup, 'Recent');
  return listRows(popup);
}

async function callFar() {
  const since = await far.evaluate(() => remote.lastSeq);
  await dialFromPopup(popup, '1002');
  await far.evaluate((s) => remote.waitForEvent('established', { since: s }), since);
  await waitForCallState(popup, 'established');
  return liveCallId(popup);
}

before(async () => {
  session = await startLabSession();
  tap = await startWsTap(session.lab.wsUrl);
  ({ browser, extensionId } = await launchWithExtension());
  far = await session.remote(browser, '1002', { autoAnswer: true });
  const options = await openExtensionPage(browser, extensionId, 'options.html');
  await saveAccount(options, { ...session.settingsFor('1001'), wsUrl: tap.url });
  await options.close();
  popup = await openWidget(browser, extensionId);
});

after(async () => {
  await browser?.close().catch(() => {});
  await tap?.close();
  await session?.stop();
});

describe('calls through faults (Chrome)', { concurrency: false }, () => {
  it('the call says so, comes back by itself with a re-INVITE, and media flows again', async () => {
    const callId = await callFar();
    await assertMediaFlows(callId, 'before the cut');
    const since = await far.evaluate(() => remote.lastSeq);
    tap.cut();
    await popup.waitForFunction(() => document.querySelector('[data-call-state="established"]')?.textContent.includes('Connection lost'), { timeout: 3_000 });
    await popup.screenshot({ path: 'tests/artifacts/popup-call-reconnecting.png' });
    // Registered again on a new connection, the phone re-INVITEs (ICE restart); the far end accepts.
    const reinvite = await far.evaluate((s) => remote.waitForEvent('reinvite', { since: s, timeoutMs: 10_000 }), since);
    assert.equal(reinvite.statusCode, 200);
    await popup.waitForFunction(() => {
      const text = document.querySelector('[data-call-state="established"]')?.textContent ?? '';
      return text !== '' && !text.includes('Connection lost');
    }, { timeout: 5_000 });
    assert.match(await callText(), /\d+:\d\d/, 'the timer is back');
    await assertMediaFlows(callId, 'after the re-INVITE');
    assert.equal(await far.evaluate((s) => remote.events.some((e) => e.seq > s && e.type === 'terminated'), since), false);
    // The dialog lives on the new connection: hanging up reaches the far end.
    await press(popup, 'Hang up');
    const end = await far.evaluate((s) => remote.waitForEvent('terminated', { since: s }), since);
    assert.equal(end.reason, 'remote-hangup');
    await waitForIdle(popup);
    const [first] = await recentRows();
    assert.match(first, /^\u2066?1002\u2069?/);
    assert.doesNotMatch(first, /Dropped|Failed/);
  });

  it('the background service worker stopped mid-call: the call goes on; the popup reopened shows it and hangs it up', async () => {
    const callId = await callFar();
    const since = await far.evaluate(() => remote.lastSeq);
    await popup.close();
    const isBackground = (t) => t.type() === 'service_worker' && t.url().endsWith('/background.js');
    const stopped = browser.targets().find(isBackground);
    assert.ok(stopped, 'the service worker runs');
    // What Chrome does to an idle worker, forced through the DevTools protocol.
    await (await serviceWorker(browser)).close();
    await waitUntil(() => !browser.targets().includes(stopped), 'the service worker stopped', 5_000);
    await assertMediaFlows(callId, 'with the service worker stopped');
    popup = await openWidget(browser, extensionId);
    assert.ok(browser.targets().some((t) => isBackground(t) && t !== stopped), 'a new service worker answers the popup');
    await waitForCallState(popup, 'established');
    assert.match(await callText(), /1002/);
    assert.equal(await far.evaluate((s) => remote.events.some((e) => e.seq > s && e.type === 'terminated'), since), false);
    await press(popup, 'Hang up');
    const end = await far.evaluate((s) => remote.waitForEvent('terminated', { since: s }), since);
    assert.equal(end.reason, 'remote-hangup');
    await waitForIdle(popup);
  });

  it('the history store refusing writes: the call is kept, the popup says so, and it reaches Recent once the store is back', async () => {
    const host = await offscreenPage(browser);
    // A full disk, at IndexedDB's door: writes to the history store fail with QuotaExceededError.
    await host.evaluate(() => {
      const refuse = (original) =>
        function (...args) {
          if (this.name === 'history' && globalThis.labDiskFull) throw new DOMException('The disk is full.', 'QuotaExceededError');
          return original.apply(this, args);
        };
      if (!globalThis.labDiskFull) {
        IDBObjectStore.prototype.put = refuse(IDBObjectStore.prototype.put);
        IDBObjectStore.prototype.add = refuse(IDBObjectStore.prototype.add);
      }
      globalThis.labDiskFull = true;
    });
    const before = (await recentRows()).length;
    await callFar();
    await press(popup, 'Hang up');
    await waitForIdle(popup);
    const notice = await popup.waitForSelector('[data-unsaved-calls="1"]', { timeout: 5_000 });
    assert.match(await notice.evaluate((e) => e.textContent), /A finished call is not in Recent yet\. Could not record the call: The disk is full\. It is kept .*nothing is lost/);
    assert.equal((await recentRows()).length, before);
    await popup.screenshot({ path: 'tests/artifacts/widget-unsaved-calls.png' });
    await host.evaluate(() => {
      globalThis.labDiskFull = false;
    });
    // Retried by itself (after 2 s): the notice goes and Recent shows the call, with nothing reopened.
    await popup.waitForFunction(() => !document.querySelector('[data-unsaved-calls]'), { timeout: 8_000 });
    await popup.waitForFunction((n) => document.querySelectorAll('#tab-panel li').length === n + 1, { timeout: 5_000 }, before);
    const [first] = await listRows(popup);
    assert.match(first, /^\u2066?1002\u2069?/);
  });

  it('a server that does not come back: the call ends after 15 s, saying why, and Recent keeps the reason', async () => {
    await callFar();
    tap.refusing = true;
    tap.cut();
    await popup.waitForFunction(() => document.querySelector('[data-call-state="established"]')?.textContent.includes('Connection lost'), { timeout: 3_000 });
    // Not a frozen call screen: the call ends by itself and the widget says what happened.
    const text = await errorText(popup, 'callDropped', 25_000);
    assert.match(text, /Call dropped/);
    assert.match(text, /lost during the call: the server was not reachable again within 15 s/);
    assert.equal(await popup.$('[data-call-state="established"]'), null);
    await press(popup, 'OK');
    const [first] = await recentRows();
    assert.match(first, /1002/);
    assert.match(first, /Dropped · \d+ sec/);
    assert.doesNotMatch(first, /connection to the server/, 'the row says the outcome; the reason is in the details');
    await popup.screenshot({ path: 'tests/artifacts/widget-recent-dropped.png' });
    await popup.click('#tab-panel li button.open');
    const why = await popup.waitForSelector('[data-call-reason]', { timeout: 5_000 });
    assert.match(await why.evaluate((e) => e.textContent), /The connection to the server was lost during the call/);
    await press(popup, 'Back');
    // The line back: registered again with no user action.
    tap.refusing = false;
    await waitForRegistration(popup, 'registered', 10_000);
    await far.evaluate(() => remote.hangupAll());
  });
});

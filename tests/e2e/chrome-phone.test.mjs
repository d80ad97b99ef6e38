// The built Chrome extension against the real lab PBX (Kamailio) in Debian Chromium.
// Account 1001 is the extension; 1002–1004 are SIP.js remote phones in the same browser.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchWithExtension, offscreenPage, openExtensionPage, serviceWorker } from './support/chrome.mjs';
import { startLabSession } from './support/lab-session.mjs';
import {
  dialFromPopup, waitForIdle, errorText, press, saveAccount, waitForCallState, waitForRegistration,
  liveCallId as liveCallIdOf, phoneState as phoneStateOf,
} from './support/ui.mjs';

/** @type {Awaited<ReturnType<typeof startLabSession>>} */
let session;
/** @type {import('puppeteer-core').Browser} */
let browser;
let extensionId = '';
/** @type {import('puppeteer-core').Page} */
let options;
/** @type {import('puppeteer-core').Page} */
let popup;
const remotes = {};

const goodAccount = () => session.settingsFor('1001', { displayName: 'Jane Seller' });

const phoneState = () => phoneStateOf(popup);
const liveCallId = () => liveCallIdOf(popup);

async function reopenPopup() {
  await popup?.close();
  popup = await openExtensionPage(browser, extensionId, 'popup.html');
}

before(async () => {
  session = await startLabSession();
  ({ browser, extensionId } = await launchWithExtension());
  remotes['1002'] = await session.remote(browser, '1002', { autoAnswer: true });
  remotes['1003'] = await session.remote(browser, '1003', { autoAnswer: true });
  remotes['1004'] = await session.remote(browser, '1004');
});

after(async () => {
  await browser?.close().catch(() => {});
  await session?.stop();
});

describe('Chrome extension phone, against Kamailio', { concurrency: false }, () => {
  it('opens the microphone page on install, and it grants the microphone', async () => {
    const target = await browser.waitForTarget((t) => t.url().endsWith('/mic-permission.html'), { timeout: 10_000 });
    const page = await target.asPage();
    await page.bringToFront();
    await press(page, 'Allow microphone');
    const text = await page.waitForSelector('[role="status"]', { timeout: 10_000 });
    assert.match(await text.evaluate((e) => e.textContent), /Microphone allowed/);
    // Step 1 of 2: the next step is one primary link away.
    assert.match(await page.$eval('main', (e) => e.textContent), /Step 1 of 2/);
    assert.equal(await page.$eval('[data-next]', (e) => new URL(e.href).pathname), '/options.html');
    await page.close();
  });

  it('welcomes a first run with one card that leads to the settings, not a red Missing Parameter', async () => {
    popup = await openExtensionPage(browser, extensionId, 'popup.html');
    const card = await popup.waitForSelector('[data-welcome]', { timeout: 15_000 });
    assert.match(await card.evaluate((e) => e.textContent), /Set up your phone/);
    assert.equal(await popup.$('[data-error]'), null);
    // The lists stay below it: contacts can be browsed before the phone is set up.
    await popup.waitForSelector('[role="tabpanel"]');
    const opened = browser.waitForTarget((t) => t.url().endsWith('/options.html'), { timeout: 10_000 });
    await press(popup, 'Set up your phone');
    await (await (await opened).asPage()).close();
  });

  it('the settings forgive a server name as the WebSocket URL (a suggestion to accept) and https:// in the domain (removed, with a note)', async () => {
    options = await openExtensionPage(browser, extensionId, 'options.html');
    await options.waitForSelector('#wsUrl');
    assert.match(await options.$eval('.registration [role="status"]', (e) => e.textContent), /Not set up yet/);
    await options.type('#wsUrl', 'pbx.example.com');
    const suggestion = await options.waitForSelector('[data-suggestion]');
    assert.equal(await suggestion.evaluate((e) => e.dataset.suggestion), 'wss://pbx.example.com/ws');
    // Never rewritten until the user accepts.
    assert.equal(await options.$eval('#wsUrl', (e) => e.value), 'pbx.example.com');
    await press(options, 'Use wss://pbx.example.com/ws');
    assert.equal(await options.$eval('#wsUrl', (e) => e.value), 'wss://pbx.example.com/ws');
    assert.equal(await options.$('[data-suggestion]'), null);
    await options.type('#domain', 'https://pbx.example.com/');
    await options.focus('#username');
    assert.equal(await options.$eval('#domain', (e) => e.value), 'pbx.example.com');
    assert.match(await options.$eval('[data-cleaned]', (e) => e.textContent), /Removed “https:\/\/” and “\/”/);
    // Test connection: nothing answers there.
    await options.$eval('#wsUrl', (e) => { e.value = ''; });
    await options.type('#wsUrl', 'ws://127.0.0.1:9/ws');
    await press(options, 'Test connection');
    await options.waitForSelector('[data-probe="noAnswer"]', { timeout: 15_000 });
  });

  it('refuses an invalid account with a message on each wrong field', async () => {
    options = await openExtensionPage(browser, extensionId, 'options.html');
    const errors = await saveAccount(options, { ...goodAccount(), wsUrl: 'http://pbx', domain: 'not a host', secret: '' });
    assert.deepEqual(errors.slice(0, 3), [
      'Must start with wss:// (or ws:// for a PBX on this computer).',
      'A host name or IP address, e.g. pbx.example.com.',
      'Required.',
    ]);
  });

  it('registers with Kamailio once the account is saved', async () => {
    const errors = await saveAccount(options, goodAccount());
    assert.deepEqual(errors, []);
    // The settings say the account works, and Test connection reaches the lab's WebSocket.
    await options.waitForSelector('.registration [data-registration="registered"]', { timeout: 15_000 });
    assert.match(await options.$eval('.registration [role="status"]', (e) => e.textContent), /Registered as 1001: calls can reach you/);
    await press(options, 'Test connection');
    await options.waitForSelector('[data-probe="ok"]', { timeout: 15_000 });
    await reopenPopup();
    await waitForRegistration(popup, 'registered');
    const status = await popup.$eval('[role="status"]', (e) => e.textContent);
    assert.match(status, /Ready/);
    // The user by name and extension, not by SIP address.
    assert.match(status, /Jane Seller · ext\. 1001/);
    assert.doesNotMatch(status, /@/);
    // The secret is never sent back to a page.
    const view = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'bg:getSettings' }));
    assert.equal(JSON.stringify(view).includes(session.account('1001').password), false);
    assert.equal(view.value.hasSecret, true);
  });

  it('calls the remote phone, which answers; RTP flows both ways; hangs up', async () => {
    const since = await remotes['1002'].evaluate(() => remote.lastSeq);
    await dialFromPopup(popup, '1002');
    const invite = await remotes['1002'].evaluate((s) => remote.waitForEvent('invite', { since: s }), since);
    assert.equal(invite.from, '1001');
    assert.equal(invite.displayName, 'Jane Seller');
    await waitForCallState(popup, 'established');
    const callId = await liveCallId();
    const host = await offscreenPage(browser);
    const first = await host.evaluate((id) => softphoneDiagnostics.rtpStats(id), callId);
    await new Promise((r) => setTimeout(r, 1000));
    const later = await host.evaluate((id) => softphoneDiagnostics.rtpStats(id), callId);
    assert.ok(later.packetsSent > first.packetsSent, `extension sends RTP (${first.packetsSent} → ${later.packetsSent})`);
    assert.ok(later.packetsReceived > first.packetsReceived, `extension receives RTP (${first.packetsReceived} → ${later.packetsReceived})`);
    const far = await remotes['1002'].evaluate(() => remote.stats());
    assert.ok(far.packetsReceived > 0 && far.packetsSent > 0, 'far end sends and receives RTP');
    await press(popup, 'Hang up');
    const end = await remotes['1002'].evaluate((s) => remote.waitForEvent('terminated', { since: s }), since);
    assert.equal(end.reason, 'remote-hangup');
    await waitForIdle(popup);
  });

  it('an incoming call rings with every page closed: notification, badge, ringtone; answered from the reopened popup', async () => {
    await popup.close();
    popup = null;
    const since = await remotes['1004'].evaluate(() => remote.lastSeq);
    await remotes['1004'].evaluate(() => {
      void remote.call('1001').catch(() => {});
    });
    const worker = await serviceWorker(browser);
    const notifications = await worker.evaluate(async () => {
      for (let i = 0; i < 100; i++) {
        const all = await chrome.notifications.getAll();
        if (Object.keys(all).length > 0) return all;
        await new Promise((r) => setTimeout(r, 100));
      }
      return {};
    });
    assert.ok(Object.keys(notifications).some((id) => id.startsWith('incoming:')), 'incoming-call notification shown');
    assert.equal(await worker.evaluate(() => chrome.action.getBadgeText({})), '☎');
    const host = await offscreenPage(browser);
    assert.equal(await host.evaluate(() => softphoneDiagnostics.ringtone()), 'playing');

    popup = await openExtensionPage(browser, extensionId, 'popup.html');
    const who = await popup.waitForSelector('section[aria-label="Incoming call"]', { timeout: 10_000 });
    assert.match(await who.evaluate((e) => e.textContent), /1004/);
    await press(popup, 'Answer');
    await remotes['1004'].evaluate((s) => remote.waitForEvent('established', { since: s }), since);
    await waitForCallState(popup, 'established');
    assert.equal(await host.evaluate(() => softphoneDiagnostics.ringtone()), 'stopped');
    assert.equal(await worker.evaluate(() => chrome.action.getBadgeText({})), '●');
    assert.deepEqual(await worker.evaluate(() => chrome.notifications.getAll()), {});
  });

  it('sends DTMF from the keypad and the far end receives the digits', async () => {
    const since = await remotes['1004'].evaluate(() => remote.lastSeq);
    await press(popup, 'Keypad');
    for (const digit of ['1', '2', '#']) {
      await press(popup, digit);
      await new Promise((r) => setTimeout(r, 250));
    }
    const digits = await remotes['1004'].evaluate(async (s) => {
      const got = [];
      let from = s;
      while (got.length < 3) {
        const ev = await remote.waitForEvent('dtmf', { since: from, timeoutMs: 8000 });
        got.push(`${ev.digit}:${ev.via}`);
        from = ev.seq;
      }
      return got;
    }, since);
    assert.deepEqual(digits, ['1:rfc4733', '2:rfc4733', '#:rfc4733']);
    const state = await phoneState();
    assert.equal(state.calls.find((c) => c.state === 'established').dtmfMode, 'rfc4733');
  });

  it('mutes, holds and resumes; the far end sees the hold', async () => {
    await press(popup, 'Mute');
    await popup.waitForSelector('button[aria-label="Mute"][aria-pressed="true"]');
    assert.equal((await phoneState()).calls[0].muted, true);
    await press(popup, 'Mute');
    const since = await remotes['1004'].evaluate(() => remote.lastSeq);
    await press(popup, 'Hold');
    await popup.waitForSelector('button[aria-label="Hold"][aria-pressed="true"]', { timeout: 10_000 });
    const reinvite = await remotes['1004'].evaluate((s) => remote.waitForEvent('reinvite', { since: s }), since);
    assert.equal(reinvite.sdpDirection, 'sendonly');
    await press(popup, 'Hold');
    await popup.waitForSelector('button[aria-label="Hold"][aria-pressed="false"]', { timeout: 10_000 });
    await press(popup, 'Hang up');
    await waitForIdle(popup);
  });

  it('transfers a call to a third account, which rings; our leg ends once the far end accepts the REFER', async () => {
    const since2 = await remotes['1002'].evaluate(() => remote.lastSeq);
    const since3 = await remotes['1003'].evaluate(() => remote.lastSeq);
    await dialFromPopup(popup, '1002');
    await waitForCallState(popup, 'established');
    await press(popup, 'Transfer');
    await popup.type('#transfer-target', '1003');
    await popup.click('form.transfer button[type="submit"]');
    const refer = await remotes['1002'].evaluate((s) => remote.waitForEvent('refer', { since: s }), since2);
    assert.equal(refer.target, '1003');
    const ringing = await remotes['1003'].evaluate((s) => remote.waitForEvent('invite', { since: s }), since3);
    assert.equal(ringing.from, '1002');
    await waitForIdle(popup);
    const state = await phoneState();
    assert.equal(state.calls.find((c) => c.state === 'ended')?.outcome, 'transferred');
    await remotes['1003'].evaluate(() => remote.hangupAll());
  });

  it('a call the PBX cannot route says what to do, the SIP reason only in the details line', async () => {
    await dialFromPopup(popup, '1999');
    const text = await errorText(popup, 'callRejected');
    assert.match(text, /That number could not be reached/);
    assert.match(text, /Details: SIP 404 Not Found/);
    assert.doesNotMatch(text, /Not Found \(404\)/);
    await press(popup, 'OK');
  });

  it('rejects an incorrect number with the +country hint', async () => {
    await dialFromPopup(popup, 'call me maybe');
    const text = await errorText(popup, 'incorrectNumber');
    assert.match(text, /Incorrect Number/);
    assert.match(text, /\+16506913277/);
  });

  it('a wrong secret shows the authentication message', async () => {
    await saveAccount(options, { ...goodAccount(), secret: 'not-the-secret' });
    await reopenPopup();
    const text = await errorText(popup, 'authFailed');
    assert.match(text, /Authentication failed/);
    assert.match(text, /403/);
    assert.equal(text.includes('not-the-secret'), false);
  });

  it('a wrong WebSocket URL shows the user-agent start message', async () => {
    await saveAccount(options, { ...goodAccount(), wsUrl: 'ws://127.0.0.1:9/ws' });
    await reopenPopup();
    const text = await errorText(popup, 'userAgentStart');
    assert.match(text, /Can’t reach the phone server/);
    assert.match(text, /WebSocket server address in the settings may be wrong/);
    assert.match(text, /Details: Failed to start the user agent/);
  });

  it('recovers once the account is fixed, without a page refresh', async () => {
    await saveAccount(options, goodAccount());
    await waitForRegistration(popup, 'registered', 30_000);
  });

  it('PBX down for 10 s while idle: says so at once, and is registered again within 5 s of the PBX coming back', async () => {
    await session.outage();
    const text = await errorText(popup, 'websocketLost', 3_000);
    assert.match(text, /websocket connection with the server has been lost/);
    assert.match(text, /Reconnecting by itself/);
    await new Promise((r) => setTimeout(r, 10_000));
    await session.restore();
    // A deadline, not a benchmark: the recovery promise, with no user action.
    await waitForRegistration(popup, 'registered', 5_000);
    assert.equal(await popup.$('[data-error="websocketLost"]'), null);
  });

  it('the browser offline: says so at once; back online, registered again within 5 s', async () => {
    const host = await offscreenPage(browser);
    const cdp = await host.createCDPSession();
    await cdp.send('Network.enable');
    const offline = (on) => cdp.send('Network.emulateNetworkConditions', { offline: on, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    try {
      await offline(true);
      const text = await errorText(popup, 'websocketLost', 3_000);
      assert.match(text, /Reconnecting by itself/);
      // It does not pretend to be back while offline (its reconnect attempts fail). The PBX
      // cannot tell: a network gone does not close the TCP connection, so its binding stays.
      await new Promise((r) => setTimeout(r, 3_000));
      assert.equal(await popup.$('[data-registration="registered"]'), null);
      await offline(false);
      await waitForRegistration(popup, 'registered', 5_000);
    } finally {
      await offline(false).catch(() => {});
      await cdp.detach().catch(() => {});
    }
  });
});

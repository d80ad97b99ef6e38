// Voicemail waiting and colleagues' lines (issue 20), in the built Chrome extension against the lab
// Kamailio's presence server (tests/lab/kamailio.cfg.tpl): no stand-in speaks for the PBX.
// 1001 is the extension. 1004 is the voicemail system: it PUBLISHes 1001's message summary
// (RFC 3842) to Kamailio, and it is the number the voicemail button dials. 1003 is a colleague
// whose line Kamailio reports (RFC 4235) from the real calls it routes: 1004 calls 1003 while we
// talk to 1002 and look at the transfer list.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seriousViolations } from './support/axe.mjs';
import { launchWithExtension, openExtensionPage, serviceWorker } from './support/chrome.mjs';
import { startLabSession } from './support/lab-session.mjs';
import { addContact, dialFromPopup, phoneState, press, reopenWidget, saveAccount, waitForCallState, waitForIdle, waitUntil } from './support/ui.mjs';

let session;
let browser;
let extensionId;
let popup;
let options;
const remotes = {};

const since = (user) => remotes[user].evaluate(() => remote.lastSeq);
const waitFor = (user, type, from, where = {}) =>
  remotes[user].evaluate((t, s, w) => remote.waitForEvent(t, { since: s, where: w, timeoutMs: 15_000 }), type, from, where);
/** The voicemail system tells the PBX how many messages wait in 1001's mailbox. */
const publishMailbox = (fresh, old) =>
  remotes['1004'].evaluate(
    (body) => remote.publish('1001', 'message-summary', 'application/simple-message-summary', body),
    `Messages-Waiting: ${fresh > 0 ? 'yes' : 'no'}\r\nMessage-Account: sip:1001@lab.test\r\nVoice-Message: ${fresh}/${old} (0/0)\r\n`,
  );
const toolbarTitle = async () => (await serviceWorker(browser)).evaluate(() => chrome.action.getTitle({}));
/** The state word shown beside a colleague in the transfer list. */
const lineState = (name) =>
  popup.evaluate(
    (who) => [...document.querySelectorAll('#transfer-suggestions button')].find((b) => b.textContent.includes(who))?.querySelector('[data-line-state]')?.textContent.trim() ?? null,
    name,
  );

async function setVoicemailNumber(text) {
  await options.bringToFront();
  await options.$eval('#voicemailNumber', (el) => {
    el.value = '';
  });
  await options.type('#voicemailNumber', text);
  await press(options, 'Save voicemail number');
}

before(async () => {
  session = await startLabSession();
  ({ browser, extensionId } = await launchWithExtension());
  remotes['1002'] = await session.remote(browser, '1002', { autoAnswer: true });
  remotes['1003'] = await session.remote(browser, '1003');
  remotes['1004'] = await session.remote(browser, '1004', { autoAnswer: true });
  options = await openExtensionPage(browser, extensionId, 'options.html');
  await saveAccount(options, session.settingsFor('1001', { displayName: 'Jane Seller' }));
  await addContact(options, { name: 'Grace Hopper', company: 'US Navy', phone: '1003' });
  popup = await reopenWidget(null, browser, extensionId);
});

after(async () => {
  await browser?.close().catch(() => {});
  await session?.stop();
});

describe('Voicemail and colleagues through Kamailio presence', { concurrency: false }, () => {
  it('voicemail: the count the PBX publishes shows in the header and the toolbar title; the button calls the mailbox; 0 clears it', async () => {
    // No number set yet: the button is there, says why it does nothing, and does nothing.
    const button = await popup.waitForSelector('button[aria-label="Call voicemail"]');
    assert.equal(await button.evaluate((b) => b.getAttribute('aria-disabled')), 'true');
    assert.match(await button.evaluate((b) => document.getElementById(b.getAttribute('aria-describedby')).textContent), /Set your voicemail number/);

    // The settings forgive how it is written, refuse what is no number (and keep it to fix).
    await setVoicemailNumber('voice mail');
    await options.waitForSelector('[role="alert"]::-p-text(is not a number to dial)');
    assert.equal(await options.$eval('#voicemailNumber', (el) => el.value), 'voice mail');
    await (await options.$('form.voicemail')).screenshot({ path: 'tests/artifacts/options-voicemail-invalid.png' });
    assert.deepEqual(await seriousViolations(options), [], 'the settings with the voicemail error are axe-clean');
    await setVoicemailNumber(' 10-04 ');
    await options.waitForSelector('[role="status"]::-p-text(Voicemail number saved: 1004.)');

    await publishMailbox(2, 1);
    popup = await reopenWidget(popup, browser, extensionId);
    const count = await popup.waitForSelector('[data-voicemail-count="2"]', { timeout: 15_000 });
    assert.equal(await count.evaluate((e) => e.getAttribute('aria-label')), 'Voicemail: 2 new messages');
    await waitUntil(async () => /2 new voicemails/.test(await toolbarTitle()), 'the toolbar title to mention 2 new voicemails');
    assert.deepEqual(await seriousViolations(popup), [], 'the header with voicemail is axe-clean');
    await popup.screenshot({ path: 'tests/artifacts/popup-voicemail.png' });

    // By keyboard: Tab to the button, Enter calls the number set — 1004, the voicemail system.
    const s4 = await since('1004');
    await popup.bringToFront();
    await popup.evaluate(() => document.activeElement?.blur());
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      await popup.keyboard.press('Tab');
      reached = await popup.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Call voicemail');
    }
    assert.ok(reached, 'the voicemail button is reached with Tab');
    await popup.keyboard.press('Enter');
    const invite = await waitFor('1004', 'invite', s4);
    assert.equal(invite.from, '1001');
    assert.equal(invite.to, '1004');
    await waitForCallState(popup, 'established');
    await press(popup, 'Hang up');
    await waitForIdle(popup);

    // The messages were listened to: the voicemail system says 0 new, and the count goes.
    await publishMailbox(0, 3);
    await popup.waitForSelector('[data-voicemail-count]', { hidden: true, timeout: 15_000 });
    await waitUntil(async () => !/voicemail/i.test(await toolbarTitle()), 'the toolbar title to drop the voicemail');
  });

  it('colleagues: the transfer list shows Grace (1003) Available, Ringing while 1004 calls her, On a call once she answers, Available after', async () => {
    await dialFromPopup(popup, '1002');
    await waitForCallState(popup, 'established');
    await press(popup, 'Transfer');
    await popup.type('#transfer-target', 'grace');
    await popup.waitForSelector('#transfer-suggestions button::-p-text(Grace Hopper)');
    await waitUntil(async () => (await lineState('Grace Hopper')) === 'Available', 'Grace to show Available', 15_000);

    const s3 = await since('1003');
    const ringing = remotes['1004'].evaluate(() => remote.call('1003', { timeoutMs: 20_000 }));
    await waitFor('1003', 'invite', s3);
    await waitUntil(async () => (await lineState('Grace Hopper')) === 'Ringing', 'Grace to show Ringing', 15_000);
    assert.deepEqual(await seriousViolations(popup), [], 'the transfer list with line states is axe-clean');
    await popup.screenshot({ path: 'tests/artifacts/popup-transfer-colleague-ringing.png' });

    await remotes['1003'].evaluate(() => remote.answerNext());
    await ringing;
    await waitUntil(async () => (await lineState('Grace Hopper')) === 'On a call', 'Grace to show On a call', 15_000);
    // The word is in the button's name, not in a colour only.
    const name = await popup.$eval('#transfer-suggestions button', (b) => b.textContent.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim());
    assert.equal(name, 'Grace Hopper (1003) On a call');
    await popup.screenshot({ path: 'tests/artifacts/popup-transfer-colleague-busy.png' });

    await remotes['1004'].evaluate(() => remote.hangupAll());
    await waitUntil(async () => (await lineState('Grace Hopper')) === 'Available', 'Grace to show Available again', 15_000);

    // Closing the transfer list stops watching her line.
    assert.deepEqual((await phoneState(popup)).colleagues, { 1003: 'available' });
    await press(popup, 'Transfer');
    await waitUntil(async () => (await phoneState(popup)).colleagues === undefined, 'no colleague watched once the list is closed');
    await press(popup, 'Hang up');
    await waitForIdle(popup);
  });
});

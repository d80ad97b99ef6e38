// Lines (issue 20): a second call during a call, the list of calls, Swap, "Answer and end the
// current call", in the built Chrome extension against the lab Kamailio with two far ends
// (1002 called by us, 1004 calling in). The far ends' re-INVITEs say who is on hold.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { checkOneCall, checkTransferPanel, checkTwoLines, checkWaitingCall } from './support/call-screens.mjs';
import { offscreenPage } from './support/chrome.mjs';
import { focusByKeyboard, pressByKeyboard } from './support/keyboard.mjs';
import { startPhoneLab } from './support/phone-lab.mjs';
import { dialFromPopup, press, reopenWidget, waitForCallState, waitForIdle } from './support/ui.mjs';

let lab;
let popup;
let since;
let waitFor;
const lineRows = () =>
  popup.$$eval('ul[aria-label="Your calls"] > li', (els) =>
    els.map((e) => `${e.getAttribute('data-line-state')} ${e.querySelector('.name')?.textContent}`));
/** What each line says: name, number, state with its time. */
const lineTexts = () =>
  popup.$$eval('ul[aria-label="Your calls"] > li .who', (els) => els.map((e) => [...e.children].map((c) => c.textContent.trim()).join(' | ')));

/** 1002 answered, then 1004 rings in: the call-waiting screen. */
async function secondCallRinging() {
  const s4 = await since('1004');
  await dialFromPopup(popup, '1002');
  await waitForCallState(popup, 'established');
  await lab.remotes['1004'].evaluate(() => void remote.call('1001').catch(() => {}));
  await popup.waitForSelector('section[aria-label="Incoming call"]', { timeout: 10_000 });
  return s4;
}

before(async () => {
  lab = await startPhoneLab({
    farEnds: { 1002: { autoAnswer: true }, 1004: {} },
    account: { displayName: 'Jane Seller', callWaiting: true },
  });
  ({ popup, since, waitFor } = lab);
});

// A test that failed half-way leaves the next a phone at rest (a passed one may hand its calls on).
afterEach((t) => (t.passed ? undefined : lab.endAllCalls(popup)));

after(() => lab?.stop());

describe('Two lines through Kamailio', { concurrency: false }, () => {
  it('a call waiting says what Answer does; answering holds the first; the list shows both, also after reopening', async () => {
    const s2 = await since('1002');
    const s4 = await secondCallRinging();
    await popup.waitForSelector('::-p-text(Answer puts 1002 on hold.)');
    const host = await offscreenPage(lab.browser);
    assert.equal(await host.evaluate(() => softphoneDiagnostics.ringtone()), 'soft', 'a call waiting rings softly');
    await checkWaitingCall(popup, 'Remote 1004');
    await pressByKeyboard(popup, 'Answer');
    await waitFor('1004', 'established', s4);
    assert.equal(await host.evaluate(() => softphoneDiagnostics.ringtone()), 'stopped');
    const held = await waitFor('1002', 'reinvite', s2);
    assert.equal(held.sdpDirection, 'sendonly');
    await popup.waitForSelector('ul[aria-label="Your calls"] li[data-line-state="held"]');
    assert.deepEqual(await lineRows(), ['held Line 1: 1002', 'established Line 2: Remote 1004']);
    const [first, second] = await lineTexts();
    assert.match(first, /^Line 1: 1002 \| On hold · 0:\d\d$/);
    assert.match(second, /^Line 2: Remote 1004 \| 1004 \| On a call · 0:\d\d$/);
    await checkTwoLines(popup, { front: 'Remote 1004', held: '1002', heldFirst: true });
    await popup.screenshot({ path: 'tests/artifacts/popup-two-lines.png' });
    popup = await reopenWidget(popup, lab.browser, lab.extensionId);
    await popup.waitForSelector('ul[aria-label="Your calls"] li[data-line-state="held"]');
    assert.deepEqual(await lineRows(), ['held Line 1: 1002', 'established Line 2: Remote 1004']);
  });

  it('Swap from the keyboard: the held line comes back, the other goes on hold; hanging up one leaves the other; End hangs up', async () => {
    const s2 = await since('1002');
    const s4 = await since('1004');
    await pressByKeyboard(popup, 'Switch to 1002');
    assert.equal((await waitFor('1004', 'reinvite', s4)).sdpDirection, 'sendonly');
    assert.equal((await waitFor('1002', 'reinvite', s2)).sdpDirection, 'sendrecv');
    await popup.waitForSelector('ul[aria-label="Your calls"] li[data-line="2"][data-line-state="held"]');
    assert.deepEqual(await lineRows(), ['established Line 1: 1002', 'held Line 2: Remote 1004']);
    await checkTwoLines(popup, { front: '1002', held: 'Remote 1004', heldFirst: false });
    await pressByKeyboard(popup, 'Hang up Remote 1004');
    await waitFor('1004', 'terminated', s4);
    await popup.waitForSelector('section[aria-label="Call"]::-p-text(1002)');
    assert.equal(await popup.$('ul[aria-label="Your calls"]'), null, 'one call left: no list');
    await checkOneCall(popup, '1002');
    await popup.keyboard.press('End');
    await waitFor('1002', 'bye-received', s2);
    await waitForIdle(popup);
  });

  it('by keyboard: Decline turns the waiting call away and keeps the first; Transfer hands the first to 1003', async () => {
    const s2 = await since('1002');
    const s4 = await secondCallRinging();
    await pressByKeyboard(popup, 'Decline');
    assert.equal((await waitFor('1004', 'call-failed', s4)).code, 603);
    await popup.waitForSelector('section[aria-label="Call"][data-call-state="established"]::-p-text(1002)');
    assert.equal(await popup.$('section[aria-label="Incoming call"]'), null);
    await pressByKeyboard(popup, 'Transfer');
    await checkTransferPanel(popup, '1002');
    await focusByKeyboard(popup, 'Extension or full number');
    await popup.keyboard.type('1003');
    await popup.keyboard.press('Enter');
    assert.equal((await waitFor('1002', 'refer', s2)).target, '1003');
    await waitFor('1002', 'bye-received', s2);
    await waitForIdle(popup);
  });

  it('"Answer and end the current call" hangs up the first and answers the second', async () => {
    const s2 = await since('1002');
    const s4 = await secondCallRinging();
    await press(popup, 'Answer and end the current call');
    await waitFor('1002', 'bye-received', s2);
    await waitFor('1004', 'established', s4);
    await popup.waitForSelector('section[aria-label="Call"][data-call-state="established"]::-p-text(Remote 1004)');
    assert.equal(await popup.$('ul[aria-label="Your calls"]'), null);
    await press(popup, 'Hang up');
    await waitForIdle(popup);
  });
});

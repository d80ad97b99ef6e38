// Lines (issue 20): a second call during a call, the list of calls, Swap, "Answer and end the
// current call", in the built Chrome extension against the lab Kamailio with two far ends
// (1002 called by us, 1004 calling in). The far ends' re-INVITEs say who is on hold.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seriousViolations } from './support/axe.mjs';
import { offscreenPage } from './support/chrome.mjs';
import { startPhoneLab } from './support/phone-lab.mjs';
import { dialFromPopup, press, reopenWidget, waitForCallState, waitForIdle } from './support/ui.mjs';

let lab;
let popup;
let since;
let waitFor;
const lineRows = () =>
  popup.$$eval('ul[aria-label="Your calls"] > li', (els) =>
    els.map((e) => `${e.getAttribute('data-line-state')} ${e.querySelector('.name')?.textContent}`));

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

after(() => lab?.stop());

describe('Two lines through Kamailio', { concurrency: false }, () => {
  it('a call waiting says what Answer does; answering holds the first; the list shows both, also after reopening', async () => {
    const s2 = await since('1002');
    const s4 = await secondCallRinging();
    await popup.waitForSelector('::-p-text(Answer puts 1002 on hold.)');
    const host = await offscreenPage(lab.browser);
    assert.equal(await host.evaluate(() => softphoneDiagnostics.ringtone()), 'soft', 'a call waiting rings softly');
    assert.deepEqual(await seriousViolations(popup), [], 'call waiting screen is axe-clean');
    await press(popup, 'Answer');
    await waitFor('1004', 'established', s4);
    assert.equal(await host.evaluate(() => softphoneDiagnostics.ringtone()), 'stopped');
    const held = await waitFor('1002', 'reinvite', s2);
    assert.equal(held.sdpDirection, 'sendonly');
    await popup.waitForSelector('ul[aria-label="Your calls"] li[data-line-state="held"]');
    assert.deepEqual(await lineRows(), ['held Line 1: 1002', 'established Line 2: Remote 1004']);
    assert.deepEqual(await seriousViolations(popup), [], 'the call list is axe-clean');
    await popup.screenshot({ path: 'tests/artifacts/popup-two-lines.png' });
    popup = await reopenWidget(popup, lab.browser, lab.extensionId);
    await popup.waitForSelector('ul[aria-label="Your calls"] li[data-line-state="held"]');
    assert.deepEqual(await lineRows(), ['held Line 1: 1002', 'established Line 2: Remote 1004']);
  });

  it('Swap from the keyboard: the held line comes back, the other goes on hold; hanging up one leaves the other', async () => {
    const s2 = await since('1002');
    const s4 = await since('1004');
    const swap = await popup.waitForSelector('button::-p-text(Switch to 1002)');
    await swap.focus();
    await popup.keyboard.press('Enter');
    assert.equal((await waitFor('1004', 'reinvite', s4)).sdpDirection, 'sendonly');
    assert.equal((await waitFor('1002', 'reinvite', s2)).sdpDirection, 'sendrecv');
    await popup.waitForSelector('ul[aria-label="Your calls"] li[data-line="2"][data-line-state="held"]');
    assert.deepEqual(await lineRows(), ['established Line 1: 1002', 'held Line 2: Remote 1004']);
    await press(popup, 'Hang up Remote 1004');
    await waitFor('1004', 'terminated', s4);
    await popup.waitForSelector('section[aria-label="Call"]::-p-text(1002)');
    assert.equal(await popup.$('ul[aria-label="Your calls"]'), null, 'one call left: no list');
    await press(popup, 'Hang up');
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

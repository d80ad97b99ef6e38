// Lines and blind transfer in the built Firefox extension (Firefox ESR, MV2) against the lab
// Kamailio. The background page is the phone host; every call takes the microphone in the widget
// window (popup.html?popout=1), which opens with the first call and is where the calls are driven
// from here, by keyboard. 1002 answers by itself, 1004 calls in, 1003 is the colleague a call is
// transferred to; all three are SIP.js far ends in a Chromium beside Firefox. Firefox draws the
// pages dark (its prefers-color-scheme override): Chromium's lines e2e checks both schemes, this
// one the dark one in Firefox (BiDi cannot switch it while the browser runs).
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { checkOneCall, checkTransferPanel, checkTwoLines, checkWaitingCall } from './support/call-screens.mjs';
import { waitForExtensionPage } from './support/firefox.mjs';
import { focusByKeyboard, pressByKeyboard } from './support/keyboard.mjs';
import { startFirefoxPhoneLab } from './support/phone-lab.mjs';
import { assertBlindTransfer, assertReferRefused } from './support/transfer-checks.mjs';
import { dialFromPopup, waitForCallState, waitForIdle, waitUntil } from './support/ui.mjs';

/** The widget window: no Pop out; axe as Firefox draws it (dark). */
const SCREEN = { popout: true, merge: false, axe: { schemes: [null] } };

let lab;
let win;
let since;
let waitFor;
let talking;

/** The phone host's ringtone and which of its rings is playing, read in the background page (Firefox MV2: same origin as our pages). */
const ringtone = () =>
  win.evaluate(async () => {
    const bg = await globalThis.browser.runtime.getBackgroundPage();
    const playing = [...bg.document.querySelectorAll('audio[data-ringtone]')].filter((e) => !e.paused).map((e) => e.dataset.ringtone);
    return { state: bg.softphoneDiagnostics.ringtone(), playing };
  });

/** What each line says: name, number, state with its time; and its data-line-state. */
const lineRows = () =>
  win.$$eval('ul[aria-label="Your calls"] > li', (els) =>
    els.map((e) => `${e.getAttribute('data-line-state')} ${[...e.querySelector('.who').children].map((c) => c.textContent.trim()).join(' | ')}`));

/** Calls 1002 from the widget; returns what 1002 saw from then on. */
async function call1002() {
  const s2 = await since('1002');
  await dialFromPopup(win, '1002');
  await waitFor('1002', 'established', s2);
  await waitForCallState(win, 'established');
  return s2;
}

/** 1002 answered, then 1004 rings in: the call-waiting screen. */
async function secondCallRinging() {
  const s2 = await call1002();
  const s4 = await since('1004');
  await lab.remotes['1004'].evaluate(() => void remote.call('1001').catch(() => {}));
  await win.waitForSelector('section[aria-label="Incoming call"]', { timeout: 10_000 });
  return { s2, s4 };
}

before(async () => {
  lab = await startFirefoxPhoneLab({
    farEnds: { 1002: { autoAnswer: true }, 1003: {}, 1004: {} },
    account: { displayName: 'Jane Seller', callWaiting: true },
    firefox: { prefs: { 'layout.css.prefers-color-scheme.content-override': 0 } },
  });
  ({ since, waitFor, talking } = lab);
  // The first call opens the widget window (where it takes the microphone); it stays open after.
  const before = new Set(await lab.firefox.pages());
  const s2 = await since('1002');
  await dialFromPopup(lab.popup, '1002');
  win = await waitForExtensionPage(lab.firefox, 'popup.html', { search: '?popout=1', exclude: before });
  await waitFor('1002', 'established', s2);
  await waitForCallState(win, 'established');
  await win.setViewport({ width: 380, height: 620 });
  await lab.popup.close();
  await pressByKeyboard(win, 'Hang up');
  await waitForIdle(win);
}, { timeout: 120_000 });

// A test that failed half-way leaves the next a phone at rest (a passed one may hand its calls on).
afterEach((t) => (t.passed ? undefined : lab.endAllCalls(win)));

after(() => lab?.stop(), { timeout: 60_000 });

describe('Firefox ESR: two lines and blind transfer through Kamailio', { concurrency: false }, () => {
  it('a call waiting rings softly; Answer (by keyboard) holds the first; the list shows both lines', { timeout: 90_000 }, async () => {
    const { s2, s4 } = await secondCallRinging();
    await win.waitForSelector('::-p-text(Answer puts 1002 on hold.)');
    assert.deepEqual(await ringtone(), { state: 'soft', playing: ['soft'] }, 'a call waiting rings softly, not the full ring');
    await checkWaitingCall(win, 'Remote 1004', SCREEN);
    await pressByKeyboard(win, 'Answer');
    await waitFor('1004', 'established', s4);
    const held = await waitFor('1002', 'reinvite', s2);
    assert.ok(['sendonly', 'inactive'].includes(held.sdpDirection), `1002 is put on hold (${held.sdpDirection})`);
    assert.deepEqual(await ringtone(), { state: 'stopped', playing: [] });
    await win.waitForSelector('ul[aria-label="Your calls"] li[data-line-state="held"]');
    const [first, second] = await lineRows();
    assert.match(first, /^held Line 1: 1002 \| On hold · 0:\d\d$/);
    assert.match(second, /^established Line 2: Remote 1004 \| 1004 \| On a call · 0:\d\d$/);
    await checkTwoLines(win, { front: 'Remote 1004', held: '1002', heldFirst: true }, SCREEN);
    await win.screenshot({ path: 'tests/artifacts/firefox-two-lines.png' });
  });

  it('Swap (by keyboard) brings 1002 back and holds 1004; hanging up one leaves the other; End hangs up', { timeout: 90_000 }, async () => {
    const s2 = await since('1002');
    const s4 = await since('1004');
    await pressByKeyboard(win, 'Switch to 1002');
    assert.ok(['sendonly', 'inactive'].includes((await waitFor('1004', 'reinvite', s4)).sdpDirection), '1004 is put on hold');
    assert.equal((await waitFor('1002', 'reinvite', s2)).sdpDirection, 'sendrecv', '1002 is taken off hold');
    await win.waitForSelector('ul[aria-label="Your calls"] li[data-line="2"][data-line-state="held"]');
    await checkTwoLines(win, { front: '1002', held: 'Remote 1004', heldFirst: false }, SCREEN);
    await pressByKeyboard(win, 'Hang up Remote 1004');
    await waitFor('1004', 'terminated', s4);
    await win.waitForSelector('section[aria-label="Call"][data-call-state="established"]::-p-text(1002)');
    assert.equal(await win.$('ul[aria-label="Your calls"]'), null, 'one call left: no list');
    assert.ok(await talking('1002'), 'the call left talks both ways');
    await checkOneCall(win, '1002', SCREEN);
    await win.keyboard.press('End');
    await waitFor('1002', 'bye-received', s2);
    await waitForIdle(win);
  });

  it('Decline (by keyboard) turns the waiting call away and keeps the first', { timeout: 60_000 }, async () => {
    const { s4 } = await secondCallRinging();
    await pressByKeyboard(win, 'Decline');
    assert.equal((await waitFor('1004', 'call-failed', s4)).code, 603);
    await win.waitForSelector('section[aria-label="Call"][data-call-state="established"]::-p-text(1002)');
    assert.ok(await talking('1002'), 'the first call goes on');
    await pressByKeyboard(win, 'Hang up');
    await waitForIdle(win);
  });

  it('blind transfer (by keyboard): our leg ends once 1002 accepts the REFER, 1003 rings, then talks to 1002', { timeout: 90_000 }, async () => {
    const s3 = await since('1003');
    const s2 = await call1002();
    await pressByKeyboard(win, 'Transfer');
    await checkTransferPanel(win, '1002', SCREEN);
    await focusByKeyboard(win, 'Extension or full number');
    await win.keyboard.type('1003');
    await win.keyboard.press('Enter');
    await assertBlindTransfer(lab, win, { caller: '1002', colleague: '1003', since: { 1002: s2, 1003: s3 } });
  });

  it('blind transfer refused by the far end keeps the call and says why', { timeout: 60_000 }, async () => {
    await lab.remotes['1002'].evaluate(() => remote.setAcceptRefer(false));
    const s2 = await call1002();
    await pressByKeyboard(win, 'Transfer');
    await win.keyboard.type('1003');
    await win.keyboard.press('Enter');
    await assertReferRefused(lab, win, { user: '1002', target: '1003', since: s2 });
    await lab.remotes['1002'].evaluate(() => remote.setAcceptRefer(true));
    await pressByKeyboard(win, 'Hang up');
    await waitUntil(async () => !(await win.$('[data-call-state="established"]')), 'the call to end');
  });
});

// Conference on Firefox (issue 20): not there yet. The calls live in the persistent background
// page, whose AudioContext never starts (autoplay rules), nor does the call window's (tried: both
// stay "suspended" on Firefox ESR 153, a click in the window or not), so nothing can mix the
// audio. Firefox therefore offers no Merge and refuses one with the reason, leaving the calls
// as they were. Firefox ESR with the built extension (1001, its fake microphone a 1000 Hz tone);
// 1002 (A, 700 Hz) and 1003 (B, 1500 Hz) are SIP.js remote phones in Chromium.
// Build first: `npx wxt build -b firefox`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchChromium } from '../lab/browser.mjs';
import { closeFirefox, launchFirefoxWithExtension, openExtensionPage, waitForExtensionPage, withTimeout } from './support/firefox.mjs';
import { startLabSession } from './support/lab-session.mjs';
import { dialFromPopup, press, saveAccount, talkFirstWith, waitForCallState, waitForRegistration, waitUntil } from './support/ui.mjs';

const US = 1000;
const A = 700;
const B = 1500;
const HEARD = -55;

let session;
let firefox;
let chromium;
let popup;
const remotes = {};

const since = (user) => remotes[user].evaluate(() => remote.lastSeq);
const waitFor = (user, type, from) => remotes[user].evaluate((t, s) => remote.waitForEvent(t, { since: s, timeoutMs: 15_000 }), type, from);

async function hearsSoon(user, expected) {
  let last;
  try {
    await waitUntil(async () => {
      const levels = await remotes[user].evaluate((hz) => remote.hears(hz), [US, A, B]);
      last = { us: levels[US] > HEARD, a: levels[A] > HEARD, b: levels[B] > HEARD, levels };
      return Object.entries(expected).every(([k, v]) => last[k] === v);
    }, `${user} to hear ${JSON.stringify(expected)}`, 15_000);
  } catch (e) {
    assert.fail(`${e.message}; last heard ${JSON.stringify(last)}`);
  }
}

before(async () => {
  session = await startLabSession();
  const [ff, cr] = await Promise.allSettled([launchFirefoxWithExtension(), launchChromium()]);
  if (ff.status === 'fulfilled') firefox = ff.value.browser;
  if (cr.status === 'fulfilled') chromium = cr.value;
  if (ff.status === 'rejected') throw ff.reason;
  if (cr.status === 'rejected') throw cr.reason;
  remotes['1002'] = await session.remote(chromium, '1002', { autoAnswer: true, tone: A });
  remotes['1003'] = await session.remote(chromium, '1003', { autoAnswer: true, tone: B });
  const micPage = await waitForExtensionPage(firefox, 'mic-permission.html');
  await micPage.bringToFront();
  await press(micPage, 'Allow microphone');
  await micPage.waitForSelector('[role="status"]', { timeout: 10_000 });
  const options = await openExtensionPage(firefox, micPage, 'options.html');
  assert.deepEqual(await saveAccount(options, session.settingsFor('1001', { displayName: 'Jane Seller', callWaiting: true })), []);
  popup = await openExtensionPage(firefox, micPage, 'popup.html');
  await waitForRegistration(popup, 'registered');
}, { timeout: 90_000 });

after(async () => {
  await Promise.allSettled([
    closeFirefox(firefox),
    chromium ? withTimeout(chromium.close(), 15_000, 'closing Chromium').catch(() => chromium.process()?.kill('SIGKILL')) : null,
  ]);
  await session?.stop();
}, { timeout: 60_000 });

describe('Firefox conference through Kamailio', { concurrency: false }, () => {
  it('two answered calls offer no Merge, and a merge asked anyway is refused with the reason; both calls stay as they were', { timeout: 120_000 }, async () => {
    const s3 = await since('1003');
    await dialFromPopup(popup, '1002');
    await waitForCallState(popup, 'established');
    await talkFirstWith(popup, '1003');
    await waitFor('1003', 'established', s3);
    await popup.waitForSelector('button::-p-text(Complete transfer)');
    assert.equal(await popup.$('button::-p-text(Merge calls)'), null, 'no Merge button on Firefox');
    const state = await popup.evaluate(() => globalThis.browser.runtime.sendMessage({ type: 'phone:getState' }));
    const [a, b] = state.value.calls.filter((c) => c.state === 'established').map((c) => c.id);
    const merged = await popup.evaluate((callId, otherId) => globalThis.browser.runtime.sendMessage({ type: 'phone:merge', callId, otherId }), b, a);
    assert.deepEqual(merged, { ok: false, error: { code: 'conferenceFailed', args: ['Firefox cannot mix the audio of calls in an extension yet'] } });
    // Nothing changed: A still on hold hears nothing, B hears us, and nobody hears the other.
    await hearsSoon('1003', { us: true, a: false });
    await hearsSoon('1002', { us: false, b: false });
    const after = await popup.evaluate(() => globalThis.browser.runtime.sendMessage({ type: 'phone:getState' }));
    assert.deepEqual(after.value.calls.filter((c) => c.state === 'established').map((c) => [c.held, c.conference ?? null]), [[true, null], [false, null]]);
  });
});

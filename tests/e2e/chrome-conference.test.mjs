// Conference (issue 20): two calls merged into one three-way call, mixed in the phone host (the
// offscreen document), in the built Chrome extension against the lab Kamailio. 1001 is the
// extension, its microphone a 600 Hz tone (Chromium's fake capture from a file); 1002 (A) speaks
// 1000 Hz and 1003 (B) 1500 Hz (the remote phones' tone microphones). What is checked is what each
// far end hears, by frequency with an AnalyserNode: A hears us and B, B hears us and A; after
// Split the held B hears nothing of A; after A hangs up, B still hears us.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeToneWav } from '../lab/tone.mjs';
import { seriousViolations } from './support/axe.mjs';
import { launchWithExtension, offscreenPage, openExtensionPage } from './support/chrome.mjs';
import { startLabSession } from './support/lab-session.mjs';
import { dialFromPopup, liveCallId, press, reopenWidget, saveAccount, talkFirstWith, waitForCallState, waitForIdle, waitUntil } from './support/ui.mjs';

const US = 600;
const A = 1000;
const B = 1500;
/** dBFS at a tone's bin: a tone heard reads -20 to -40 here; one not there, the codec's noise floor, below -70. */
const HEARD = -55;

let session;
let browser;
let extensionId;
let popup;
let dir;
const remotes = {};

const since = (user) => remotes[user].evaluate(() => remote.lastSeq);
const waitFor = (user, type, from, where = {}) =>
  remotes[user].evaluate((t, s, w) => remote.waitForEvent(t, { since: s, where: w, timeoutMs: 15_000 }), type, from, where);

/** Which of our, A's and B's tones `user` hears on its call now. */
async function heardBy(user) {
  const levels = await remotes[user].evaluate((hz) => remote.hears(hz), [US, A, B]);
  return { us: levels[US] > HEARD, a: levels[A] > HEARD, b: levels[B] > HEARD, levels };
}

/** Waits until `user` hears exactly what `expected` says (audio takes a moment after a re-INVITE). */
async function hearsSoon(user, expected) {
  let last;
  try {
    await waitUntil(async () => {
      last = await heardBy(user);
      return Object.entries(expected).every(([k, v]) => last[k] === v);
    }, `${user} to hear ${JSON.stringify(expected)}`, 15_000);
  } catch (e) {
    assert.fail(`${e.message}; last heard ${JSON.stringify(last)}`);
  }
  return last;
}

const conference = () => popup.waitForSelector('section[data-conference] h2::-p-text(Conference (2))', { timeout: 10_000 });

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conference-e2e-'));
  const micWav = path.join(dir, 'mic-600hz.wav');
  writeToneWav(micWav, US, { seconds: 10 });
  session = await startLabSession();
  ({ browser, extensionId } = await launchWithExtension({ args: [`--use-file-for-fake-audio-capture=${micWav}`] }));
  remotes['1002'] = await session.remote(browser, '1002', { autoAnswer: true, tone: A });
  remotes['1003'] = await session.remote(browser, '1003', { autoAnswer: true, tone: B });
  const options = await openExtensionPage(browser, extensionId, 'options.html');
  await saveAccount(options, session.settingsFor('1001', { displayName: 'Jane Seller', callWaiting: true }));
  popup = await reopenWidget(null, browser, extensionId);
});

after(async () => {
  await browser?.close().catch(() => {});
  await session?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('Conference through Kamailio', { concurrency: false }, () => {
  it('Merge: A hears us and B, B hears us and A, we hear both; the conference screen is axe-clean in light and dark', async () => {
    const s3 = await since('1003');
    await dialFromPopup(popup, '1002');
    await waitForCallState(popup, 'established');
    const callA = await liveCallId(popup);
    // Before the merge, A hears only us (B is not called yet).
    await hearsSoon('1002', { us: true, a: false, b: false });
    await talkFirstWith(popup, '1003');
    await waitFor('1003', 'established', s3);
    await hearsSoon('1003', { us: true, a: false, b: false });
    const s2 = await since('1002');
    await press(popup, 'Merge calls');
    assert.equal((await waitFor('1002', 'reinvite', s2)).sdpDirection, 'sendrecv', 'A is taken off hold');
    await conference();
    const atA = await hearsSoon('1002', { us: true, a: false, b: true });
    const atB = await hearsSoon('1003', { us: true, a: true, b: false });
    process.stdout.write(`# levels at A ${JSON.stringify(atA.levels)}, at B ${JSON.stringify(atB.levels)}\n`);
    // We hear both far ends: each call's received audio is its far end's tone, neither held.
    const host = await offscreenPage(browser);
    const calls = (await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'phone:getState' }))).value.calls;
    const callB = calls.find((c) => c.id !== callA && c.state === 'established').id;
    const tones = await host.evaluate(async (a, b) => [await softphoneDiagnostics.remoteTone(a), await softphoneDiagnostics.remoteTone(b)], callA, callB);
    assert.deepEqual(tones.map((t) => Math.abs(t.hz - 1000) < 20 || Math.abs(t.hz - 1500) < 20), [true, true], JSON.stringify(tones));
    assert.deepEqual(await popup.$$eval('ul[aria-label="In the conference"] .name', (els) => els.map((e) => e.textContent)), ['1002', '1003']);
    for (const scheme of ['light', 'dark']) {
      await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      assert.deepEqual(await seriousViolations(popup), [], `conference screen is axe-clean (${scheme})`);
      await popup.screenshot({ path: `tests/artifacts/popup-conference-${scheme}.png` });
    }
    await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  });

  it('Mute mutes our microphone for both; the far ends still hear each other', async () => {
    await press(popup, 'Mute');
    await hearsSoon('1002', { us: false, b: true });
    await hearsSoon('1003', { us: false, a: true });
    await press(popup, 'Mute');
    await hearsSoon('1002', { us: true, b: true });
  });

  it('another microphone chosen during the conference leaves the mix in place (these calls keep theirs; the next call takes the new one)', async () => {
    const mic = await popup.evaluate(async () => {
      (await navigator.mediaDevices.getUserMedia({ audio: true })).getTracks().forEach((t) => t.stop());
      const inputs = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'audioinput' && d.deviceId !== 'default');
      const other = inputs.at(-1);
      return { id: other.deviceId, label: other.label };
    });
    const saved = await popup.evaluate((m) => chrome.runtime.sendMessage({ type: 'bg:saveDevices', devices: { microphone: m, speaker: null, ringer: null } }), mic);
    assert.equal(saved.ok, true, JSON.stringify(saved));
    // Long enough for a switch to have happened (the host replaces tracks at once when it does).
    await new Promise((r) => setTimeout(r, 1500));
    await hearsSoon('1002', { b: true });
    await hearsSoon('1003', { a: true });
    await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'bg:saveDevices', devices: { microphone: null, speaker: null, ringer: null } }));
  });

  it('Split from the keyboard: A in front, B on hold and no longer hearing A; Merge again; A hangs up and B still hears us', async () => {
    const s3 = await since('1003');
    const split = await popup.waitForSelector('button[aria-label="Split: back to two calls, 1003 on hold"]');
    await split.focus();
    await popup.keyboard.press('Enter');
    assert.equal((await waitFor('1003', 'reinvite', s3)).sdpDirection, 'sendonly', 'B is put on hold');
    await popup.waitForSelector('ul[aria-label="Your calls"] li[data-line-state="held"]');
    await hearsSoon('1003', { us: false, a: false });
    await hearsSoon('1002', { us: true, b: false });

    await press(popup, 'Merge calls');
    await conference();
    await hearsSoon('1003', { us: true, a: true });
    await hearsSoon('1002', { us: true, b: true });

    const s2 = await since('1002');
    await remotes['1002'].evaluate(() => remote.hangupAll());
    await waitFor('1002', 'terminated', s2);
    await popup.waitForSelector('section[aria-label="Call"][data-call-state="established"]');
    assert.equal(await popup.$('section[data-conference]'), null, 'one call left: no conference');
    await hearsSoon('1003', { us: true, a: false });
    await press(popup, 'Hang up');
    await waitForIdle(popup);
  });
});

// Firefox ESR with its real microphone permission (no media.navigator.permission.disabled): the
// user allows the microphone on our mic page by answering Firefox's own prompt from the keyboard
// (a headed Firefox on a virtual display, xdotool), then calls out and takes a call with the
// popup closed, with audio both ways. Firefox never lets the background page (our phone host)
// capture the microphone; calls take it in the widget window, which opens for every call
// (lib/phone-host/firefox/microphone.ts). Desktop notifications go to the lab's D-Bus server,
// which clicks them as a notification daemon reports a user's click.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startNotificationServer } from '../lab/notification-server.mjs';
import {
  answerPermissionPrompt, hrefOf, launchFirefoxBesideChromium, openExtensionPage, waitForExtensionPage,
} from './support/firefox.mjs';
import { startLabSession } from './support/lab-session.mjs';
import { dialFromPopup, press, saveAccount, waitForCallState, waitForIdle, waitForRegistration, waitUntil } from './support/ui.mjs';
import { startXvfb } from './support/xvfb.mjs';

let xvfb;
let session;
let desktop;
let firefox;
let chromium;
let closeBrowsers;
let ada; // 1002, answers by itself
let caller; // 1004

/** Every open tab or window showing one of the extension's pages. */
async function extensionPages() {
  const pages = [];
  for (const page of await firefox.pages()) if ((await hrefOf(page)).startsWith('moz-extension://')) pages.push(page);
  return pages;
}

/** The widget window (popup.html?popout=1), once it shows. */
const callWindow = (exclude = new Set()) => waitForExtensionPage(firefox, 'popup.html', { search: '?popout=1', exclude });

/** The extension's counters for its live call, read from its background page (same origin). */
async function extensionRtp(page) {
  return page.evaluate(async () => {
    const bg = await globalThis.browser.runtime.getBackgroundPage();
    const state = await globalThis.browser.runtime.sendMessage({ type: 'phone:getState' });
    const call = state.value.calls.find((c) => c.state === 'established');
    const s = await bg.softphoneDiagnostics.rtpStats(call.id);
    return { packetsSent: s.packetsSent, packetsReceived: s.packetsReceived, energyReceived: s.energyReceived };
  });
}

/** Audio both ways: the far end hears Firefox's microphone (a tone), the extension hears the far end. */
async function assertAudioBothWays(farEnd, page) {
  const far0 = await farEnd.evaluate(() => remote.stats());
  const near0 = await extensionRtp(page);
  const far = await waitUntil(async () => {
    const s = await farEnd.evaluate(() => remote.stats());
    return s.packetsReceived > far0.packetsReceived + 20 && s.totalAudioEnergy > far0.totalAudioEnergy && s.audioLevel > 0 ? s : null;
  }, 'the far end receiving sound from Firefox', 15_000);
  assert.ok(far.audioLevel > 0, `the far end hears the microphone (level ${far.audioLevel})`);
  const near = await waitUntil(async () => {
    const s = await extensionRtp(page);
    return s.packetsReceived > near0.packetsReceived + 20 && s.packetsSent > near0.packetsSent + 20 && s.energyReceived > near0.energyReceived ? s : null;
  }, 'the extension sending and receiving sound', 15_000);
  assert.ok(near.energyReceived > 0);
}

before(async () => {
  xvfb = await startXvfb();
  session = await startLabSession();
  desktop = await startNotificationServer();
  ({ firefox, chromium, close: closeBrowsers } = await launchFirefoxBesideChromium({
    headless: false,
    env: { ...desktop.env, DISPLAY: xvfb.display },
    // Firefox's real prompt: the fake device stays (no sound card here), the prompt too.
    prefs: { 'media.navigator.permission.disabled': false },
  }));
  ada = await session.remote(chromium, '1002', { autoAnswer: true });
  caller = await session.remote(chromium, '1004');
}, { timeout: 120_000 });

after(async () => {
  await closeBrowsers?.();
  await desktop?.stop();
  await session?.stop();
  xvfb?.stop();
}, { timeout: 60_000 });

describe('Firefox ESR with its real microphone prompt', { concurrency: false }, () => {
  let options;

  it('the mic page asks, the user presses Allow in Firefox\'s prompt, and the page says so', { timeout: 60_000 }, async () => {
    const mic = await waitForExtensionPage(firefox, 'mic-permission.html');
    await mic.bringToFront();
    // The page's words match Firefox's dialog (its checkbox, ticked by default).
    assert.match(await mic.evaluate(() => document.body.innerText), /choose Allow in Firefox’s question, with “Remember for all microphones” left ticked/);
    await press(mic, 'Allow microphone');
    await answerPermissionPrompt(xvfb, 'allow');
    const status = await mic.waitForSelector('[role="status"]', { timeout: 15_000 });
    assert.match(await status.evaluate((e) => e.textContent), /Microphone allowed/);
    assert.equal(await mic.evaluate(async () => (await navigator.permissions.query({ name: 'microphone' })).state), 'granted');
    // What the design rests on: even now, Firefox refuses the microphone to the background page.
    const background = await mic.evaluate(async () => {
      const bg = await globalThis.browser.runtime.getBackgroundPage();
      return bg.navigator.mediaDevices.getUserMedia({ audio: true }).then((s) => {
        s.getTracks().forEach((t) => t.stop());
        return 'granted';
      }, (e) => e.name);
    });
    assert.equal(background, 'NotAllowedError');
    options = await openExtensionPage(firefox, mic, 'options.html');
    await mic.close();
  });

  it('calls out from the popup: the call shows in the widget window, with audio both ways', { timeout: 90_000 }, async () => {
    assert.deepEqual(await saveAccount(options, session.settingsFor('1001')), []);
    const popup = await openExtensionPage(firefox, options, 'popup.html');
    await options.close();
    await waitForRegistration(popup, 'registered');
    const since = await ada.evaluate(() => remote.lastSeq);
    const before = new Set(await firefox.pages());
    await dialFromPopup(popup, '1002');
    const win = await callWindow(before);
    await ada.evaluate((s) => remote.waitForEvent('established', { since: s, timeoutMs: 20_000 }), since);
    await waitForCallState(win, 'established');
    await assertAudioBothWays(ada, win);
    await press(win, 'Hang up');
    const end = await ada.evaluate((s) => remote.waitForEvent('terminated', { since: s, timeoutMs: 10_000 }), since);
    assert.equal(end.reason, 'remote-hangup');
    await waitForIdle(win);
    await popup.close();
    await win.close();
  });

  it('a call with every extension page closed: the notification opens the widget window, Answer takes it, audio both ways', { timeout: 90_000 }, async () => {
    assert.deepEqual(await extensionPages(), []);
    const since = await caller.evaluate(() => remote.lastSeq);
    await caller.evaluate(() => void remote.call('1001').catch(() => {}));
    const notification = await desktop.waitFor((n) => n.open && n.summary === 'Incoming call' && n.body.includes('1004'), 15_000);
    desktop.click(notification, 'default');
    const win = await callWindow();
    // The widget window's own layout (no Pop out button), the ringing call, Answer in focus.
    await win.waitForSelector('section.incoming', { timeout: 15_000 });
    assert.equal(await win.$('button[aria-label="Pop out"]'), null);
    // Answer is one Tab away, never focused by itself (a stray key must not answer).
    assert.notEqual(await win.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Answer');
    await press(win, 'Answer');
    const established = await caller.evaluate((s) => remote.waitForEvent('established', { since: s, timeoutMs: 20_000 }), since);
    assert.equal(established.direction, 'outgoing');
    await waitForCallState(win, 'established');
    await assertAudioBothWays(caller, win);
    assert.equal((await extensionPages()).length, 1, 'one window: the widget window');
    // Pop out from the toolbar popup brings this window forward instead of opening another.
    const popup = await openExtensionPage(firefox, win, 'popup.html');
    await press(popup, 'Pop out');
    await waitUntil(async () => (await extensionPages()).length === 1, 'the toolbar popup closing itself');
    assert.equal(await hrefOf((await extensionPages())[0]), await hrefOf(win));
    await press(win, 'Hang up');
    await caller.evaluate((s) => remote.waitForEvent('terminated', { since: s, timeoutMs: 10_000 }), since);
  });

  it('closing the widget window mid-call opens it again, and the far end keeps hearing the microphone', { timeout: 90_000 }, async () => {
    const [first] = await extensionPages();
    assert.ok(first, 'the widget window from the last call');
    const since = await ada.evaluate(() => remote.lastSeq);
    await dialFromPopup(first, '1002');
    await ada.evaluate((s) => remote.waitForEvent('established', { since: s, timeoutMs: 20_000 }), since);
    await waitForCallState(first, 'established');
    await assertAudioBothWays(ada, first);
    const before = new Set(await firefox.pages());
    await first.close();
    // The window comes back with the call, and takes the microphone again for it (the permission
    // given on the mic page covers it: no prompt).
    const win = await callWindow(before);
    await waitForCallState(win, 'established');
    await assertAudioBothWays(ada, win);
    await press(win, 'Hang up');
    const end = await ada.evaluate((s) => remote.waitForEvent('terminated', { since: s, timeoutMs: 10_000 }), since);
    assert.equal(end.reason, 'remote-hangup');
    await waitForIdle(win);
  });
});

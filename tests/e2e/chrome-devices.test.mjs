// Audio devices (Chrome, real Kamailio): the microphone, speaker and ringer chosen in the settings
// are the ones the offscreen phone host uses — the call's sent track comes from the chosen fake
// microphone and its audio element plays on the chosen output; switching the microphone mid-call
// replaces the sent track without a re-INVITE. Chromium's --use-fake-device-for-media-stream offers
// several fake inputs and outputs, with stable labels.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchWithExtension, offscreenPage, openExtensionPage } from './support/chrome.mjs';
import { startLabSession } from './support/lab-session.mjs';
import { seriousViolations } from './support/axe.mjs';
import { dialFromPopup, liveCallId, openWidget, press, saveAccount, waitForCallState, waitForIdle, waitUntil } from './support/ui.mjs';

let session;
let browser;
let extensionId;
let options;
let popup;
let far;

/** What the page lists (the same origin as the host: the same ids). */
const listDevices = (page) =>
  page.evaluate(async () => (await navigator.mediaDevices.enumerateDevices()).map((d) => ({ id: d.deviceId, kind: d.kind, label: d.label })));

async function choose(page, role, label) {
  const value = await page.$eval(`#dev-${role}`, (el, l) => [...el.options].find((o) => o.textContent?.trim() === l)?.value ?? null, label);
  assert.ok(value !== null, `${role} offers “${label}”`);
  await page.$eval('form.devices', (f) => f.removeAttribute('data-save-state'));
  await page.select(`#dev-${role}`, value);
  await page.waitForSelector('form.devices[data-save-state="saved"]');
  return value;
}

before(async () => {
  session = await startLabSession();
  ({ browser, extensionId } = await launchWithExtension());
  far = await session.remote(browser, '1002', { autoAnswer: true });
  options = await openExtensionPage(browser, extensionId, 'options.html');
  await saveAccount(options, session.settingsFor('1001'));
  // The microphone allowed once (the fake UI grants it): device names appear.
  await options.evaluate(async () => (await navigator.mediaDevices.getUserMedia({ audio: true })).getTracks().forEach((t) => t.stop()));
  await options.reload();
  await options.waitForSelector('#dev-microphone');
  popup = await openWidget(browser, extensionId);
});

after(async () => {
  await browser?.close().catch(() => {});
  await session?.stop();
});

describe('audio devices (Chrome fake devices)', { concurrency: false }, () => {
  it('a call uses the chosen microphone and speaker; the mid-call switch replaces the track without a re-INVITE', async () => {
    const devices = await listDevices(options);
    const inputs = devices.filter((d) => d.kind === 'audioinput' && !['default', 'communications'].includes(d.id));
    const outputs = devices.filter((d) => d.kind === 'audiooutput' && !['default', 'communications'].includes(d.id));
    assert.ok(inputs.length >= 2 && outputs.length >= 2, `several fake devices: ${JSON.stringify(devices)}`);
    // Not the default: the last of each.
    const mic = inputs.at(-1);
    const speaker = outputs.at(-1);
    const ringer = outputs[0];
    assert.equal(await choose(options, 'microphone', mic.label), mic.id);
    assert.equal(await choose(options, 'speaker', speaker.label), speaker.id);
    assert.equal(await choose(options, 'ringer', ringer.label), ringer.id);
    await options.bringToFront();
    assert.deepEqual(await seriousViolations(options), []);
    await (await options.$('form.devices')).screenshot({ path: 'tests/artifacts/options-devices.png' });

    const since = await far.evaluate(() => remote.lastSeq);
    await dialFromPopup(popup, '1002');
    await far.evaluate((s) => remote.waitForEvent('established', { since: s }), since);
    await waitForCallState(popup, 'established');
    const callId = await liveCallId(popup);
    const host = await offscreenPage(browser);
    const used = await waitUntil(async () => {
      const d = await host.evaluate((id) => softphoneDiagnostics.callDevices(id), callId);
      return d.speaker === speaker.id ? d : null;
    }, 'the call plays on the chosen speaker');
    assert.deepEqual(used, { microphone: mic.label, speaker: speaker.id, ringer: ringer.id });

    // Mid-call, from the call screen: another microphone, the same call (no new INVITE).
    const other = inputs[0];
    await popup.bringToFront();
    await popup.waitForSelector('label.mic select');
    assert.deepEqual(await seriousViolations(popup), []);
    await popup.screenshot({ path: 'tests/artifacts/popup-call-microphone.png' });
    const invitesBefore = await far.evaluate((s) => remote.events.filter((e) => e.seq > s && e.type === 'invite').length, since);
    await popup.select('label.mic select', other.id);
    await waitUntil(async () => (await host.evaluate((id) => softphoneDiagnostics.callDevices(id), callId)).microphone === other.label, 'the sent track is the new microphone');
    const invitesAfter = await far.evaluate((s) => remote.events.filter((e) => e.seq > s && e.type === 'invite').length, since);
    assert.equal(invitesAfter, invitesBefore, 'no re-INVITE for the switch');
    const a = await host.evaluate((id) => softphoneDiagnostics.rtpStats(id), callId);
    await new Promise((r) => setTimeout(r, 500));
    const b = await host.evaluate((id) => softphoneDiagnostics.rtpStats(id), callId);
    assert.ok(b.packetsSent > a.packetsSent, 'RTP still goes out after the switch');
    await press(popup, 'Hang up');
    await waitForIdle(popup);
  });

  it('a chosen device that is not there: the default is used and the popup says which', async () => {
    // As if the headset was chosen on another day and is not plugged in now.
    await options.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'bg:saveDevices', devices: { microphone: { id: 'gone', label: 'USB Headset' }, speaker: null, ringer: null } }),
    );
    await popup.bringToFront();
    await popup.waitForSelector('[data-devices-missing="microphone"]');
    const text = await popup.$eval('[data-devices-missing]', (el) => el.textContent?.trim());
    assert.match(text, /The microphone “USB Headset” is not connected: the default microphone is used/);
    const since = await far.evaluate(() => remote.lastSeq);
    await dialFromPopup(popup, '1002');
    await far.evaluate((s) => remote.waitForEvent('established', { since: s }), since);
    await waitForCallState(popup, 'established');
    const callId = await liveCallId(popup);
    const host = await offscreenPage(browser);
    const used = await host.evaluate((id) => softphoneDiagnostics.callDevices(id), callId);
    assert.ok(used.microphone !== '', `the call still has a microphone: ${JSON.stringify(used)}`);
    await press(popup, 'Hang up');
    await waitForIdle(popup);
  });
});

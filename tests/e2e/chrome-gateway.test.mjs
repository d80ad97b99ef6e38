// A real WebRTC-to-SIP gateway and a desk phone (Chrome, real Kamailio + rtpengine + baresip):
// the extension (1001, WebRTC: ICE, DTLS-SRTP) and a plain SIP phone (1004, baresip over UDP,
// RTP/AVP G.711, no WebRTC) call each other through Kamailio's rtpengine module and Debian's
// rtpengine in userspace, as production PBXs reach desk phones and trunks. Audio is checked as
// audio: the desk phone plays 440 Hz and the extension hears it (AnalyserNode); the extension's
// microphone plays 1000 Hz and the desk phone's recording is that tone.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDeskPhone } from '../lab/baresip.mjs';
import { startLab } from '../lab/kamailio.mjs';
import { startRtpengine } from '../lab/rtpengine.mjs';
import { toneShare, writeToneWav } from '../lab/tone.mjs';
import { launchWithExtension, offscreenPage, openExtensionPage } from './support/chrome.mjs';
import { dialFromPopup, liveCallId, openWidget, press, saveAccount, waitForCallState, waitForIdle } from './support/ui.mjs';

const DESK_HZ = 440;
const MIC_HZ = 1000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let gateway;
let lab;
let desk;
let browser;
let extensionId;
let popup;
let host;
let dir;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-e2e-'));
  const micWav = path.join(dir, 'mic-1000hz.wav');
  writeToneWav(micWav, MIC_HZ);
  gateway = await startRtpengine();
  lab = await startLab({ rtpengine: gateway.ngSocket });
  desk = await startDeskPhone({ user: '1004', password: 'secret1004', domain: lab.domain, udpPort: lab.udpPort, toneHz: DESK_HZ });
  await desk.waitRegistered();
  ({ browser, extensionId } = await launchWithExtension({ args: [`--use-file-for-fake-audio-capture=${micWav}`] }));
  const options = await openExtensionPage(browser, extensionId, 'options.html');
  await saveAccount(options, { wsUrl: lab.wsUrl, domain: lab.domain, username: '1001', secret: 'secret1001' });
  await options.close();
  popup = await openWidget(browser, extensionId);
});

after(async () => {
  await browser?.close().catch(() => {});
  await desk?.stop();
  await lab?.stop();
  await gateway?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The extension hears the desk phone's tone (strongest frequency within one FFT bin or two). */
async function assertExtensionHearsDesk(callId) {
  host ??= await offscreenPage(browser);
  const tone = await host.evaluate((id) => softphoneDiagnostics.remoteTone(id), callId);
  assert.ok(tone && Math.abs(tone.hz - DESK_HZ) <= 12 && tone.db > -60, `the extension hears ${DESK_HZ} Hz: ${JSON.stringify(tone)}`);
}

/** What the desk phone heard during its last call (its decoder's recording) is the microphone tone. */
function assertDeskHeardMic() {
  const heard = desk.recordings().filter((f) => f.endsWith('-dec.wav')).sort().at(-1);
  assert.ok(heard, `a recording: ${desk.recordings().join(', ')}`);
  const { share, rms } = toneShare(heard, MIC_HZ);
  assert.ok(rms > 0.01 && share > 0.8, `the desk phone heard ${MIC_HZ} Hz: share ${share.toFixed(3)}, rms ${rms.toFixed(3)}`);
  // and not the desk phone's own tone coming back
  assert.ok(toneShare(heard, DESK_HZ).share < 0.05);
}

describe('through the rtpengine gateway to a desk phone (Chrome, baresip)', { concurrency: false }, () => {
  it('the extension calls the desk phone: audio both ways, DTMF, hold and resume', async () => {
    const since = desk.lastSeq;
    await dialFromPopup(popup, '1004');
    await desk.waitForEvent('CALL_ESTABLISHED', { since });
    await waitForCallState(popup, 'established');
    const callId = await liveCallId(popup);
    // The desk phone got plain RTP/AVP with G.711 and no ICE: the gateway translated the offer.
    const offer = desk.events.find((e) => e.seq > since && e.type === 'CALL_REMOTE_SDP');
    assert.ok(offer, 'the desk phone received an SDP offer');
    await desk.waitForEvent('CALL_RTPESTAB', { since });
    await sleep(1000);
    await assertExtensionHearsDesk(callId);

    // DTMF from the keypad reaches the desk phone (RFC 4733 through the gateway).
    const dtmfSince = desk.lastSeq;
    await press(popup, 'Keypad');
    for (const digit of ['1', '5', '#']) {
      await press(popup, digit);
      await sleep(300);
    }
    const digits = [];
    let from = dtmfSince;
    while (digits.length < 3) {
      const ev = await desk.waitForEvent('CALL_DTMF_START', { since: from, timeoutMs: 8000 });
      digits.push(ev.param);
      from = ev.seq;
    }
    assert.deepEqual(digits, ['1', '5', '#']);
    await press(popup, 'Back').catch(() => {});

    // Hold: the gateway carries the re-INVITE; the desk phone stops sending, and sends again on resume.
    const holdSince = desk.lastSeq;
    await press(popup, 'Hold');
    await popup.waitForSelector('button[aria-label="Hold"][aria-pressed="true"]', { timeout: 10_000 });
    await desk.waitForEvent('CALL_REMOTE_SDP', { since: holdSince });
    await sleep(500);
    const h1 = await host.evaluate((id) => softphoneDiagnostics.rtpStats(id), callId);
    await sleep(1000);
    const h2 = await host.evaluate((id) => softphoneDiagnostics.rtpStats(id), callId);
    assert.ok(h2.packetsReceived - h1.packetsReceived < 10, `on hold, the desk phone's audio stops: ${h1.packetsReceived} → ${h2.packetsReceived}`);
    await press(popup, 'Hold');
    await popup.waitForSelector('button[aria-label="Hold"][aria-pressed="false"]', { timeout: 10_000 });
    await sleep(1000);
    const r1 = await host.evaluate((id) => softphoneDiagnostics.rtpStats(id), callId);
    await sleep(1000);
    const r2 = await host.evaluate((id) => softphoneDiagnostics.rtpStats(id), callId);
    assert.ok(r2.packetsReceived - r1.packetsReceived > 30, `resumed, audio flows again: ${r1.packetsReceived} → ${r2.packetsReceived}`);
    await assertExtensionHearsDesk(callId);

    await press(popup, 'Hang up');
    await desk.waitForEvent('CALL_CLOSED', { since });
    await waitForIdle(popup);
    assertDeskHeardMic();
  });

  it('the desk phone calls the extension: it rings, is answered, audio both ways', async () => {
    const since = desk.lastSeq;
    await desk.command('dial', `sip:1001@${lab.domain}`);
    const who = await popup.waitForSelector('section[aria-label="Incoming call"]', { timeout: 10_000 });
    assert.match(await who.evaluate((e) => e.textContent), /1004/);
    await press(popup, 'Answer');
    await desk.waitForEvent('CALL_ESTABLISHED', { since });
    await waitForCallState(popup, 'established');
    const callId = await liveCallId(popup);
    await desk.waitForEvent('CALL_RTPESTAB', { since });
    await sleep(1000);
    await assertExtensionHearsDesk(callId);
    await sleep(1000);
    await desk.command('hangup');
    await desk.waitForEvent('CALL_CLOSED', { since });
    await waitForIdle(popup);
    assertDeskHeardMic();
  });
});

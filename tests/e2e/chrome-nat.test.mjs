// NAT traversal (Chrome, real Kamailio, real coturn): with "relay only" a call's media goes
// through the TURN server — RTP both ways, and the selected ICE pair is a relayed candidate —
// and a wrong TURN credential ends the call with a message naming TURN instead of silence.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTurn } from '../lab/coturn.mjs';
import { launchWithExtension, offscreenPage, openExtensionPage } from './support/chrome.mjs';
import { startLabSession } from './support/lab-session.mjs';
import { seriousViolations } from './support/axe.mjs';
import {
  dialFromPopup, errorText, liveCallId, openWidget, press, saveAccount, saveNetwork, waitForCallState, waitForIdle,
} from './support/ui.mjs';

let session;
let turn;
let browser;
let extensionId;
let options;
let popup;
let far;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

before(async () => {
  session = await startLabSession();
  turn = await startTurn();
  ({ browser, extensionId } = await launchWithExtension());
  far = await session.remote(browser, '1002', { autoAnswer: true });
  options = await openExtensionPage(browser, extensionId, 'options.html');
  await saveAccount(options, session.settingsFor('1001'));
  popup = await openWidget(browser, extensionId);
});

after(async () => {
  await browser?.close().catch(() => {});
  await turn?.stop();
  await session?.stop();
});

describe('NAT traversal through TURN (Chrome, coturn)', { concurrency: false }, () => {
  it('checks each network field and says what is wrong with it', async () => {
    const errors = await saveNetwork(options, { stunUrls: 'stun.example.com', turnUrls: turn.url, turnUsername: '', turnCredential: '', relayOnly: true });
    assert.deepEqual(errors, [
      '“stun.example.com” is not a STUN address: write it as stun:host or stun:host:port.',
      'A TURN server needs its username.',
      'A TURN server needs its credential.',
    ]);
    assert.deepEqual(await seriousViolations(options), []);
    await (await options.$('form.network')).screenshot({ path: 'tests/artifacts/options-network-errors.png' });
  });

  it('relay only: the call connects through coturn, RTP flows both ways over a relayed pair', async () => {
    const errors = await saveNetwork(options, {
      stunUrls: '', turnUrls: turn.url, turnUsername: turn.username, turnCredential: turn.credential, relayOnly: true,
    });
    assert.deepEqual(errors, []);
    // The credential is a secret: never sent back to a page.
    const view = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'bg:getNetwork' }));
    assert.equal(JSON.stringify(view).includes(turn.credential), false);
    assert.deepEqual(view.value, { network: { stunUrls: [], turnUrls: [turn.url], turnUsername: turn.username, relayOnly: true }, hasCredential: true });

    const since = await far.evaluate(() => remote.lastSeq);
    await dialFromPopup(popup, '1002');
    const invite = await far.evaluate((s) => remote.waitForEvent('invite', { since: s }), since);
    await far.evaluate((s) => remote.waitForEvent('established', { since: s }), since);
    // Relay only: the offer carries the relayed address and nothing of this machine's own.
    const offer = await far.evaluate(() => remote.peerConnection()?.remoteDescription?.sdp ?? '');
    const candidates = offer.split(/\r?\n/).filter((l) => l.startsWith('a=candidate:'));
    assert.ok(candidates.length > 0 && candidates.every((l) => / typ relay /.test(l)), `only relayed candidates offered:\n${candidates.join('\n')}`);
    assert.equal(invite.from, '1001');
    await waitForCallState(popup, 'established');
    const callId = await liveCallId(popup);
    const host = await offscreenPage(browser);
    const a = await host.evaluate((id) => softphoneDiagnostics.rtpStats(id), callId);
    const farA = await far.evaluate(() => remote.stats());
    await sleep(1000);
    const b = await host.evaluate((id) => softphoneDiagnostics.rtpStats(id), callId);
    const farB = await far.evaluate(() => remote.stats());
    assert.ok(b.packetsSent > a.packetsSent && b.packetsReceived > a.packetsReceived, `extension RTP both ways ${JSON.stringify([a, b])}`);
    assert.ok(farB.packetsReceived > farA.packetsReceived && farB.packetsSent > farA.packetsSent, 'the far end sends and receives RTP');
    assert.equal(b.localCandidate, 'relay', `selected pair's local candidate ${JSON.stringify(b)}`);
    await press(popup, 'Hang up');
    await far.evaluate((s) => remote.waitForEvent('terminated', { since: s }), since);
    await waitForIdle(popup);
  });

  it('a wrong TURN credential: the call fails with a message naming TURN, and nothing rings', async () => {
    const errors = await saveNetwork(options, { turnCredential: 'not-the-credential' });
    assert.deepEqual(errors, []);
    const since = await far.evaluate(() => remote.lastSeq);
    await dialFromPopup(popup, '1002');
    const text = await errorText(popup, 'turnFailed');
    assert.match(text, /TURN relay failed/);
    assert.ok(text.includes(`The TURN server ${turn.url} gave no relay address: it refused the username or credential (401).`), text);
    await popup.screenshot({ path: 'tests/artifacts/popup-turn-failed.png' });
    // The INVITE never left: the far end saw nothing.
    await sleep(500);
    const invites = await far.evaluate((s) => remote.events.filter((e) => e.seq > s && e.type === 'invite').length, since);
    assert.equal(invites, 0);
  });

  it('without servers calls keep host candidates (nothing asked of any STUN server)', async () => {
    const errors = await saveNetwork(options, { turnUrls: '', turnUsername: '', turnCredential: '', relayOnly: false });
    assert.deepEqual(errors, []);
    // The last test's TURN error may still be up (the save re-registers, which can clear it).
    if (await popup.$('[data-error] button.secondary')) await press(popup, 'Dismiss').catch(() => {});
    const since = await far.evaluate(() => remote.lastSeq);
    await dialFromPopup(popup, '1002');
    await far.evaluate((s) => remote.waitForEvent('established', { since: s }), since);
    await waitForCallState(popup, 'established');
    const offer = await far.evaluate(() => remote.peerConnection()?.remoteDescription?.sdp ?? '');
    const types = new Set(offer.split(/\r?\n/).filter((l) => l.startsWith('a=candidate:')).map((l) => / typ (\w+)/.exec(l)?.[1]));
    assert.deepEqual([...types], ['host']);
    await press(popup, 'Hang up');
    await waitForIdle(popup);
  });
});

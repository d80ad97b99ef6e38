// Call quality (Chrome, real Kamailio): the call screen's indicator comes from the phone host's
// getStats sampling. A clean loopback call shows "good"; when the far end stops sending audio
// (its sender's track removed, as a broken media path does) the indicator turns poor and says
// "No audio from the other side"; the finished call keeps its worst figures in Recent.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchWithExtension, openExtensionPage } from './support/chrome.mjs';
import { startLabSession } from './support/lab-session.mjs';
import { seriousViolations } from './support/axe.mjs';
import { dialFromPopup, listRows, openWidget, press, saveAccount, selectTab, waitForCallState, waitForIdle } from './support/ui.mjs';

let session;
let browser;
let extensionId;
let popup;
let far;

before(async () => {
  session = await startLabSession();
  ({ browser, extensionId } = await launchWithExtension());
  far = await session.remote(browser, '1002', { autoAnswer: true });
  const options = await openExtensionPage(browser, extensionId, 'options.html');
  await saveAccount(options, session.settingsFor('1001'));
  popup = await openWidget(browser, extensionId);
});

after(async () => {
  await browser?.close().catch(() => {});
  await session?.stop();
});

const label = () => popup.$eval('.quality [role="img"]', (el) => el.getAttribute('aria-label'));
const status = () => popup.$eval('.warn-slot[role="status"]', (el) => el.textContent.trim());

describe('call quality (Chrome)', () => {
  it('a clean call shows good quality; no audio from the far end turns it poor and says so; Recent keeps the figures', async () => {
    const since = await far.evaluate(() => remote.lastSeq);
    await dialFromPopup(popup, '1002');
    await far.evaluate((s) => remote.waitForEvent('established', { since: s }), since);
    await waitForCallState(popup, 'established');

    await popup.waitForSelector('.quality[data-quality="good"]', { timeout: 15_000 });
    assert.match(await label(), /^Call quality: good — 0 % packets lost$/);
    assert.equal(await status(), '');

    // The far end stops sending audio (RTP stops arriving at the extension).
    await far.evaluate(() => remote.peerConnection().getSenders().find((s) => s.track?.kind === 'audio').replaceTrack(null));
    await popup.waitForSelector('.quality[data-quality="poor"][data-no-audio="true"]', { timeout: 15_000 });
    assert.match(await label(), /^Call quality: poor — 100 % packets lost$/);
    assert.equal(await status(), 'No audio from the other side: check the PBX or TURN settings.');
    await popup.screenshot({ path: 'tests/artifacts/popup-call-quality-poor.png' });
    // The figures on focus, as on hover.
    await popup.focus('.quality [role="img"]');
    assert.match(await popup.$eval('#quality-figures', (el) => (getComputedStyle(el).display === 'none' ? '' : el.textContent)), /^Estimated MOS 1\.0 · 100 % packets lost · jitter \d+ ms · round trip \d+ ms$/);
    assert.deepEqual(await seriousViolations(popup), []);

    await press(popup, 'Hang up');
    // The wrap-up after an answered call: skipped.
    await popup.waitForSelector('::-p-text(How did the call with 1002 go?)');
    await press(popup, 'Skip');
    await waitForIdle(popup);
    if (await popup.$('#dial-number')) await press(popup, 'Back');
    await selectTab(popup, 'Recent');
    const rows = await listRows(popup);
    assert.match(rows[0], /Audio (good|fair|poor): MOS \d\.\d \(worst 1\.0\), \d+(\.\d)? % lost, jitter \d+ ms/);
  });
});

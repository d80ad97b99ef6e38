// Transfer, both kinds (issue 20), in the built Chrome extension against the lab Kamailio.
// 1001 is the extension; 1002 (the caller we transfer), 1003 (a colleague) and 1004 are SIP.js
// remote phones. What is checked is what the far ends see: REFERs, INVITEs (with Replaces), their
// dialogs and the RTP between them once we dropped out.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seriousViolations } from './support/axe.mjs';
import { startPhoneLab } from './support/phone-lab.mjs';
import { assertBlindTransfer, assertReferRefused } from './support/transfer-checks.mjs';
import {
  dialFromPopup, listRows, press, selectTab, talkFirstWith, waitForCallState, waitForIdle, waitUntil,
} from './support/ui.mjs';

let lab;
let popup;
let remotes;
let since;
let waitFor;
let talking;

async function transferTo(target) {
  await press(popup, 'Transfer');
  await popup.type('#transfer-target', target);
  await popup.click('form.transfer button[type="submit"]');
}

/** 1002 on the line, then Talk to them first with 1003: what the far ends saw from then on, and 1003's INVITE. */
async function consultWith1003() {
  const s2 = await since('1002');
  const s3 = await since('1003');
  await dialFromPopup(popup, '1002');
  await waitForCallState(popup, 'established');
  await talkFirstWith(popup, '1003');
  return { s2, s3, consultInvite: await waitFor('1003', 'invite', s3) };
}

before(async () => {
  lab = await startPhoneLab({
    farEnds: { 1002: { autoAnswer: true }, 1003: {}, 1004: { autoAnswer: true } },
    account: { displayName: 'Jane Seller', callWaiting: true },
  });
  ({ popup, remotes, since, waitFor, talking } = lab);
});

after(() => lab?.stop());

describe('Transfer through Kamailio', { concurrency: false }, () => {
  it('blind: our leg ends once the caller accepts the REFER, while the colleague still rings; Recent says where it went', async () => {
    const s2 = await since('1002');
    const s3 = await since('1003');
    await dialFromPopup(popup, '1002');
    await waitForCallState(popup, 'established');
    await transferTo('1003');
    await assertBlindTransfer(lab, popup, {
      caller: '1002',
      colleague: '1003',
      since: { 1002: s2, 1003: s3 },
      async whileRinging() {
        if (await popup.$('#dial-number')) await press(popup, 'Back');
        await selectTab(popup, 'Recent');
        assert.match((await listRows(popup))[0], /Transferred to 1003/);
      },
    });
  });

  it('blind: a refused REFER keeps the call and says why', async () => {
    await remotes['1004'].evaluate(() => remote.setAcceptRefer(false));
    const s4 = await since('1004');
    await dialFromPopup(popup, '1004');
    await waitForCallState(popup, 'established');
    await transferTo('1003');
    await assertReferRefused(lab, popup, { user: '1004', target: '1003', since: s4 });
    await remotes['1004'].evaluate(() => remote.setAcceptRefer(true));
    await press(popup, 'Hang up');
    await waitUntil(async () => !(await popup.$('[data-call-state="established"]')), 'the call to end');
  });

  it('attended: the caller waits on hold while we talk to the colleague; Complete transfer connects them (REFER with Replaces) and we drop out', async () => {
    const { s2, consultInvite } = await consultWith1003();
    assert.equal(consultInvite.from, '1001');
    const held = await waitFor('1002', 'reinvite', s2);
    assert.equal(held.sdpDirection, 'sendonly', 'the caller is put on hold');
    await remotes['1003'].evaluate(() => remote.answerNext());
    await popup.waitForSelector('section[aria-label="Transfer between your calls"]::-p-text(Talking to 1003; 1002 is on hold.)');
    assert.deepEqual(await seriousViolations(popup), [], 'the call screen with two calls is axe-clean');
    await press(popup, 'Complete transfer');
    const refer = await waitFor('1002', 'refer', s2);
    assert.match(decodeURIComponent(refer.referTo), /^sip:1003@lab\.test\?Replaces=/);
    const replacing = await waitFor('1003', 'invite', consultInvite.seq);
    assert.equal(replacing.from, '1002');
    assert.equal(replacing.replacesCall, consultInvite.call, 'the caller\'s INVITE replaces our consult call at the colleague');
    const followed = await waitFor('1002', 'refer-followed', s2);
    await waitFor('1002', 'established', s2, { call: followed.newCall });
    await waitFor('1003', 'established', consultInvite.seq, { call: replacing.call });
    await waitFor('1002', 'bye-received', s2, { call: refer.call });
    await waitFor('1003', 'terminated', consultInvite.seq, { call: consultInvite.call });
    await waitForIdle(popup);
    assert.ok(await talking('1002', followed.newCall), 'the caller sends and receives RTP on its call with the colleague');
    assert.ok(await talking('1003', replacing.call), 'the colleague sends and receives RTP on its call with the caller');
    if (await popup.$('#dial-number')) await press(popup, 'Back');
    await selectTab(popup, 'Recent');
    assert.match((await listRows(popup)).join('\n'), /Transferred to 1003/);
    await remotes['1003'].evaluate(() => remote.hangupAll());
  });

  it('attended: Cancel ends the consult call and takes the caller off hold', async () => {
    const { s2, s3, consultInvite } = await consultWith1003();
    await remotes['1003'].evaluate(() => remote.answerNext());
    await press(popup, 'Cancel, back to 1002');
    await waitFor('1003', 'terminated', s3, { call: consultInvite.call });
    const resumed = await waitFor('1002', 'reinvite', s2, { sdpDirection: 'sendrecv' });
    assert.ok(resumed, 'the caller is taken off hold');
    await popup.waitForSelector('section[aria-label="Call"][data-call-state="established"] ::-p-text(1002)');
    assert.equal(await popup.$('section[aria-label="Transfer between your calls"]'), null);
    await press(popup, 'Hang up');
    await waitForIdle(popup);
  });

  it('two calls already on the lines are connected to each other, and we drop out', async () => {
    const s2 = await since('1002');
    const s4 = await since('1004');
    await dialFromPopup(popup, '1002');
    await waitForCallState(popup, 'established');
    await remotes['1004'].evaluate(() => void remote.call('1001').catch(() => {}));
    await popup.waitForSelector('section[aria-label="Incoming call"]', { timeout: 10_000 });
    await press(popup, 'Answer');
    const incoming = await waitFor('1004', 'established', s4);
    await press(popup, 'Connect the two calls');
    const refer = await waitFor('1002', 'refer', s2);
    assert.match(decodeURIComponent(refer.referTo), /^sip:1004@lab\.test\?Replaces=/);
    const replacing = await waitFor('1004', 'invite', s4, { from: '1002' });
    assert.equal(replacing.replacesCall, incoming.call);
    const followed = await waitFor('1002', 'refer-followed', s2);
    await waitFor('1002', 'established', s2, { call: followed.newCall });
    await waitForIdle(popup);
    assert.ok(await talking('1004', replacing.call), '1004 talks to 1002 now');
    await remotes['1004'].evaluate(() => remote.hangupAll());
  });
});

// A blind transfer as the far ends see it, for the transfer e2e of both browsers: the REFER, the
// colleague ringing from the caller, our leg ended before anyone answers there, then the two
// talking without us; and a REFER the far end refuses, which keeps the call.
import assert from 'node:assert/strict';
import { errorText, waitForCallState, waitForIdle } from './ui.mjs';

/**
 * `caller` was transferred to `colleague` from `page` (the far ends' event numbers from before
 * are in `since`). `whileRinging` runs once our leg is gone and the colleague still rings.
 * @param {{ remotes: Record<string, import('puppeteer-core').Page>, waitFor: Function, talking: Function }} lab
 */
export async function assertBlindTransfer(lab, page, { caller, colleague, since, whileRinging = async () => {} }) {
  const refer = await lab.waitFor(caller, 'refer', since[caller]);
  assert.equal(refer.target, colleague);
  const ringing = await lab.waitFor(colleague, 'invite', since[colleague]);
  assert.equal(ringing.from, caller);
  // Our leg is gone although nobody answered at the colleague's yet.
  await lab.waitFor(caller, 'bye-received', since[caller], { call: refer.call });
  await waitForIdle(page);
  assert.deepEqual(await lab.remotes[colleague].evaluate(() => remote.state().pending), [ringing.call]);
  await whileRinging();
  // The colleague answers later: the caller and the colleague talk, without us.
  const followed = await lab.waitFor(caller, 'refer-followed', since[caller]);
  await lab.remotes[colleague].evaluate(() => remote.answerNext());
  await lab.waitFor(caller, 'established', since[caller], { call: followed.newCall });
  assert.ok(await lab.talking(caller, followed.newCall), 'RTP flows between the caller and the colleague');
  await lab.remotes[colleague].evaluate(() => remote.hangupAll());
}

/** `user` refused our REFER to `target`: the page says so with the SIP code, and the call goes on. */
export async function assertReferRefused(lab, page, { user, target, since }) {
  await lab.waitFor(user, 'refer-rejected', since);
  const text = await errorText(page, 'transferFailed');
  assert.match(text, new RegExp(target));
  assert.match(text, /did not go through\..*Details: \d{3} /);
  await waitForCallState(page, 'established');
  const established = await lab.waitFor(user, 'established', since);
  assert.ok(await lab.talking(user, established.call), 'the call is still on');
}

// The call screens as a keyboard user meets them, in either browser: where the focus lands when a
// screen comes, every control in one round of Tab in reading order (the header's Do not disturb
// first, the list of lines, the call's own controls, Hang up and what shows below the call, then
// the header's tools), and axe. The lines e2e of both browsers check the same screens through these.
import assert from 'node:assert/strict';
import { assertAxeClean } from './axe.mjs';
import { focusedName, tabCycle } from './keyboard.mjs';

/**
 * The header's tools, drawn at the top but last in the tab order; the widget window has no Pop out.
 * Call voicemail is always there (with no number set it says why instead of calling).
 */
const tools = (popout) => [...(popout ? [] : ['Pop out']), 'Settings', 'Call voicemail'];
const CALL_CONTROLS = ['Mute', 'Hold', 'Keypad', 'Transfer'];

/**
 * What follows Hang up (and an open keypad or transfer panel) below a call that is on: its notes,
 * the call-quality bars (a tab stop, for their figures; they come with the first reading, waited
 * for here) and the microphone picker where there is more than one microphone.
 */
async function belowTheCall(page) {
  await page.waitForSelector('.quality [role="img"]', { timeout: 15_000 });
  const mic = (await page.$('label.mic select')) ? ['Microphone for this call'] : [];
  return ['Notes', 'Call quality', ...mic];
}

/** One round of Tab, the quality's name without its figures (they change as the call goes). */
async function tabRound(page) {
  return (await tabCycle(page)).map((s) => (s.startsWith('Call quality:') ? 'Call quality' : s));
}

/**
 * A screen's check: the focus on `focus` (who is on the line), one round of Tab from there as
 * `after`, then round to `before` (the controls above it), and axe. On a call, what shows below
 * it follows Hang up.
 */
async function checkScreen(page, screen, { focus, before, after, axe, onACall = true }) {
  assert.equal(await focusedName(page), focus, `${screen}: the focus is on who is on the line`);
  assert.equal(await page.evaluate(() => document.hasFocus()), true, `${screen}: the keys go to the page`);
  const below = onACall ? await belowTheCall(page) : [];
  const expected = [...after, ...before].flatMap((stop) => (stop === 'Hang up' ? [stop, ...below] : [stop]));
  assert.deepEqual(await tabRound(page), expected, `${screen}: the Tab stops in order`);
  await assertAxeClean(page, screen, axe);
}

/**
 * @typedef {object} ScreenOptions
 * @property {boolean} [popout] the page is the widget window (no Pop out button)
 * @property {boolean} [merge] two answered calls offer Merge calls (Chromium; Firefox cannot mix them)
 * @property {{ schemes?: (string | null)[] }} [axe] colour schemes for axe (see assertAxeClean)
 */

/** One call on the line with `name`. @param {ScreenOptions} [o] */
export function checkOneCall(page, name, o = {}) {
  return checkScreen(page, 'the call screen with one call', {
    focus: name, before: ['Do not disturb'], after: [...CALL_CONTROLS, 'Hang up', ...tools(o.popout)], axe: o.axe,
  });
}

/**
 * A call ringing in from `caller` during a call: Decline and Answer (never focused by itself),
 * then Answer and end the current call. @param {ScreenOptions} [o]
 */
export function checkWaitingCall(page, caller, o = {}) {
  return checkScreen(page, 'a call waiting', {
    onACall: false,
    focus: caller,
    before: ['Do not disturb'],
    after: ['Decline', 'Answer', 'Answer and end the current call', ...tools(o.popout)],
    axe: o.axe,
  });
}

/**
 * Two lines: `front` talking, `held` on hold. The list comes first (Switch to and Hang up per
 * line), then the pair (Connect the two calls), then the front call's controls.
 * @param {ScreenOptions} [o]
 */
export function checkTwoLines(page, { front, held, heldFirst }, o = {}) {
  const heldRow = [`Switch to ${held}`, `Hang up ${held}`];
  const frontRow = [`Hang up ${front}`];
  return checkScreen(page, 'the call screen with two lines', {
    focus: front,
    before: ['Do not disturb', ...(heldFirst ? [...heldRow, ...frontRow] : [...frontRow, ...heldRow]), 'Connect the two calls',
      ...(o.merge === false ? [] : ['Merge calls'])],
    after: [...CALL_CONTROLS, 'Hang up', ...tools(o.popout)],
    axe: o.axe,
  });
}

/** The Transfer panel open on a call with `name`: the cursor in its field, then its buttons. @param {ScreenOptions} [o] */
export async function checkTransferPanel(page, name, o = {}) {
  assert.equal(await focusedName(page), 'Extension or full number', 'Transfer puts the cursor in its field');
  const below = await belowTheCall(page);
  assert.deepEqual(await tabRound(page),
    ['Transfer', 'Talk to them first', ...below, ...tools(o.popout), 'Do not disturb', ...CALL_CONTROLS, 'Hang up', 'Extension or full number'],
    `the transfer screen of the call with ${name}: the Tab stops in order`);
  await assertAxeClean(page, 'the transfer screen', o.axe);
}

// The call screens as a keyboard user meets them, in either browser: where the focus lands when a
// screen comes, every control in one round of Tab in reading order (the header's Do not disturb
// first, the list of lines, the call's own controls, Hang up, then the header's tools), and axe.
// The lines e2e of both browsers check the same screens through these.
import assert from 'node:assert/strict';
import { assertAxeClean } from './axe.mjs';
import { focusedName, tabCycle } from './keyboard.mjs';

/** The header's tools, drawn at the top but last in the tab order; the widget window has no Pop out. */
const tools = (popout) => [...(popout ? [] : ['Pop out']), 'Settings'];
const CALL_CONTROLS = ['Mute', 'Hold', 'Keypad', 'Transfer'];
/** The microphone picker, below the call (after Hang up) where there is more than one microphone. */
const micStops = async (page) => ((await page.$('label.mic select')) ? ['Microphone for this call'] : []);

/**
 * A screen's check: the focus on `focus` (who is on the line), one round of Tab from there as
 * `after`, then round to `before` (the controls above it), and axe.
 */
async function checkScreen(page, screen, { focus, before, after, axe }) {
  assert.equal(await focusedName(page), focus, `${screen}: the focus is on who is on the line`);
  const cycle = await tabCycle(page);
  const mic = await micStops(page);
  const expected = [...after, ...before].flatMap((stop) => (stop === 'Hang up' ? [stop, ...mic] : [stop]));
  assert.deepEqual(cycle, expected, `${screen}: the Tab stops in order`);
  await assertAxeClean(page, screen, axe);
}

/**
 * @typedef {object} ScreenOptions
 * @property {boolean} [popout] the page is the widget window (no Pop out button)
 * @property {{ schemes?: (string | null)[] }} [axe] colour schemes for axe (see assertAxeClean)
 */

/** One call on the line with `name`. @param {ScreenOptions} [o] */
export function checkOneCall(page, name, o = {}) {
  return checkScreen(page, 'the call screen with one call', {
    focus: name, before: ['Do not disturb'], after: [...CALL_CONTROLS, 'Hang up', ...tools(o.popout)], axe: o.axe,
  });
}

/**
 * A call ringing in from `caller` while `lines` (their names) are on: Decline and Answer (never
 * focused by itself), then Answer and end the current call. @param {ScreenOptions} [o]
 */
export function checkWaitingCall(page, caller, o = {}) {
  return checkScreen(page, 'a call waiting', {
    focus: caller, before: ['Do not disturb'], after: ['Decline', 'Answer', 'Answer and end the current call', ...tools(o.popout)], axe: o.axe,
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
    before: ['Do not disturb', ...(heldFirst ? [...heldRow, ...frontRow] : [...frontRow, ...heldRow]), 'Connect the two calls'],
    after: [...CALL_CONTROLS, 'Hang up', ...tools(o.popout)],
    axe: o.axe,
  });
}

/** The Transfer panel open on a call with `name`: the cursor in its field, then its buttons. @param {ScreenOptions} [o] */
export async function checkTransferPanel(page, name, o = {}) {
  assert.equal(await focusedName(page), 'Extension or full number', 'Transfer puts the cursor in its field');
  const cycle = await tabCycle(page);
  const mic = await micStops(page);
  assert.deepEqual(cycle, ['Transfer', 'Talk to them first', 'Hang up', ...mic, ...tools(o.popout), 'Do not disturb', ...CALL_CONTROLS, 'Extension or full number'],
    `the transfer screen of the call with ${name}: the Tab stops in order`);
  await assertAxeClean(page, 'the transfer screen', o.axe);
}

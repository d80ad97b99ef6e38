// A salesperson's daily paths in the built Chrome extension, driven with real input (puppeteer's
// mouse and keyboard go through CDP's Input domain) and counted: mouse clicks, and keys other than
// the letters typed into a field. The counts are printed as a table beside issue 21's targets, and
// each path must meet its target (counts, never times); the focus after each step and axe in light
// and dark mode are asserted.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertAxeClean } from './support/axe.mjs';
import { launchWithExtension, openExtensionPage } from './support/chrome.mjs';
import { startLabSession } from './support/lab-session.mjs';
import { addContact, press, reopenWidget, saveAccount, waitForCallState } from './support/ui.mjs';

let session;
let browser;
let extensionId;
let popup;
let ada;
let grace;
let caller;
const pageErrors = [];
const table = [];
/** Issue 21's targets, from the open popup: mouse clicks, and keys other than letters typed. */
const TARGETS = {
  'Call the next activity': { clicks: 2, keys: 2 },
  'Call back a missed call': { clicks: 2, keys: 2 },
  'Find a contact by part of the name and call': { clicks: 2, keys: 6 },
  'Transfer to a colleague': { clicks: 3, keys: 6 },
  'Log the outcome after a call': { clicks: 2, keys: 1 },
};

/** One path's count: every click and key goes through these. */
function counter(page) {
  const n = { clicks: 0, keys: 0, typed: 0 };
  return {
    n,
    click: async (selector) => {
      const el = await page.waitForSelector(selector, { visible: true });
      n.clicks++;
      await el.click();
    },
    /** One key, or one chord such as `Alt+Digit1` (counted once: pressed together). */
    key: async (k) => {
      n.keys++;
      const held = k.split('+');
      const last = held.pop();
      for (const m of held) await page.keyboard.down(m);
      await page.keyboard.press(last);
      for (const m of held.reverse()) await page.keyboard.up(m);
    },
    type: async (text) => {
      n.typed += text.length;
      await page.keyboard.type(text);
    },
  };
}

const focused = () => popup.evaluate(() => {
  const el = document.activeElement;
  return el === document.body || !el ? 'body' : (el.getAttribute('aria-label') || el.id || el.textContent || el.tagName).trim();
});

async function reopen() {
  popup = await reopenWidget(popup, browser, extensionId);
  popup.on('pageerror', (e) => pageErrors.push(e.message));
  await popup.waitForSelector('#tab-panel[data-loaded="true"]');
  // Never an empty-state sentence or loading rows once the list is in; one popup height throughout.
  assert.equal(await popup.$('[data-loading-rows]'), null);
  assert.equal(await popup.$eval('main', (m) => m.getBoundingClientRect().height), 580);
  assert.equal(await focused(), 'search', 'the cursor waits in the search box');
}

const axeBoth = (screen) => assertAxeClean(popup, screen);

async function answeredBy(remote, act) {
  const since = await remote.evaluate(() => remote.lastSeq);
  await act();
  await remote.evaluate((s) => remote.waitForEvent('established', { since: s }), since);
  await waitForCallState(popup, 'established');
}

async function hangUpByKey(c) {
  await c.key('End');
  // The lists come back, or the activity just called (its follow-up).
  await popup.waitForSelector('#search, #details-name');
  assert.notEqual(await focused(), 'body', 'focus after hang-up');
}

before(async () => {
  session = await startLabSession();
  ({ browser, extensionId } = await launchWithExtension());
  ada = await session.remote(browser, '1002', { autoAnswer: true });
  grace = await session.remote(browser, '1003', { autoAnswer: true });
  caller = await session.remote(browser, '1004');
  const options = await openExtensionPage(browser, extensionId, 'options.html');
  await saveAccount(options, session.settingsFor('1001'));
  await addContact(options, { name: 'Ada Lovelace', company: 'Analytical Engines Ltd', phone: '1002' });
  await addContact(options, { name: 'Grace Hopper', company: 'US Navy', phone: '1003' });
  await options.close();
  // An activity due today on Ada (set up through the widget; not counted).
  popup = await reopenWidget(null, browser, extensionId);
  await press(popup, 'Contacts', 'tab');
  await popup.click('#tab-panel li button.open');
  await press(popup, 'Schedule');
  await popup.type('#activity-summary', 'Discuss the quote');
  await press(popup, 'Schedule');
  await popup.waitForSelector('::-p-text(Call scheduled for)');
  await press(popup, 'Back');
  await press(popup, 'Next Activities', 'tab');
});

after(async () => {
  await browser?.close().catch(() => {});
  await session?.stop();
});

describe('a salesperson’s day, counted', { concurrency: false }, () => {
  it('call the next activity: the far end is named, with the activity, while ringing and talking', async () => {
    for (const by of ['mouse', 'keys']) {
      await reopen();
      const c = counter(popup);
      await answeredBy(ada, async () => {
        if (by === 'mouse') await c.click('#tab-panel li button.call');
        else await c.key('Enter');
      });
      assert.equal(await popup.$eval('[data-call-state] .who', (e) => e.textContent), 'Ada Lovelace');
      await popup.waitForSelector('[data-call-state] .company::-p-text(Analytical Engines Ltd)');
      await popup.waitForSelector('[data-call-state] .subject::-p-text(Discuss the quote)');
      assert.equal(await focused(), 'Ada Lovelace', 'focus on who is on the line when the call starts');
      // The header tells the state in words and names the user by extension, not by SIP address.
      const header = await popup.$eval('header .status', (e) => e.textContent.replace(/\s+/g, ' ').trim());
      assert.match(header, /^On a call\b/);
      assert.match(header, /ext\. 1001|Ext\. 1001/);
      assert.doesNotMatch(header, /Ready|@/);
      if (by === 'keys') await axeBoth('In call');
      await hangUpByKey(c);
      table.push({ path: `Call the next activity (${by})`, ...c.n, keys: c.n.keys - 1 });
      // The wrap-up of issue 18 may open after an activity's call: back to the lists.
      await popup.keyboard.press('Escape');
    }
  });

  it('find a contact by part of the name and call: Enter calls the top match across tabs', async () => {
    for (const by of ['mouse', 'keys']) {
      await reopen();
      const c = counter(popup);
      await c.type('grac');
      await popup.waitForSelector('#search-top::-p-text(Grace Hopper)');
      await axeBoth('Search results');
      await answeredBy(grace, async () => {
        if (by === 'mouse') await c.click('#elsewhere li button.call, #tab-panel li button.call');
        else await c.key('Enter');
      });
      assert.equal(await popup.$eval('[data-call-state] .who', (e) => e.textContent), 'Grace Hopper');
      await hangUpByKey(c);
      table.push({ path: `Find a contact by part of the name and call (${by})`, ...c.n, keys: c.n.keys - 1 });
    }
  });

  it('call back a missed call', async () => {
    await reopen();
    await caller.evaluate(() => void remote.call('1001').catch(() => {}));
    await popup.waitForSelector('section[aria-label="Incoming call"]');
    assert.notEqual(await focused(), 'Answer', 'Answer is not focused: a stray Enter does not answer');
    assert.notEqual(await focused(), 'body');
    await axeBoth('Incoming call');
    await caller.evaluate(() => remote.hangupAll());
    await popup.waitForSelector('#search');
    // Missed while the popup is open: a banner at once, and Recent's badge counts it.
    const banner = await popup.waitForSelector('[data-missed-live]', { timeout: 10_000 });
    assert.match(await banner.evaluate((e) => e.textContent), /Missed call from/);
    if ((await popup.$eval('#tab-recent', (e) => e.getAttribute('aria-selected'))) !== 'true') {
      await popup.waitForSelector('#tab-recent .badge', { timeout: 10_000 }).catch(() => assert.fail('Recent has no badge for the missed call'));
    }
    await axeBoth('Missed call banner');
    await press(popup, 'Close the missed call notice');
    assert.equal(await popup.$('[data-missed-live]'), null);
    // A click on the row of a number no contact has opens its details; only the phone button dials.
    await popup.click('[role="tab"]#tab-recent');
    await popup.waitForSelector('#tab-panel[data-loaded="true"] li button.open');
    await popup.click('#tab-panel[data-loaded="true"] li button.open');
    await popup.waitForSelector('#details-name::-p-text(1004)');
    assert.equal(await popup.$('[data-call-state]'), null, 'a click on a Recent row does not dial');
    await axeBoth('Details of an unknown number');
    await press(popup, 'Back');
    for (const by of ['mouse', 'keys']) {
      // The popup opens on another tab (the one last chosen): the path has to get to Recent.
      await popup.click('[role="tab"]#tab-activities');
      await popup.waitForSelector('#tab-activities[aria-selected="true"]');
      await reopen();
      const c = counter(popup);
      await answeredBy(caller, async () => {
        // The far end answers itself this time.
        await caller.evaluate(() => remote.setAutoAnswer(true));
        if (by === 'mouse') {
          await c.click('[role="tab"]#tab-recent');
          await popup.waitForSelector('#tab-panel[data-loaded="true"] li');
          await c.click('#tab-panel li button.call');
        } else {
          // Alt+1 picks Recent; the cursor stays in the search box, whose Enter calls Recent's top row.
          await c.key('Alt+Digit1');
          await popup.waitForSelector('#tab-recent[aria-selected="true"]');
          await popup.waitForSelector('#tab-panel[data-loaded="true"] li');
          assert.equal(await focused(), 'search');
          await popup.waitForSelector('#search-top::-p-text(Press Enter to call 1004)');
          await c.key('Enter');
        }
      }).catch((e) => assert.fail(`calling back 1004: ${e.message}`));
      await hangUpByKey(c);
      table.push({ path: `Call back a missed call (${by})`, ...c.n, keys: c.n.keys - 1 });
    }
  });

  it('transfer to a colleague by name', async () => {
    for (const by of ['mouse', 'keys']) {
      await reopen();
      await popup.keyboard.type('lovel');
      await popup.waitForSelector('#search-top::-p-text(Ada Lovelace)');
      await answeredBy(ada, () => popup.keyboard.press('Enter'));
      const c = counter(popup);
      if (by === 'mouse') {
        await c.click('button[aria-label="Transfer"]');
        assert.equal(await focused(), 'transfer-target', 'Transfer puts the cursor in its field');
        await c.type('grace');
        await c.click('#transfer-suggestions button');
        assert.equal(await focused(), 'transfer-target', 'picking a colleague keeps the focus in the field');
        await c.click('form.transfer button[type="submit"]');
      } else {
        for (let i = 0; i < 4; i++) await c.key('Tab'); // Mute, Hold, Keypad, Transfer
        await c.key('Enter');
        await c.type('grace');
        await popup.waitForSelector('#transfer-suggestions button');
        await c.key('Enter');
      }
      await popup.waitForSelector('#search', { timeout: 15_000 });
      table.push({ path: `Transfer to a colleague (${by})`, ...c.n });
      await grace.evaluate(() => remote.hangupAll());
      await ada.evaluate(() => remote.hangupAll());
    }
  });

  it('log the outcome after a call: one click on the outcome and Save, or the note and Ctrl+Enter', async () => {
    const notes = { mouse: '', keys: 'Sent the quote' };
    for (const by of ['mouse', 'keys']) {
      await reopen();
      await popup.keyboard.type('lovel');
      await popup.waitForSelector('#search-top::-p-text(Ada Lovelace)');
      await answeredBy(ada, () => popup.keyboard.press('Enter'));
      await popup.keyboard.press('End');
      // Counted from the wrap-up, which opens by itself with the cursor in the note.
      await popup.waitForSelector('form.wrap-up');
      assert.equal(await focused(), 'wrap-up-note');
      const checked = () => popup.$eval('form.wrap-up input[name="wrap-up-outcome"]:checked', (e) => e.value);
      let chosen = await checked();
      const c = counter(popup);
      if (by === 'mouse') {
        await c.click('form.wrap-up label.outcome::-p-text(Left voicemail)');
        chosen = await checked();
        await c.click('form.wrap-up button[type="submit"]');
      } else {
        await c.type(notes.keys);
        await c.key('Control+Enter');
      }
      await popup.waitForSelector('.notice::-p-text(Wrap-up saved)');
      assert.equal(await popup.$('form.wrap-up'), null);
      table.push({ path: `Log the outcome after a call (${by})`, ...c.n });
      // Kept with the call in Recent: Recent's outcome filter finds it under the outcome chosen
      // (by keys, the one the wrap-up offered).
      await popup.click('#search', { count: 3 });
      await popup.keyboard.press('Backspace');
      await popup.click('[role="tab"]#tab-recent');
      await popup.waitForSelector('#tab-panel[data-loaded="true"][data-query=""] li');
      if (by === 'mouse') assert.equal(chosen, 'Left voicemail');
      await popup.select('#recent-outcome', chosen);
      await popup.waitForFunction(() => document.querySelectorAll('#tab-panel li').length === 1);
      assert.match(await popup.$eval('#tab-panel li', (e) => e.textContent), /Ada Lovelace/);
    }
  });

  it('each path meets its target', () => {
    process.stdout.write('\nClicks and keys from the open popup (keys: not counting letters typed):\n');
    process.stdout.write('| Path | mouse clicks | keys | letters typed | target (clicks / keys) |\n|---|---|---|---|---|\n');
    const missed = [];
    for (const r of table) {
      const [, name, by] = /^(.*) \((mouse|keys)\)$/.exec(r.path);
      const target = TARGETS[name];
      process.stdout.write(`| ${r.path} | ${r.clicks} | ${r.keys} | ${r.typed} | ${target.clicks} / ${target.keys} |\n`);
      const count = by === 'mouse' ? r.clicks : r.keys;
      if (count > (by === 'mouse' ? target.clicks : target.keys)) missed.push(`${r.path}: ${count}`);
    }
    const driven = Object.keys(TARGETS).flatMap((name) => ['mouse', 'keys'].map((by) => `${name} (${by})`));
    assert.deepEqual(driven.filter((path) => !table.some((r) => r.path === path)), [], 'every path was driven, by mouse and by keys');
    assert.deepEqual(missed, [], 'paths over their target');
  });

  it('lists are one tab stop each, rows reached with the arrow keys; settings come after the content', async () => {
    await reopen();
    await popup.click('#tab-contacts');
    await popup.waitForSelector('#tab-panel[data-loaded="true"] li');
    await popup.focus('#search');
    const stops = [];
    for (let i = 0; i < 6; i++) {
      await popup.keyboard.press('Tab');
      stops.push(await focused());
    }
    assert.deepEqual(stops.slice(0, 2), ['Keypad', 'tab-contacts']);
    assert.match(stops[2], /Ada Lovelace/, 'the list’s first row');
    assert.ok(!stops[3].startsWith('Call') && !/Grace/.test(stops[3]), `one stop per list: ${stops}`);
    assert.ok(stops.indexOf('Settings') > 2, `Settings after the content: ${stops}`);
    await popup.focus('#tab-panel li button.open');
    await popup.keyboard.press('ArrowDown');
    assert.match(await focused(), /Grace Hopper/);
    await axeBoth('Contacts');
  });

  it('no page errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});

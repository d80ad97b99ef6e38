// Every screen of the built Chrome extension, in light and dark mode: axe-core finds no serious or
// critical violation on any of them, none of the popup's stacked parts is drawn over another, and each is photographed at 1× and 2× (deviceScaleFactor 2)
// into tests/artifacts/screens/<screen>-<scheme>[@2x].png to be looked at. One lab and one
// browser for the whole file; the screens are reached as a user reaches them (clicks, keys, a
// real call to and from the lab's far ends).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startStaticServer } from '../lab/http.mjs';
import { seriousViolations } from './support/axe.mjs';
import { ROOT, confirmWindowOfPageCall, launchWithExtension, openExtensionPage } from './support/chrome.mjs';
import { startLabSession } from './support/lab-session.mjs';
import { addContact, press, reopenWidget, saveAccount, selectTab, waitForCallState, waitForIdle } from './support/ui.mjs';

const SHOTS = path.join(ROOT, 'tests/artifacts/screens');
const POPUP_VIEWPORT = { width: 360, height: 600 };

let session;
let browser;
let extensionId;
let server;
let options;
let popup;
let caller;
const pageErrors = [];

/** The popup's stacked parts, top to bottom: none may be drawn over another (a squeezed line overlaps). */
const STACKED = ['header', 'main > p.notice', '[data-missed-live]', 'form.wrap-up', '.searchbar', 'p.top', '[role="tablist"]'];

/** Pairs of the popup's stacked parts that overlap on screen. */
function overlapping(page) {
  return page.evaluate((selectors) => {
    // Where each part's content reaches: a box squeezed smaller than its text lets the text spill.
    const boxes = selectors
      .map((s) => [s, document.querySelector(s)])
      .filter(([, el]) => el && el.getClientRects().length > 0)
      .map(([s, el]) => {
        const r = el.getBoundingClientRect();
        return [s, { top: r.top, left: r.left, right: r.right, bottom: r.top + Math.max(r.height, el.scrollHeight) }];
      });
    const found = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, ra] = boxes[i];
        const [b, rb] = boxes[j];
        const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        if (y > 1 && x > 1) found.push(`${a} over ${b} by ${Math.round(y)} px`);
      }
    }
    return found;
  }, STACKED);
}

/**
 * The screen as it is now, in light and then dark mode: its serious axe violations (returned,
 * by scheme) and its pictures at 1× and 2×. `shotOf` is the element photographed (null: the
 * whole page, `fullPage` for a page taller than the window).
 */
async function look(page, screen, { shotOf = 'main', fullPage = false } = {}) {
  await page.bringToFront();
  const found = {};
  // A window opened by the extension (the confirmation) has no emulated viewport: its own size.
  const viewport = page.viewport() ?? (await page.evaluate(() => ({ width: innerWidth, height: innerHeight })));
  for (const scheme of ['light', 'dark']) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    // Transitions and the re-style settle before axe reads the colours.
    await new Promise((r) => setTimeout(r, 150));
    const v = await seriousViolations(page);
    const over = await overlapping(page);
    if (over.length > 0) v.push({ id: 'overlap', nodes: over });
    if (v.length > 0) found[scheme] = v;
    for (const scale of [1, 2]) {
      if (scale === 2) await page.setViewport({ ...viewport, deviceScaleFactor: 2 });
      const el = shotOf ? await page.$(shotOf) : null;
      const file = path.join(SHOTS, `${screen}-${scheme}${scale === 2 ? '@2x' : ''}.png`);
      await (el ?? page).screenshot({ path: file, ...(el ? {} : { fullPage }) });
    }
    if (page.viewport()?.deviceScaleFactor === 2) await page.setViewport(viewport);
  }
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  return found;
}

/** Looks at each screen of `steps` ([name, how to reach it, what to photograph]) and asserts that none had a violation. */
async function lookAt(page, steps) {
  const bad = {};
  for (const [screen, reach, opts] of steps) {
    await reach();
    const v = await look(page, screen, opts);
    if (Object.keys(v).length > 0) bad[screen] = v;
  }
  assert.deepEqual(bad, {}, `axe violations (serious, critical): ${JSON.stringify(bad, null, 1)}`);
}

async function widget() {
  popup = await reopenWidget(popup, browser, extensionId);
  popup.on('pageerror', (e) => pageErrors.push(`popup: ${e.message}`));
  await popup.setViewport(POPUP_VIEWPORT);
  return popup;
}

/** Empties the search box, as its clear button would. */
async function clearSearch() {
  await popup.$eval('#search', (el) => {
    el.value = '';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Opens the first row of the active list. */
async function openFirstRow() {
  await popup.waitForSelector('#tab-panel[data-loaded="true"] li button.open');
  await popup.click('#tab-panel li button.open');
  await popup.waitForSelector('#details-name');
}

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  session = await startLabSession();
  server = await startStaticServer(path.join(ROOT, 'tests/fixtures'));
  ({ browser, extensionId } = await launchWithExtension());
  await session.remote(browser, '1002', { autoAnswer: true });
  caller = await session.remote(browser, '1004');
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.close();
  await session?.stop();
});

describe('every screen, light and dark, axe-clean and photographed', { concurrency: false }, () => {
  it('the first run: the welcome card, the microphone page’s steps, the settings before and after saving', async () => {
    popup = await openExtensionPage(browser, extensionId, 'popup.html');
    popup.on('pageerror', (e) => pageErrors.push(`popup: ${e.message}`));
    await popup.setViewport(POPUP_VIEWPORT);
    const mic = await openExtensionPage(browser, extensionId, 'mic-permission.html');
    mic.on('pageerror', (e) => pageErrors.push(`mic: ${e.message}`));
    await mic.setViewport({ width: 800, height: 600 });
    options = await openExtensionPage(browser, extensionId, 'options.html');
    options.on('pageerror', (e) => pageErrors.push(`options: ${e.message}`));
    options.on('dialog', (d) => void d.accept());
    await options.setViewport({ width: 800, height: 900 });
    await lookAt(popup, [['welcome', () => popup.waitForSelector('[data-welcome]')]]);
    await lookAt(mic, [
      ['mic-ask', () => mic.waitForSelector('main button.primary')],
      ['mic-granted', async () => {
        await press(mic, 'Allow microphone');
        await mic.waitForSelector('[data-next]');
      }],
      // The browser here grants the microphone by itself (--use-fake-ui-for-media-stream): the
      // answers of a user who blocked it, or of a machine with none, are given by the page's own
      // getUserMedia, as Chromium gives them (a DOMException by name).
      ...[['mic-denied', 'NotAllowedError'], ['mic-missing', 'NotFoundError']].map(([screen, name]) => [screen, async () => {
        await mic.reload({ waitUntil: 'load' });
        await mic.evaluate((n) => {
          navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('', n));
        }, name);
        await press(mic, 'Allow microphone');
        await mic.waitForSelector('[role="alert"]');
      }]),
    ]);
    await mic.close();
    await lookAt(options, [
      ['settings-empty', () => options.waitForSelector('#wsUrl'), { shotOf: null, fullPage: true }],
      ['settings-invalid', () => saveAccount(options, { wsUrl: 'pbx.example.com', domain: 'https://lab.test/x', username: '', secret: '' }), { shotOf: 'main > form' }],
      ['settings-test-connection', async () => {
        await options.$eval('#wsUrl', (el) => { el.value = ''; });
        await options.type('#wsUrl', session.lab.wsUrl);
        await press(options, 'Test connection');
        await options.waitForSelector('[data-probe="ok"]');
      }, { shotOf: 'section.registration' }],
      ['settings-registered', async () => {
        await saveAccount(options, session.settingsFor('1001', { displayName: 'Jane Seller', defaultCountry: 'US' }));
        await options.waitForSelector('[data-registration="registered"]');
        await press(options, 'Load sample data');
        await options.waitForSelector('::-p-text(sample contacts with activities and history)', { timeout: 60_000 });
        await press(options, 'Add contact');
      }, { shotOf: null, fullPage: true }],
    ]);
  });

  it('the widget: its lists, details, forms and the dialer', async () => {
    await widget();
    await lookAt(popup, [
      ['next-activities', () => selectTab(popup, 'Next Activities')],
      ['recent', () => selectTab(popup, 'Recent')],
      ['contacts', () => selectTab(popup, 'Contacts')],
      ['search', async () => {
        await popup.type('#search', 'a');
        await popup.waitForSelector('#tab-panel[data-loaded="true"] li');
      }],
      ['activity-details', async () => {
        await clearSearch();
        await selectTab(popup, 'Next Activities');
        await openFirstRow();
      }],
      ['contact-info', () => press(popup, 'Contact')],
      ['email', async () => {
        await press(popup, 'Back');
        await press(popup, 'Email');
        await popup.type('#mail-subject', 'Your quote');
        await popup.type('#mail-body', 'Hello, here is the quote we discussed.');
      }],
      ['email-remind-later', async () => {
        await press(popup, 'Remind me to send');
        await popup.waitForSelector('#mail-when');
        await popup.click('.presets button');
      }],
      ['email-reminder-set', async () => {
        await press(popup, 'Set the reminder');
        await popup.waitForSelector('#details-name');
      }],
      ['schedule', async () => {
        await press(popup, 'Schedule');
        await popup.waitForSelector('#activity-summary');
      }],
      ['edit-activity', async () => {
        // A call due today, beside the overdue ones.
        await popup.type('#activity-summary', 'Send the contract');
        await press(popup, 'Schedule');
        await popup.waitForSelector('::-p-text(Call scheduled for)');
        await press(popup, 'Edit');
        await popup.waitForSelector('#activity-summary');
      }],
      ['mark-done', async () => {
        await press(popup, 'Discard');
        await press(popup, 'Mark done');
        await popup.waitForSelector('#done-feedback');
      }],
      ['next-activities-overdue-today', async () => {
        await press(popup, 'Discard');
        await press(popup, 'Back');
        await popup.type('#search', 'Björn');
        await popup.waitForSelector('#tab-panel li .meta.today');
        await popup.waitForSelector('#tab-panel li .meta.overdue');
      }],
      ['scheduled-emails', async () => {
        await clearSearch();
        await press(popup, 'Scheduled emails');
        await popup.waitForSelector('::-p-text(Your quote)');
      }],
      ['contact-details', async () => {
        await press(popup, 'Back');
        await selectTab(popup, 'Contacts');
        await openFirstRow();
      }],
      ['dialer', async () => {
        await press(popup, 'Back');
        await press(popup, 'Keypad');
        await popup.type('#dial-number', '+1 650 691 3277');
      }],
      ['error-incorrect-number', async () => {
        await popup.$eval('#dial-number', (el) => { el.value = ''; });
        await popup.type('#dial-number', 'call me');
        await press(popup, 'Call');
        await popup.waitForSelector('[data-error="incorrectNumber"]');
      }],
    ]);
    await press(popup, 'OK');
  });

  it('calls: in a call (muted and on hold, keypad, transfer), the wrap-up, an incoming call and the missed-call banner', async () => {
    // A contact the lab's far end 1002 answers for, called from the search box (Enter calls the top match).
    await addContact(options, { name: 'Ada Lovelace', company: 'Analytical Engines Ltd', phone: '1002' });
    await widget();
    /** Where Hang up is drawn, from the top of the call screen (the popup may scroll). */
    const hangUpTop = () =>
      popup.$eval('button[aria-label="Hang up"]', (e) => Math.round(e.getBoundingClientRect().top - e.closest('section.call').getBoundingClientRect().top));
    const banners = () => popup.$$eval('.banners .banner', (els) => els.map((e) => e.textContent?.trim()));
    let hangUpAt = 0;
    await lookAt(popup, [
      ['in-call', async () => {
        await popup.type('#search', 'lovel');
        await popup.waitForSelector('#search-top::-p-text(Ada Lovelace)');
        await popup.keyboard.press('Enter');
        await popup.waitForSelector('[data-call-state]');
        await waitForCallState(popup, 'established', 30_000);
      }],
      ['in-call-muted-held', async () => {
        hangUpAt = await hangUpTop();
        await press(popup, 'Mute');
        await press(popup, 'Hold');
        await popup.waitForSelector('button[aria-label="Hold"][aria-pressed="true"]');
        // Said in words, not only by pressed buttons; Hang up stays where it was.
        assert.deepEqual(await banners(), ['Muted', 'On hold']);
        assert.equal(await hangUpTop(), hangUpAt, 'Hang up does not move for the banners');
      }],
      ['in-call-keypad', async () => {
        await press(popup, 'Hold');
        await press(popup, 'Mute');
        await popup.waitForFunction(() => !document.querySelector('.banners')?.textContent?.trim());
        await press(popup, 'Keypad');
        await press(popup, '4');
        await press(popup, '2');
        assert.equal(await hangUpTop(), hangUpAt, 'Hang up does not move for the keypad');
        // Notes typed during the call go into its wrap-up.
        await popup.click('details.notes summary');
        await popup.type('#call-notes', 'Wants a quote by Friday');
      }],
      ['in-call-transfer', async () => {
        await press(popup, 'Transfer');
        await popup.type('#transfer-target', 'a');
        assert.equal(await hangUpTop(), hangUpAt, 'Hang up does not move for the transfer panel');
      }],
      ['wrap-up', async () => {
        await press(popup, 'Hang up');
        // Named for whom the call was placed to, not by its number.
        await popup.waitForSelector('form.wrap-up h2::-p-text(Ada Lovelace)');
        assert.equal(await popup.$eval('#wrap-up-note', (e) => e.value), 'Wants a quote by Friday', 'the call\'s notes start the wrap-up');
      }],
      ['incoming', async () => {
        await press(popup, 'Skip');
        await waitForIdle(popup);
        await caller.evaluate(() => void remote.call('1001').catch(() => {}));
        await popup.waitForSelector('section[aria-label="Incoming call"]');
      }],
      ['missed-banner', async () => {
        await caller.evaluate(() => remote.hangupAll());
        await popup.waitForSelector('[data-missed-live]', { timeout: 10_000 });
      }],
      ['recent-today', async () => {
        await press(popup, 'Close the missed call notice');
        await clearSearch();
        await selectTab(popup, 'Recent');
        await popup.waitForSelector('#tab-panel li::-p-text(Remote 1004)');
      }],
    ]);
  });

  it('a page’s call, confirmed first in its own window', async () => {
    const { page, confirm } = await confirmWindowOfPageCall(browser, server.url);
    await lookAt(confirm, [['confirm-call', () => confirm.waitForSelector('[data-confirm-number]'), { shotOf: null }]]);
    await confirm.keyboard.press('Escape').catch(() => {});
    await page.close();
  });

  it('a connection lost: the error panel', async () => {
    await widget();
    await session.outage();
    try {
      await lookAt(popup, [['error-connection', () => popup.waitForSelector('[data-error]', { timeout: 30_000 })]]);
    } finally {
      await session.restore();
    }
  });

  it('no page errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});

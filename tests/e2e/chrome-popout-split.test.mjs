// The widget window (the pop-out) uses its room: wide, the lists on the left and the selected
// row's details (a call, the wrap-up) on the right; narrow, one column as in the toolbar popup.
// The window is resized the way a user drags it (CDP Browser.setWindowBounds), never emulated,
// so the layout answers to the window's own width (a CSS container query).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { seriousViolations } from './support/axe.mjs';
import { launchWithExtension, openExtensionPage, ROOT } from './support/chrome.mjs';
import { startLabSession } from './support/lab-session.mjs';
import { addContact, openWidget, press, saveAccount, waitForCallState } from './support/ui.mjs';

let session;
let browser;
let extensionId;
let win;
let ada;
const pageErrors = [];
const SHOTS = path.join(ROOT, 'tests/artifacts');

/** The two panes' boxes, and whether each is on screen. */
const panes = () => win.evaluate(() => {
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, width: r.width, height: r.height, shown: el.getClientRects().length > 0 };
  };
  return { list: box(document.querySelector('.list-pane')), detail: box(document.querySelector('[data-detail-pane]')) };
});

const sideBySide = ({ list, detail }) => list.shown && detail.shown && detail.left >= list.right - 1 && Math.abs(detail.top - list.top) < 2;

async function resize(width, height) {
  const cdp = await win.createCDPSession();
  const { windowId } = await cdp.send('Browser.getWindowForTarget');
  await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'normal' } });
  await cdp.send('Browser.setWindowBounds', { windowId, bounds: { width, height } });
  await cdp.detach();
  await win.waitForFunction((w) => Math.abs(window.outerWidth - w) < 2, {}, width);
}

const focused = () => win.evaluate(() => {
  const el = document.activeElement;
  return el === document.body || !el ? 'body' : (el.getAttribute('aria-label') || el.id || el.textContent || '').replace(/\s+/g, ' ').trim();
});

async function axeBoth(screen) {
  for (const scheme of ['light', 'dark']) {
    await win.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    const v = await seriousViolations(win);
    assert.deepEqual(v, [], `${screen} (${scheme}): ${JSON.stringify(v)}`);
  }
  await win.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
}

/** The window at 1× and 2× (device pixels), light and dark, for the README and for a look. */
async function shoot(name) {
  const { width, height } = await win.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
  for (const scale of [1, 2]) {
    for (const scheme of ['light', 'dark']) {
      await win.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await win.setViewport({ width, height, deviceScaleFactor: scale });
      await win.screenshot({ path: path.join(SHOTS, `popout-${name}-${scheme}@${scale}x.png`) });
    }
  }
  await win.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  // Back to the window's own size: the layout follows the window again.
  await win.setViewport(null);
}

before(async () => {
  session = await startLabSession();
  ({ browser, extensionId } = await launchWithExtension());
  ada = await session.remote(browser, '1002', { autoAnswer: true });
  const options = await openExtensionPage(browser, extensionId, 'options.html');
  await saveAccount(options, session.settingsFor('1001'));
  await addContact(options, { name: 'Ada Lovelace', company: 'Analytical Engines Ltd', phone: '1002' });
  await addContact(options, { name: 'Grace Hopper', company: 'US Navy', phone: '1003' });
  await options.close();
  const popup = await openWidget(browser, extensionId);
  const target = browser.waitForTarget((t) => t.url().includes('popup.html?popout=1'), { timeout: 10_000 });
  await press(popup, 'Pop out');
  win = await (await target).asPage();
  win.on('pageerror', (e) => pageErrors.push(e.message));
  // The window's own size decides the layout, not an emulated viewport.
  await win.setViewport(null);
  await win.waitForSelector('[data-registration="registered"]');
  await popup.close().catch(() => {});
});

after(async () => {
  await browser?.close().catch(() => {});
  await session?.stop();
});

describe('the widget window', { concurrency: false }, () => {
  it('wide: the lists on the left, the selected row’s details on the right; the row keeps the focus', async () => {
    await resize(1000, 700);
    await win.bringToFront();
    await win.waitForSelector('#tab-panel[data-loaded="true"]');
    assert.ok(sideBySide(await panes()), `side by side at 1000 px: ${JSON.stringify(await panes())}`);
    await win.waitForSelector('[data-detail-pane] ::-p-text(Pick a row in the list)');
    // Alt+3: Contacts, the cursor still in the search box.
    await win.focus('#search');
    await win.keyboard.down('Alt');
    await win.keyboard.press('Digit3');
    await win.keyboard.up('Alt');
    await win.waitForSelector('#tab-contacts[aria-selected="true"]');
    await win.waitForSelector('#tab-panel[data-loaded="true"] li button.open');
    assert.equal(await focused(), 'search');
    // Into the list and down to Grace with the keys; Enter shows her details beside the list.
    await win.keyboard.press('Tab'); // the keypad button
    await win.keyboard.press('Tab'); // the tabs
    await win.keyboard.press('Tab'); // the list: its first row
    assert.match(await focused(), /Ada Lovelace/);
    await win.keyboard.press('ArrowDown');
    await win.keyboard.press('Enter');
    await win.waitForSelector('[data-detail-pane] #details-name::-p-text(Grace Hopper)');
    assert.match(await focused(), /Grace Hopper/, 'the focus stays on the row: the arrows go on through the list');
    assert.equal(await win.$eval('#tab-panel li.current button.open', (b) => b.getAttribute('aria-current')), 'true');
    assert.ok(sideBySide(await panes()));
    // The next row, and its details follow.
    await win.keyboard.press('ArrowUp');
    await win.keyboard.press('Enter');
    await win.waitForSelector('[data-detail-pane] #details-name::-p-text(Ada Lovelace)');
    assert.match(await focused(), /Ada Lovelace/);
    await axeBoth('Widget window, details beside the list');
    await shoot('details');
    // Escape closes the details; the focus is where it was.
    await win.keyboard.press('Escape');
    await win.waitForSelector('[data-detail-pane] ::-p-text(Pick a row in the list)');
    assert.match(await focused(), /Ada Lovelace/);
  });

  it('an activity beside the list: one grid of tiles, Cancel in the danger colour, a greyed tile says why', async () => {
    // Scheduled from a contact's details, in the right-hand pane.
    await win.click('#tab-panel li button.open');
    await win.waitForSelector('[data-detail-pane] #details-name::-p-text(Ada Lovelace)');
    // Ada has no record link: the greyed Record tile says why, on the tile and under the tiles.
    const record = await win.$$eval('[data-detail-pane] .actions button', (buttons) => {
      const b = buttons.find((x) => x.textContent.trim() === 'Record');
      return { disabled: b.disabled, title: b.title, said: document.getElementById(b.getAttribute('aria-describedby'))?.textContent ?? '' };
    });
    assert.equal(record.disabled, true);
    assert.match(record.title, /No record linked/);
    assert.equal(record.said, record.title);
    await press(win, 'Schedule');
    await win.waitForSelector('[data-detail-pane] #activity-summary');
    assert.ok(sideBySide(await panes()), 'the form beside the list');
    await win.type('#activity-summary', 'Discuss the quote');
    await press(win, 'Schedule');
    await win.waitForSelector('::-p-text(Call scheduled for)');
    await win.keyboard.down('Alt');
    await win.keyboard.press('Digit2');
    await win.keyboard.up('Alt');
    await win.waitForSelector('#tab-activities[aria-selected="true"]');
    await win.click('#tab-panel[data-loaded="true"] li button.open');
    await win.waitForSelector('[data-detail-pane] ::-p-text(Discuss the quote)');
    const tiles = await win.$$eval('[data-detail-pane] .actions', (grids) => grids.map((g) => [...g.querySelectorAll('button')].map((b) => {
      const r = b.getBoundingClientRect();
      return { label: b.textContent.trim(), left: Math.round(r.left), width: Math.round(r.width), color: getComputedStyle(b).color };
    })));
    assert.equal(tiles.length, 2, 'the Documents and the Activity tiles');
    // One grid: the second row's tiles sit in the first row's columns, at the same width.
    tiles[1].forEach((tile, i) => {
      assert.equal(tile.left, tiles[0][i].left, `${tile.label} in the column of ${tiles[0][i].label}`);
      assert.equal(tile.width, tiles[0][i].width);
    });
    const danger = await win.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--danger)';
      document.body.append(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    });
    const cancel = tiles[1].find((x) => x.label === 'Cancel activity');
    assert.equal(cancel.color, danger, 'Cancel activity is drawn as destructive');
    assert.ok(tiles[1].filter((x) => x !== cancel).every((x) => x.color !== danger), 'the other tiles are not');
    await axeBoth('Widget window, an activity beside the list');
    await shoot('activity');
    await win.keyboard.press('Escape');
    await win.keyboard.down('Alt');
    await win.keyboard.press('Digit3');
    await win.keyboard.up('Alt');
    await win.waitForSelector('#tab-contacts[aria-selected="true"]');
    await win.waitForSelector('#tab-panel[data-loaded="true"] li button.call');
  });

  it('a call shows the call screen on the right while the list stays', async () => {
    const since = await ada.evaluate(() => remote.lastSeq);
    await win.click('#tab-panel li button.call');
    await ada.evaluate((s) => remote.waitForEvent('established', { since: s }), since);
    await waitForCallState(win, 'established');
    await win.waitForSelector('[data-detail-pane] [data-call-state]');
    assert.ok(sideBySide(await panes()), 'the list stays beside the call');
    assert.ok(await win.$('.list-pane #tab-panel li'), 'the rows are still there');
    await axeBoth('Widget window, a call beside the list');
    await shoot('call');
    await win.keyboard.press('End');
    // The wrap-up takes the call screen's place, beside the list.
    await win.waitForSelector('[data-detail-pane] form.wrap-up');
    assert.ok(sideBySide(await panes()));
    assert.equal(await focused(), 'wrap-up-note');
    await axeBoth('Widget window, the wrap-up beside the list');
    await shoot('wrap-up');
    await press(win, 'Skip');
    await win.waitForSelector('[data-detail-pane] ::-p-text(Pick a row in the list)');
    assert.notEqual(await focused(), 'body', 'the focus goes back to the list');
  });

  it('narrow: one column again, a row’s details in the list’s place and back', async () => {
    await resize(420, 700);
    await win.waitForFunction(() => document.querySelector('[data-detail-pane]').getClientRects().length === 0);
    const { list } = await panes();
    assert.ok(list.shown && list.width > 300, `the list takes the window: ${JSON.stringify(list)}`);
    await win.focus('#tab-panel li button.open');
    await win.keyboard.press('Enter');
    await win.waitForSelector('[data-detail-pane] #details-name::-p-text(Ada Lovelace)');
    const { list: hidden, detail } = await panes();
    assert.ok(!hidden.shown && detail.shown, 'the details take the list’s place');
    assert.equal(await focused(), 'details-name', 'alone, the details take the focus (their name)');
    await axeBoth('Widget window, narrow, details');
    await press(win, 'Back');
    await win.waitForFunction(() => document.querySelector('.list-pane').getClientRects().length > 0);
    assert.match(await focused(), /Ada Lovelace/, 'back on the row the details were opened from');
    // A call, narrow: it takes the list's place; its wrap-up then sits above the list, both shown.
    const since = await ada.evaluate(() => remote.lastSeq);
    await win.click('#tab-panel li button.call');
    await ada.evaluate((s) => remote.waitForEvent('established', { since: s }), since);
    await win.waitForSelector('[data-detail-pane] [data-call-state]');
    assert.equal((await panes()).list.shown, false, 'the call in the list’s place');
    await win.keyboard.press('End');
    await win.waitForSelector('[data-detail-pane] form.wrap-up');
    const aside = await panes();
    assert.ok(aside.list.shown && aside.detail.shown && aside.detail.top < aside.list.top, `the wrap-up above the list: ${JSON.stringify(aside)}`);
    await press(win, 'Skip');
    await win.waitForFunction(() => document.querySelector('[data-detail-pane]').getClientRects().length === 0);
    // Wide again: side by side.
    await resize(1000, 700);
    await win.waitForFunction(() => document.querySelector('[data-detail-pane]').getClientRects().length > 0);
    assert.ok(sideBySide(await panes()));
  });

  it('no page errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});

// The extension's pages in other languages, read from the screen: with the pseudo-locales
// (en-XA: accented and ~40 % longer; ar-XB: right to left) and German and Polish, the popup's
// screens in its 360 px (the lists, details, the email form with its presets, schedule, mark
// done, contact, dialer, a call and its wrap-up), the settings, the microphone page and the call confirmation cut no text
// off and run nothing out of the page; in en-XA no word of ours is left in English; in ar-XB the
// page is right to left, mirrored (compared box by box with English) and numbers read left to
// right. Screenshots of each screen go to tests/artifacts/i18n/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startStaticServer } from '../lab/http.mjs';
import { ROOT, confirmWindowOfPageCall, launchWithExtension, openExtensionPage } from './support/chrome.mjs';
import { startLabSession } from './support/lab-session.mjs';
import { dataStrings, readLayout } from './support/layout.mjs';
import { press, saveAccount, waitForRegistration } from './support/ui.mjs';

const SHOTS = path.join(ROOT, 'tests/artifacts/i18n');
const PSEUDO = new Set(['en-XA', 'ar-XB']);
/** Boxes compared between English and ar-XB: `mirrors` swap sides, `stays` keep theirs. */
const BOXES = {
  recent: { mirrors: ['.tools', '.searchbar > svg', '#tab-panel li .call', '[data-registration] .dot', '#tab-recent'], stays: [] },
  details: { mirrors: ['.details .head .icon', '.details .phone .call-btn'], stays: [] },
  dialer: { mirrors: ['.dialer .row .icon'], stays: ['.keypad button'] },
  options: { mirrors: ['fieldset legend', 'button[type="submit"]'], stays: [] },
  mic: { mirrors: ['main button.primary'], stays: [] },
  confirm: { mirrors: ['.buttons .primary'], stays: [] },
};

let session;
let browser;
let extensionId;
let options;
let server;
let data = [];
/** language → screen → what readLayout saw */
const seen = {};

async function chooseLanguage(language) {
  await options.bringToFront();
  const change = () =>
    PSEUDO.has(language)
      ? // Test-only languages are not offered in the list: written where the list writes.
        options.evaluate((l) => chrome.storage.local.set({ language: { choice: l, odoo: '' } }), language)
      : options.select('#language', language);
  // The page is read again when the language it shows changes (lib/i18n/page.ts).
  const shows = await options.evaluate(() => document.documentElement.lang);
  if (shows === (language === 'ar-XB' ? 'ar' : language)) await change();
  else await Promise.all([options.waitForNavigation({ waitUntil: 'load' }), change().catch(() => {})]);
  await options.waitForSelector('#wsUrl');
}

async function look(page, language, screen, shotOf = 'main') {
  await page.bringToFront();
  await new Promise((r) => setTimeout(r, 150));
  const boxes = BOXES[screen] ?? { mirrors: [], stays: [] };
  const layout = await readLayout(page, { data, boxes: [...boxes.mirrors, ...boxes.stays, '.details .head .icon svg'] });
  (seen[language] ??= {})[screen] = layout;
  const el = shotOf ? await page.$(shotOf) : null;
  await (el ?? page).screenshot({ path: path.join(SHOTS, `${language}-${screen}.png`) });
  return layout;
}

async function lookAtPopup(language) {
  const popup = await openExtensionPage(browser, extensionId, 'popup.html');
  await popup.setViewport({ width: 360, height: 600 });
  await waitForRegistration(popup, 'registered');
  for (const tab of ['activities', 'recent', 'contacts']) {
    await popup.click(`#tab-${tab}`);
    await popup.waitForSelector(`#tab-${tab}[aria-selected="true"]`);
    await popup.waitForSelector('#tab-panel[data-loaded="true"] li');
    await look(popup, language, tab);
  }
  await popup.click('#tab-activities');
  await popup.waitForSelector('#tab-panel[data-loaded="true"] li button.open');
  await popup.click('#tab-panel li button.open');
  await popup.waitForSelector('#details-name');
  await look(popup, language, 'details');
  await lookAtForms(popup, language);
  await popup.keyboard.press('Escape');
  await popup.click('.searchbar button');
  await popup.waitForSelector('#dial-number');
  await popup.type('#dial-number', '+1 650 691 3277');
  await look(popup, language, 'dialer');
  await lookAtCall(popup, language);
  await popup.close();
}

/** The details' forms, reached by their buttons (in order: Email, Contact, Record, Schedule; Mark done, Edit, Cancel). */
async function lookAtForms(popup, language) {
  const action = async (i) => (await popup.$$('.details .actions button'))[i].click();
  const discard = () => popup.click('form .buttons button:first-child');
  await action(0);
  await popup.waitForSelector('#mail-subject');
  // "Remind me to send" (no mail server here): the time and its presets.
  await popup.click('form .buttons button:nth-child(2)');
  await popup.waitForSelector('#mail-when');
  await look(popup, language, 'email');
  await discard();
  await popup.waitForSelector('#details-name');
  await action(3);
  await popup.waitForSelector('#activity-summary');
  await look(popup, language, 'schedule');
  await discard();
  await popup.waitForSelector('#details-name');
  await action(4);
  await popup.waitForSelector('#done-feedback');
  await look(popup, language, 'done');
  await discard();
  await popup.waitForSelector('#details-name');
  await action(1);
  await popup.waitForSelector('#contact-name');
  await look(popup, language, 'contactInfo');
  await popup.keyboard.press('Escape');
}

/** A call to the far end 1002 (it answers), then its wrap-up. */
async function lookAtCall(popup, language) {
  await popup.$eval('#dial-number', (el) => { el.value = ''; });
  await popup.type('#dial-number', '1002');
  await popup.keyboard.press('Enter');
  await popup.waitForSelector('[data-call-state="established"]');
  await look(popup, language, 'call');
  await popup.keyboard.press('End');
  await popup.waitForSelector('form.wrap-up');
  await look(popup, language, 'wrapUp');
  await popup.click('form.wrap-up .buttons button:first-child');
}

async function lookAtPages(language) {
  await options.bringToFront();
  await look(options, language, 'options', null);
  const mic = await openExtensionPage(browser, extensionId, 'mic-permission.html');
  await mic.setViewport({ width: 800, height: 600 });
  await mic.waitForSelector('main button.primary');
  await look(mic, language, 'mic');
  await mic.close();
  const { page, confirm } = await confirmWindowOfPageCall(browser, server.url);
  await look(confirm, language, 'confirm');
  // Escape cancels and the window closes at once.
  await confirm.keyboard.press('Escape').catch(() => {});
  await page.close();
}

const side = (layout, selector) => {
  const box = layout.boxes[selector];
  assert.ok(box, `${selector} is on screen`);
  return box.center < layout.width / 2 ? 'left' : 'right';
};

/** What is cut off or off the page in `language` and was not in English (data cut off by design stays so). */
function newlyCut(language) {
  const found = [];
  for (const [screen, layout] of Object.entries(seen[language])) {
    const english = new Set((seen.en[screen]?.clipped ?? []).map((c) => c.path));
    for (const c of layout.clipped) if (!english.has(c.path)) found.push(`${screen}: cut off: ${c.text}`);
    for (const c of layout.offPage) found.push(`${screen}: out of the page: ${c.text}`);
    if (layout.scrollsSideways) found.push(`${screen}: the page scrolls sideways`);
  }
  return found;
}

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  session = await startLabSession();
  server = await startStaticServer(path.join(ROOT, 'tests/fixtures'));
  ({ browser, extensionId } = await launchWithExtension());
  await session.remote(browser, '1002', { autoAnswer: true });
  options = await openExtensionPage(browser, extensionId, 'options.html');
  await options.setViewport({ width: 800, height: 900 });
  await saveAccount(options, session.settingsFor('1001', { displayName: 'Jane Seller', defaultCountry: 'US' }));
  options.on('dialog', (d) => void d.accept());
  await press(options, 'Load sample data');
  await options.waitForSelector('::-p-text(sample contacts with activities and history)', { timeout: 60_000 });
  data = [...(await dataStrings(options)), 'Jane Seller'];
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.close();
  await session?.stop();
});

describe('Chrome pages in other languages', { concurrency: false }, () => {
  for (const language of ['en', 'en-XA', 'ar-XB', 'de', 'pl']) {
    it(`${language}: the popup's screens, the settings, the microphone page and the confirmation`, async () => {
      await chooseLanguage(language);
      await lookAtPopup(language);
      await lookAtPages(language);
      if (language !== 'en') assert.deepEqual(newlyCut(language), [], `${language}: text cut off`);
    });
  }

  it('en-XA: no word of ours is left in English on any screen', () => {
    const left = Object.entries(seen['en-XA']).flatMap(([screen, l]) => l.english.map((w) => `${screen}: ${w}`));
    assert.deepEqual(left, []);
  });

  it('ar-XB: every page is right to left, mirrored against English, numbers left to right', () => {
    for (const [screen, layout] of Object.entries(seen['ar-XB'])) {
      assert.equal(layout.dir, 'rtl', `${screen}: document.dir`);
      assert.equal(seen.en[screen].dir, 'ltr', `${screen}: English document.dir`);
      for (const n of layout.numbers) assert.equal(n.direction, 'ltr', `${screen}: number ${n.text}`);
      const { mirrors, stays } = BOXES[screen] ?? { mirrors: [], stays: [] };
      for (const s of mirrors) assert.notEqual(side(layout, s), side(seen.en[screen], s), `${screen}: ${s} on the other side`);
      for (const s of stays) assert.equal(side(layout, s), side(seen.en[screen], s), `${screen}: ${s} on the same side`);
    }
    // Numbers are read on these screens: each of them, left to right.
    for (const screen of ['details', 'dialer', 'confirm']) assert.ok(seen['ar-XB'][screen].numbers.length > 0, `${screen} shows numbers`);
    // The back arrow points the way back: to the right.
    assert.match(seen['ar-XB'].details.boxes['.details .head .icon svg'].transform, /^matrix\(-1, 0, 0, 1/);
    assert.equal(seen.en.details.boxes['.details .head .icon svg'].transform, 'none');
  });
});

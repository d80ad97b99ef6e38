// Local data in the built Chrome extension, without a PBX: importing contacts in the settings
// (vCard and CSV, with the report of what was skipped and why), the popup's lists paging through
// them, and Send Later delivering a scheduled email when its alarm fires.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchWithExtension, openExtensionPage, recordTabUrls, serviceWorker } from './support/chrome.mjs';
import { listRows, press, waitUntil } from './support/ui.mjs';

let browser;
let extensionId;
let options;
let popup;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'softphone-import-'));

const VCARDS = [
  'BEGIN:VCARD', 'VERSION:3.0', 'FN:Grace Hopper', 'ORG:Navy Labs', 'TEL;TYPE=work:+1 650 555 0101', 'EMAIL:grace@navy.example', 'END:VCARD',
  'BEGIN:VCARD', 'VERSION:3.0', 'NOTE:a card with neither a name nor a number', 'END:VCARD',
  'BEGIN:VCARD', 'VERSION:3.0', 'FN:Alan Turing', 'TEL:+44 20 7946 0018', 'END:VCARD',
].join('\r\n');

// 24 people with numbers, then one row whose number is not a number.
const CSV = [
  'Name,Phone,Email',
  ...Array.from({ length: 24 }, (_, i) => `Person ${String(i + 1).padStart(2, '0')},+1 650 555 ${String(1100 + i)},p${i + 1}@csv.example`),
  'Broken Number,call me maybe,',
].join('\n');

async function importFile(name, text) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  await options.bringToFront();
  // The page mounts once its language is read: wait for the field rather than expect it at once.
  const input = await options.waitForSelector('input[type="file"]');
  await input.uploadFile(file);
  const report = await options.waitForSelector(`section[aria-label="Import report"] ::-p-text(${name}:)`);
  void report;
  return options.$eval('section[aria-label="Import report"]', (el) => el.textContent.replace(/\s+/g, ' ').trim());
}

const rowsNow = () => listRows(popup);

before(async () => {
  ({ browser, extensionId } = await launchWithExtension());
  options = await openExtensionPage(browser, extensionId, 'options.html');
});

after(async () => {
  await browser?.close().catch(() => {});
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('Chrome: local contacts, lists and Send Later', { concurrency: false }, () => {
  it('imports a vCard file and reports the card it skipped and why', async () => {
    const text = await importFile('people.vcf', VCARDS);
    assert.match(text, /people\.vcf: 2 contacts imported, 1 skipped\./);
    assert.match(text, /Line \d+: skipped — /);
    const saved = await options.$$eval('ul[aria-label="Saved contacts"] li', (els) => els.map((e) => e.textContent));
    assert.ok(saved.some((s) => s.includes('Grace Hopper') && /\(650\) 555-0101|\+1 650 555 0101/.test(s)), saved.join(' | '));
    assert.ok(saved.some((s) => s.includes('Alan Turing')), saved.join(' | '));
  });

  it('imports a CSV file and says which number it left out', async () => {
    const text = await importFile('people.csv', CSV);
    assert.match(text, /people\.csv: 25 contacts imported, 0 skipped, 1 warning\./);
    assert.match(text, /Line 26: left out “call me maybe”: not a valid phone number/);
  });

  it('the popup shows a first page of contacts, and Show more brings the next', async () => {
    popup = await openExtensionPage(browser, extensionId, 'popup.html');
    await popup.setViewport({ width: 380, height: 620 });
    await press(popup, 'Contacts', 'tab');
    await popup.waitForSelector('#tab-panel[data-loaded="true"]');
    const first = await rowsNow();
    // 2 from the vCard and 24 from the CSV have a number (Broken Number has none).
    assert.equal(first.length, 12, first.join(' | '));
    assert.ok(first[0].startsWith('Alan Turing'), first[0]);
    await press(popup, 'Show more');
    await popup.waitForFunction(() => document.querySelectorAll('#tab-panel li').length > 12);
    const all = await rowsNow();
    assert.equal(all.length, 26, all.join(' | '));
    assert.equal(await popup.$('::-p-text(Show more)'), null, 'no Show more once everything is shown');
  });

  it('Show more works from the keyboard and keeps focus on the list', async () => {
    await popup.reload();
    await popup.waitForSelector('#tab-panel[data-loaded="true"]');
    assert.equal((await rowsNow()).length, 12);
    await popup.focus('#tab-panel button.more');
    await popup.keyboard.press('Enter');
    await popup.waitForFunction(() => document.querySelectorAll('#tab-panel li').length === 26);
    // Focus lands on the first new row (the 13th), not on the page.
    const focused = await popup.evaluate(() => document.activeElement?.closest('li')?.textContent.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim());
    assert.equal(focused, (await rowsNow())[12]);
  });

  it('searches imported contacts by email', async () => {
    await popup.type('#search', 'grace@navy');
    await popup.waitForSelector('#tab-panel[data-query="grace@navy"]');
    const found = await rowsNow();
    assert.equal(found.length, 1);
    assert.match(found[0], /Grace Hopper/);
  });

  it('Send Later: when the time comes, the email opens in the mail app and leaves the schedule', async () => {
    await popup.click('#tab-panel li button.open');
    await press(popup, 'Email');
    await popup.type('#mail-subject', 'Following up');
    await popup.type('#mail-body', 'Hello Grace');
    await press(popup, 'Remind me to send');
    // Six seconds from now, in the field's own local format (seconds are allowed).
    const at = new Date(Date.now() + 6_000);
    const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
    await popup.$eval('#mail-when', (el, v) => {
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, local);
    // Chrome may deliver an alarm late on a loaded machine (it promises no precision), so the wait
    // is generous; if it still runs out, the failure says what the background had scheduled. The
    // tab is seen through the browser's own target events: it may close as soon as the link is
    // handed to the mail app.
    const tabs = await recordTabUrls(browser);
    await press(popup, 'Set the reminder');
    await popup.waitForSelector('::-p-text(Email scheduled for)');
    const mailto = await waitUntil(() => tabs.urls.find((u) => u.startsWith('mailto:')), 'the mail app tab', 90_000).catch(async (error) => {
      const sw = await serviceWorker(browser);
      const alarms = await sw.evaluate(() => chrome.alarms.getAll());
      assert.fail(`no mail app tab (${error.message}); now ${Date.now()}, due ${at.getTime()}; alarms ${JSON.stringify(alarms)}; tab URLs seen ${JSON.stringify(tabs.urls)}`);
    });
    await tabs.stop();
    const url = new URL(mailto);
    assert.equal(decodeURIComponent(url.pathname), 'grace@navy.example');
    assert.equal(url.searchParams.get('subject'), 'Following up');
    assert.equal(url.searchParams.get('body'), 'Hello Grace');
    const sw = await serviceWorker(browser);
    await sw.evaluate(() => new Promise((resolve) => {
      const check = () => chrome.notifications.getAll((all) => (Object.keys(all).some((id) => id.startsWith('email:')) ? resolve() : setTimeout(check, 100)));
      check();
    }));
    await press(popup, 'Back');
    await press(popup, 'Scheduled emails');
    await popup.waitForSelector('::-p-text(Nothing scheduled.)');
  });
});

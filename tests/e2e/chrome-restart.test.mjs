// What must survive closing the browser: the account, the call history, a scheduled email and
// its alarm. Same Chromium profile, launched twice.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchWithExtension, openExtensionPage, serviceWorker } from './support/chrome.mjs';
import { startLabSession } from './support/lab-session.mjs';
import { dialFromPopup, press, saveAccount, waitForCallState, waitForIdle, waitForRegistration } from './support/ui.mjs';

let session;
let farEnds;
let profile;

before(async () => {
  session = await startLabSession();
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'softphone-profile-'));
  ({ browser: farEnds } = await launchWithExtension());
  await session.remote(farEnds, '1002', { autoAnswer: true });
});

after(async () => {
  await farEnds?.close().catch(() => {});
  await session?.stop();
  fs.rmSync(profile, { recursive: true, force: true });
});

describe('after a browser restart', { concurrency: false }, () => {
  it('keeps the account, the call history and a scheduled email with its alarm', async () => {
    let { browser, extensionId } = await launchWithExtension({ userDataDir: profile });
    const options = await openExtensionPage(browser, extensionId, 'options.html');
    await saveAccount(options, {
      wsUrl: session.lab.wsUrl, domain: session.lab.domain, username: '1001', secret: session.account('1001').password,
    });
    await press(options, 'Add contact');
    await options.type('#c-name', 'Ada Lovelace');
    await options.type('#c-email', 'ada@example.com');
    await options.type('#c-phone-0', '1002');
    await press(options, 'Save contact');
    let popup = await openExtensionPage(browser, extensionId, 'popup.html');
    await waitForRegistration(popup, 'registered');
    await dialFromPopup(popup, '1002');
    await waitForCallState(popup, 'established');
    await press(popup, 'Hang up');
    await waitForIdle(popup);
    await popup.keyboard.press('Escape');
    await press(popup, 'Contacts', 'tab');
    await popup.waitForSelector('#tab-panel li button.open');
    await popup.click('#tab-panel li button.open');
    await press(popup, 'Email');
    await popup.type('#mail-subject', 'After the restart');
    await press(popup, 'Remind me to send');
    await press(popup, 'Set the reminder');
    await popup.waitForSelector('::-p-text(Email scheduled for)');
    await browser.close();

    ({ browser, extensionId } = await launchWithExtension({ userDataDir: profile }));
    try {
      popup = await openExtensionPage(browser, extensionId, 'popup.html');
      await waitForRegistration(popup, 'registered', 20_000);
      await press(popup, 'Recent', 'tab');
      await popup.waitForSelector('#tab-panel[data-loaded="true"] li');
      const first = await popup.$eval('#tab-panel li', (e) => e.textContent.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim());
      assert.match(first, /^Ada Lovelace 1002 .*\d{1,2}:\d\d/);
      await press(popup, 'Scheduled emails');
      await popup.waitForSelector('::-p-text(After the restart)');
      const worker = await serviceWorker(browser);
      const alarms = await worker.evaluate(async () => (await chrome.alarms.getAll()).map((a) => a.name));
      assert.equal(alarms.filter((n) => n.startsWith('email:')).length, 1);
    } finally {
      await browser.close().catch(() => {});
    }
  });
});

// Takes the README's screenshots of the real extension against the lab:
//   node dev/tools/screenshots.mjs   (after `npx wxt build`)
import fs from 'node:fs';
import path from 'node:path';
import { startStaticServer } from '../../tests/lab/http.mjs';
import { ROOT, launchWithExtension, openExtensionPage, serviceWorker } from '../../tests/e2e/support/chrome.mjs';
import { startLabSession } from '../../tests/e2e/support/lab-session.mjs';
import { connectInSettings, logInBrowser } from '../../tests/e2e/support/odoo.mjs';
import { startOdoo } from '../../tests/odoo/server.mjs';
import { dialFromPopup, press, saveAccount, waitForCallState, waitForRegistration } from '../../tests/e2e/support/ui.mjs';

const out = path.join(ROOT, 'docs/screenshots');
fs.mkdirSync(out, { recursive: true });
const session = await startLabSession();
const { browser, extensionId } = await launchWithExtension();
const scheme = process.env.SCHEME ?? 'light';
try {
  await session.remote(browser, '1002', { autoAnswer: true });
  const caller = await session.remote(browser, '1004');
  const shot = async (page, name) => {
    await page.bringToFront();
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await new Promise((r) => setTimeout(r, 150));
    const el = await page.$('main');
    await el.screenshot({ path: path.join(out, `${name}${scheme === 'dark' ? '-dark' : ''}.png`) });
  };
  const popup = await openExtensionPage(browser, extensionId, 'popup.html');
  await popup.setViewport({ width: 360, height: 600 });
  await popup.waitForSelector('[data-welcome]');
  await shot(popup, 'popup-welcome');

  const options = await openExtensionPage(browser, extensionId, 'options.html');
  await options.setViewport({ width: 800, height: 900 });
  await saveAccount(options, { wsUrl: 'http://pbx', domain: session.lab.domain, username: '1001', secret: '' });
  await shot(options, 'options-validation');
  await saveAccount(options, {
    wsUrl: session.lab.wsUrl, domain: session.lab.domain, username: '1001',
    secret: session.account('1001').password, displayName: 'Jane Seller',
  });
  await popup.bringToFront();
  await popup.reload();
  await waitForRegistration(popup, 'registered');
  await press(popup, 'Keypad');
  await popup.type('#dial-number', '+1 650 691 3277');
  await shot(popup, 'popup-ready');
  await popup.keyboard.press('Escape');

  await dialFromPopup(popup, '1002');
  await waitForCallState(popup, 'established');
  await new Promise((r) => setTimeout(r, 1200));
  await press(popup, 'Keypad');
  await press(popup, '4');
  await press(popup, '2');
  await shot(popup, 'popup-in-call-keypad');
  await press(popup, 'Transfer');
  await popup.type('#transfer-target', '1003');
  await shot(popup, 'popup-transfer');
  await press(popup, 'Hang up');
  await popup.waitForSelector('#search, #dial-number');

  await caller.evaluate(() => void remote.call('1001').catch(() => {}));
  await popup.waitForSelector('section[aria-label="Incoming call"]');
  await shot(popup, 'popup-incoming');
  await press(popup, 'Decline');

  await dialFromPopup(popup, 'call me');
  await popup.waitForSelector('[data-error="incorrectNumber"]');
  await shot(popup, 'popup-incorrect-number');
  await press(popup, 'OK');
  await popup.keyboard.press('Escape');

  // The widget, with the settings page's sample data.
  options.on('dialog', (d) => void d.accept());
  await press(options, 'Load sample data');
  await options.waitForSelector('::-p-text(sample contacts with activities and history)', { timeout: 60_000 });
  await popup.bringToFront();
  await popup.reload();
  await waitForRegistration(popup, 'registered');
  for (const [tabName, file] of [['Next Activities', 'widget-next-activities'], ['Recent', 'widget-recent'], ['Contacts', 'widget-contacts']]) {
    await press(popup, tabName, 'tab');
    await popup.waitForSelector('#tab-panel[data-loaded="true"] li');
    await shot(popup, file);
  }
  await press(popup, 'Next Activities', 'tab');
  await popup.waitForSelector('#tab-panel li button.open');
  await popup.click('#tab-panel li button.open');
  await popup.waitForSelector('#details-name');
  await shot(popup, 'widget-activity-details');
  await press(popup, 'Email');
  await popup.type('#mail-subject', 'Your quote');
  await popup.type('#mail-body', 'Hello, here is the quote we discussed.');
  await press(popup, 'Remind me to send');
  await shot(popup, 'widget-email-send-later');
  await popup.keyboard.press('Escape');
  await popup.keyboard.press('Escape');
  await press(popup, 'Keypad');
  await press(popup, '1');
  await press(popup, '0');
  await shot(popup, 'widget-dialer');
  await popup.keyboard.press('Escape');
  await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  await press(popup, 'Contacts', 'tab');
  await popup.waitForSelector('#tab-panel[data-loaded="true"] li');
  await popup.bringToFront();
  await new Promise((r) => setTimeout(r, 150));
  await (await popup.$('main')).screenshot({ path: path.join(out, 'widget-contacts-dark.png') });

  // Click-to-call: a supplier page with its numbers marked, and the popup over it.
  const server = await startStaticServer(path.join(ROOT, 'tests/fixtures'));
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 900, height: 700 });
    await page.goto(`${server.url}click-to-call/supplier-footer.html`);
    await page.bringToFront();
    await page.waitForSelector('[data-voip-number]');
    await new Promise((r) => setTimeout(r, 800));
    await page.screenshot({ path: path.join(out, 'click-to-call-page.png') });
    const before = new Set(browser.targets());
    const opened = browser.waitForTarget((t) => t.url().endsWith('/popup.html') && !before.has(t), { timeout: 10_000 });
    await (await serviceWorker(browser)).evaluate(() => chrome.action.openPopup());
    const real = await (await opened).asPage();
    await real.waitForSelector('[data-site]');
    await real.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await new Promise((r) => setTimeout(r, 200));
    await (await real.$('main')).screenshot({ path: path.join(out, 'popup-site-switch.png') });
  } finally {
    await server.close();
  }

  // Odoo: the settings connected to the Odoo 17 double, the widget on its data, and its CRM board
  // with the extension's call-queue toggles.
  const odoo = await startOdoo({ version: 17 });
  try {
    await logInBrowser(browser, odoo);
    await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await connectInSettings(options, odoo.url);
    await options.bringToFront();
    await (await options.$('form.odoo')).screenshot({ path: path.join(out, 'options-odoo.png') });
    const widget = await openExtensionPage(browser, extensionId, 'popup.html');
    await widget.setViewport({ width: 360, height: 600 });
    await press(widget, 'Next Activities', 'tab');
    await widget.waitForSelector('#tab-panel[data-loaded="true"] li');
    await shot(widget, 'widget-odoo-next-activities');
    const board = await browser.newPage();
    await board.setViewport({ width: 1100, height: 420 });
    await board.goto(`${odoo.url}/web?version=17`);
    await board.bringToFront();
    await board.waitForSelector('[data-voip-kanban-toggle]');
    await new Promise((r) => setTimeout(r, 500));
    await board.screenshot({ path: path.join(out, 'odoo-kanban-toggles.png') });
  } finally {
    await odoo.close();
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close().catch(() => {});
  await session.stop();
}

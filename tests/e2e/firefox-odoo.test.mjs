// The Odoo connector in the built Firefox extension (MV2), against the Odoo test double on its
// 127.0.0.1:<port> (self-hosted Odoo runs on a port, usually 8069): Connect through the browser's
// Odoo session, Contacts and Next Activities from Odoo, and the Kanban card toggle, whose scripts
// Firefox injects only on a match pattern without a port (lib/background/odoo.ts).
// Build first: `npx wxt build -b firefox` (lab build: its manifest grants http://127.0.0.1/*, as
// the user's Allow in Connect's prompt would grant the Odoo origin).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startOdoo } from '../odoo/server.mjs';
import { closeFirefox, launchFirefoxWithExtension, openExtensionPage, waitForExtensionPage } from './support/firefox.mjs';
import { connectInSettings, kanbanToggle, logInBrowser } from './support/odoo.mjs';
import { listRows, selectTab, waitUntil } from './support/ui.mjs';

let odoo;
/** A second Odoo on the same host, another port: not the connected one. */
let otherOdoo;
/** @type {import('puppeteer-core').Browser} */
let firefox;
let micPage;
let options;
let popup;

before(async () => {
  [odoo, otherOdoo] = await Promise.all([startOdoo({ version: 17 }), startOdoo({ version: 17 })]);
  ({ browser: firefox } = await launchFirefoxWithExtension());
  micPage = await waitForExtensionPage(firefox, 'mic-permission.html');
  await logInBrowser(firefox, odoo);
}, { timeout: 90_000 });

after(async () => {
  await closeFirefox(firefox);
  await odoo?.close();
  await otherOdoo?.close();
}, { timeout: 60_000 });


describe('Odoo connector (Firefox ESR, Odoo 17 test double on a port)', { concurrency: false }, () => {
  it('connects through the browser session to an Odoo with a port', { timeout: 30_000 }, async () => {
    options = await openExtensionPage(firefox, micPage, 'options.html');
    assert.notEqual(odoo.port, 80);
    const text = await connectInSettings(options, `${odoo.url}/odoo/crm`);
    assert.match(text, new RegExp(`Connected to 127\\.0\\.0\\.1:${odoo.port} as Mitchell Admin: Odoo 17, without Odoo VoIP`));
  });

  it("shows Odoo's contacts and my call activities due today or before", { timeout: 30_000 }, async () => {
    popup = await openExtensionPage(firefox, micPage, 'popup.html');
    await popup.setViewport({ width: 380, height: 620 });
    await selectTab(popup, 'Contacts');
    const contacts = await listRows(popup);
    assert.ok(contacts.some((r) => r.startsWith('Ada Lovelace')), JSON.stringify(contacts));
    await selectTab(popup, 'Next Activities');
    const list = await listRows(popup);
    assert.equal(list.length, 3, JSON.stringify(list));
    assert.match(list[0], /Gemini Furniture.*Follow up on the quote/);
  });

  it('Kanban on 127.0.0.1:<port>: a card toggle queues a call in Odoo and Next Activities shows it; again removes it', { timeout: 60_000 }, async () => {
    assert.ok(!(await listRows(popup)).some((r) => r.includes('Ready Mat')));
    const board = await firefox.newPage();
    await board.goto(`${odoo.url}/web?version=17#action=crm.crm_lead_action_pipeline`);
    let toggle = await kanbanToggle(board, 'Distributor Contract');
    assert.equal(await toggle.evaluate((b) => b.title), 'Add to Call Queue');
    await toggle.click();
    await board.waitForFunction(() => document.querySelector('[data-voip-kanban-toggle][title="Remove from Call Queue"][data-voip-toggle-for="3"]'), { timeout: 10_000 });
    const mine = () => odoo.table('mail.activity').filter((a) => a.res_model === 'crm.lead' && a.res_id === 3 && a.user_id === 2);
    assert.equal(mine().length, 1, 'a call activity for me on the lead');
    await waitUntil(async () => (await listRows(popup)).some((r) => r.includes('Ready Mat')), 'Next Activities updated');
    toggle = await kanbanToggle(board, 'Distributor Contract');
    await toggle.click();
    await board.waitForFunction(() => document.querySelector('[data-voip-kanban-toggle][title="Add to Call Queue"][data-voip-toggle-for="3"]'), { timeout: 10_000 });
    assert.equal(mine().length, 0);
    await waitUntil(async () => !(await listRows(popup)).some((r) => r.includes('Ready Mat')), 'Next Activities updated again');
    await board.close();
  });

  it('another Odoo on the same host but another port gets no toggles (the exact origin is checked)', { timeout: 30_000 }, async () => {
    const board = await firefox.newPage();
    await logInBrowser(firefox, otherOdoo);
    await board.goto(`${otherOdoo.url}/web?version=17#action=crm.crm_lead_action_pipeline`);
    // Its board is drawn and tagged (the page-world half runs by host), yet no toggle comes.
    await board.waitForSelector('div[role="article"].o_kanban_record[data-voip-res-id]', { timeout: 15_000 });
    await new Promise((r) => setTimeout(r, 1_500));
    assert.equal(await board.$$eval('[data-voip-kanban-toggle]', (b) => b.length), 0);
    // Nor an alert saying this is not the connected Odoo: the toggles never started asking.
    assert.equal(await board.$$eval('[data-voip-kanban-alert]', (b) => b.length), 0);
    await board.close();
  });
});

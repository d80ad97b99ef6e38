// The Odoo connector in the built Chrome extension against the Odoo test double played as 16.0,
// 18.0, 19.0 and an Odoo Online build (saas~18.2): a short smoke per version in ONE Chromium
// (chrome-odoo.test.mjs runs the full path on 17). Each version: Connect with the browser's
// session, Contacts and Next Activities from Odoo, Schedule a call on a contact (mail.activity
// needs res_model_id on every version), and the CRM Kanban toggle on that version's card markup —
// and none on the sample cards an empty pipeline shows (their ids are real, unrelated leads).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startOdoo } from '../odoo/server.mjs';
import { connectInSettings, kanbanToggle, logInBrowser } from './support/odoo.mjs';
import { startPhoneLab } from './support/phone-lab.mjs';
import { listRows, openRow as openRowIn, press, reopenWidget, selectTab, waitUntil } from './support/ui.mjs';

/** The version the double plays, and what the settings say once connected. */
const VERSIONS = [
  { version: '16.0', label: /Odoo 16\b/ },
  { version: '18.0', label: /Odoo 18\b/ },
  { version: '19.0', label: /Odoo 19\b/ },
  { version: 'saas~18.2', label: /Odoo (saas~)?18\b/ },
];

let lab;
let browser;
let extensionId;
let options;
let popup;

before(async () => {
  // The widget opens on a registered line: the lab PBX, as in chrome-odoo.test.mjs.
  lab = await startPhoneLab({ widget: false });
  ({ browser, extensionId, options } = lab);
});

after(() => lab?.stop());

const rows = () => listRows(popup);

const openRow = (text) => openRowIn(popup, text);


for (const { version, label } of VERSIONS) {
  describe(`Odoo ${version} (Chrome, test double)`, () => {
    let odoo;
    const myCallsOn = (model, id) =>
      odoo.table('mail.activity').filter((a) => a.res_model === model && a.res_id === id && a.user_id === 2 && a.activity_type_id === 2);

    before(async () => {
      odoo = await startOdoo({ version });
      await logInBrowser(browser, odoo);
    });
    after(async () => {
      await odoo?.close();
    });

    it('connects through the browser session; Contacts and Next Activities come from Odoo', async () => {
      const text = await connectInSettings(options, `${odoo.url}/odoo`);
      assert.match(text, new RegExp(`Connected to 127\\.0\\.0\\.1:${odoo.port} as Mitchell Admin`), text);
      assert.match(text, label, text);
      popup = await reopenWidget(popup, browser, extensionId);
      await selectTab(popup, 'Contacts');
      await waitUntil(async () => (await rows()).some((r) => r.startsWith('Ada Lovelace')), 'a seeded contact');
      await selectTab(popup, 'Next Activities');
      await waitUntil(async () => (await rows()).some((r) => /Ada Lovelace.*Renewal/.test(r)), 'a seeded call activity');
    });

    it('schedules a call on a contact (Odoo gets res_model_id)', async () => {
      await selectTab(popup, 'Contacts');
      await openRow('Ada Lovelace');
      await press(popup, 'Schedule');
      await popup.waitForSelector('#activity-type option[value="2"]');
      await popup.select('#activity-type', '2');
      await popup.type('#activity-summary', `Check-in on ${version}`);
      await press(popup, 'Schedule');
      await popup.waitForSelector('::-p-text(scheduled for)');
      const created = odoo.table('mail.activity').find((a) => a.summary === `Check-in on ${version}`);
      assert.ok(created, 'created in Odoo');
      assert.deepEqual([created.res_model, created.res_id, created.activity_type_id], ['res.partner', 30, 2]);
      assert.ok(created.res_model_id, `res_model_id set: ${JSON.stringify(created)}`);
      await press(popup, 'Back');
    });

    it("Kanban: a toggle on this version's card queues a call; sample cards get none", async () => {
      const board = await browser.newPage();
      await board.setViewport({ width: 1280, height: 760 });
      const client = Number.parseInt(version.replace('saas~', ''), 10) >= 18 ? '/odoo/crm' : '/web';
      await board.goto(`${odoo.url}${client}`);
      await board.bringToFront();
      const toggle = await kanbanToggle(board, 'Distributor Contract');
      assert.equal(await toggle.evaluate((b) => b.title), 'Add to Call Queue');
      if (version === '19.0') {
        assert.equal(await toggle.evaluate((b) => b.closest('.o_kanban_record').outerHTML.slice(0, 30)), '<article role="link" class="o_');
      }
      await toggle.click();
      await board.waitForFunction(() => document.querySelector('[data-voip-kanban-toggle][title="Remove from Call Queue"][data-voip-toggle-for="3"]'), { timeout: 10_000 });
      const queued = myCallsOn('crm.lead', 3);
      assert.equal(queued.length, 1, 'a call activity for me on the lead');
      assert.ok(queued[0].res_model_id, `res_model_id set: ${JSON.stringify(queued[0])}`);

      // An empty pipeline: Odoo shows sample cards (ids 1, 2, 3 — real, unrelated leads).
      await board.goto(`${odoo.url}${client}?search=${encodeURIComponent('no such lead')}`);
      await board.waitForFunction(() => document.querySelectorAll('.o_view_sample_data .o_kanban_record').length === 3, { timeout: 15_000 });
      // The reader and the toggles work within a frame and a round trip; give them well over that.
      await new Promise((r) => setTimeout(r, 1_500));
      const tagged = await board.$$eval('.o_kanban_record', (cards) => cards.filter((c) => c.hasAttribute('data-voip-res-id') || c.querySelector('[data-voip-kanban-toggle]')).length);
      assert.equal(tagged, 0, 'no toggle (and no id) on sample cards');
      if (version === '19.0') await board.screenshot({ path: 'tests/artifacts/odoo-19-kanban-sample.png' });
      await board.close();
      await popup.bringToFront();
    });
  });
}

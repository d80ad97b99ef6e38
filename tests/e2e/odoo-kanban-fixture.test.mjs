// The CRM Kanban integration against the OWL fixture web client (tests/odoo/kanban/) in real
// Chromium, for Odoo 17 and 18 card DOM: the MAIN-world reader must give every card the database
// id of the lead it shows (checked by name against the server) through first load, a move to
// another stage (API and real pointer drag), filtering, grouping, "Load more" and navigating away
// and back; the isolated-world toggles must sit right after the activity widget and a trusted click
// must create (and then remove) the phone-call activity on the server.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
import { launchChromium } from '../lab/browser.mjs';
import { startOdoo } from '../odoo/server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ARTIFACTS = path.join(ROOT, 'tests/artifacts');
const ADD = 'Add to Call Queue';
const REMOVE = 'Remove from Call Queue';

/** A lib/ module as an IIFE that sets `window[name]` (what WXT would put in a content script). */
async function bundle(file, name) {
  const build = await rolldown({ input: path.join(ROOT, file), logLevel: 'warn' });
  const { output } = await build.generate({ format: 'iife', name });
  await build.close();
  return output[0].code;
}

/** JSON-RPC from the test to the double, logged in as admin (the fixture's own user). */
async function rpcClient(url) {
  let cookie = '';
  const call = async (route, params) => {
    const res = await fetch(url + route, { method: 'POST', headers: { 'Content-Type': 'application/json', cookie }, body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params }) });
    cookie = res.headers.get('set-cookie')?.split(';')[0] ?? cookie;
    const json = await res.json();
    if (json.error) throw new Error(json.error.data.message);
    return json.result;
  };
  await call('/web/session/authenticate', { db: 'demo', login: 'admin', password: 'admin' });
  return (model, method, args = [], kwargs = {}) => call(`/web/dataset/call_kw/${model}/${method}`, { model, method, args, kwargs });
}

/** Runs in the page before anything else: the MAIN-world reader and the toggles on a fake provider backed by the double. */
function pageSetup() {
  const rpc = async (model, method, args = [], kwargs = {}) => {
    const res = await fetch(`/web/dataset/call_kw/${model}/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { model, method, args, kwargs } }) });
    const json = await res.json();
    if (json.error) throw new Error(json.error.data.message);
    return json.result;
  };
  const today = () => new Date().toISOString().slice(0, 10);
  let uid = 0;
  const me = async () => {
    if (!uid) {
      const res = await fetch('/web/session/get_session_info', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: {} }) });
      uid = (await res.json()).result.uid;
    }
    return uid;
  };
  const myCalls = async (ids) =>
    rpc('mail.activity', 'search_read', [], {
      domain: [['res_model', '=', 'crm.lead'], ['res_id', 'in', ids], ['activity_type_id.category', '=', 'phonecall'], ['user_id', '=', await me()], ['date_deadline', '<=', today()]],
      fields: ['res_id'],
    });
  const log = { queueState: [], toggles: [], errors: [] };
  window.__toggleLog = log;
  window.__mainAbort = new AbortController();
  window.__togglesAbort = new AbortController();
  window.__kanbanMain.watchKanbanRecordIds(window, window.__mainAbort.signal);
  window.__kanbanToggles.initKanbanToggles({
    doc: document,
    signal: window.__togglesAbort.signal,
    async queueState(ids) {
      log.queueState.push(ids);
      const leads = await rpc('crm.lead', 'read', [ids], { fields: ['phone'] });
      const queued = new Set((await myCalls(ids)).map((a) => a.res_id));
      return { ok: true, value: Object.fromEntries(leads.map((l) => [l.id, !l.phone ? 'noPhone' : queued.has(l.id) ? 'queued' : 'notQueued'])) };
    },
    async toggle(resId, add) {
      log.toggles.push([resId, add]);
      // res_model_id is required (res_model is its readonly related copy), as in Odoo's mail.activity.
      const [leadModel] = add ? await rpc('ir.model', 'search_read', [], { domain: [['model', '=', 'crm.lead']], fields: ['id'], limit: 1 }) : [];
      if (add) await rpc('mail.activity', 'create', [{ res_model_id: leadModel.id, res_id: resId, activity_type_id: 2, user_id: await me(), date_deadline: today(), summary: 'Call' }]);
      else await rpc('mail.activity', 'unlink', [(await myCalls([resId])).map((a) => a.id)]);
      return { ok: true, value: add };
    },
    onError: (reason) => log.errors.push(reason),
  });
}

/** What the page shows: every card with its name, column, datapoint id, tag and toggle. */
const readCards = () =>
  [...document.querySelectorAll('.o_kanban_record')].map((card) => {
    const activity = card.querySelector('.o_field_kanban_activity');
    const toggles = card.querySelectorAll('button[data-voip-kanban-toggle]');
    return {
      name: card.querySelector('.o_kanban_record_title').textContent.trim(),
      column: card.closest('.o_kanban_group').dataset.groupKey,
      datapoint: card.dataset.id,
      resId: card.getAttribute('data-voip-res-id'),
      resModel: card.getAttribute('data-voip-res-model'),
      tag: card.localName + (card.getAttribute('role') ? `[role=${card.getAttribute('role')}]` : ''),
      toggles: toggles.length,
      toggleAfterActivity: toggles.length === 1 && activity?.nextElementSibling === toggles[0],
      toggleFor: toggles[0]?.dataset.voipToggleFor ?? null,
      toggleTitle: toggles[0]?.title ?? null,
      toggleLabel: toggles[0]?.getAttribute('aria-label') ?? null,
    };
  });

for (const version of [17, 18]) {
  describe(`Odoo ${version} CRM kanban fixture`, () => {
    let odoo;
    let orm;
    let browser;
    let page;
    let leads; // name → { id, phone, stage_id }

    const refreshLeads = async () => {
      const rows = await orm('crm.lead', 'search_read', [], { domain: [], fields: ['name', 'phone', 'stage_id', 'user_id'] });
      leads = new Map(rows.map((r) => [r.name, r]));
    };

    /**
     * Waits until every card carries the id of the lead it shows (by name, from the server) and
     * the right toggle, and returns the cards. Fails with the last disagreement.
     */
    async function settledCards(expectCards = true, ms = 5_000) {
      await refreshLeads();
      const deadline = Date.now() + ms;
      for (;;) {
        const cards = await page.evaluate(readCards);
        let problem = '';
        if (expectCards && cards.length === 0) problem = 'no cards shown';
        for (const c of cards) {
          const lead = leads.get(c.name);
          if (!lead) problem ||= `card "${c.name}" is not a lead on the server`;
          else if (c.resId !== String(lead.id) || c.resModel !== 'crm.lead') problem ||= `card "${c.name}" has res id ${c.resId} (${c.resModel}), server id ${lead.id}`;
          else if (!/^datapoint_\d+$/.test(c.datapoint)) problem ||= `card "${c.name}" has data-id ${c.datapoint}`;
          else if (lead.phone && !(c.toggleAfterActivity && c.toggleFor === c.resId)) problem ||= `card "${c.name}": toggle missing, misplaced or for ${c.toggleFor}`;
          else if (!lead.phone && c.toggles) problem ||= `card "${c.name}" has no phone but a toggle`;
        }
        if (!problem) return cards;
        if (Date.now() > deadline) assert.fail(problem);
        await new Promise((r) => setTimeout(r, 50));
      }
    }

    /** Waits until the toggle on the card of `name` shows `title` (and is enabled again). */
    const toggleTitleIs = (name, title) =>
      page.waitForFunction(
        (n, t) => [...document.querySelectorAll('.o_kanban_record')].some((card) => card.querySelector('strong')?.textContent.trim() === n && card.querySelector('button[data-voip-kanban-toggle]:not([disabled])')?.title === t),
        { timeout: 5_000 },
        name,
        title,
      );
    const column = (cards, key) => cards.filter((c) => c.column === key).map((c) => c.name);
    const cardSelector = (name) => `xpath///*[contains(concat(' ', @class, ' '), ' o_kanban_record ')][.//strong[normalize-space()=${JSON.stringify(name)}]]`;

    before(async () => {
      const [main, toggles] = await Promise.all([bundle('lib/integrations/odoo-kanban/main.ts', '__kanbanMain'), bundle('lib/integrations/odoo-kanban/toggles.ts', '__kanbanToggles')]);
      odoo = await startOdoo({ version });
      orm = await rpcClient(odoo.url);
      // Enough leads for "Load more" (3 cards per column first), some without a phone.
      const extra = Array.from({ length: 8 }, (_, i) => ({ name: `Lead ${i + 1} of the fair`, phone: i % 3 === 2 ? false : `+32 2 555 01${String(i).padStart(2, '0')}`, type: 'opportunity', stage_id: i < 6 ? 1 : 2, user_id: i % 2 ? 6 : 2 }));
      await orm('crm.lead', 'create', [extra]);
      browser = await launchChromium();
      page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 760 });
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.errors = errors;
      // As content scripts at document_start: the web client (and its debug root) comes later.
      await page.evaluateOnNewDocument(`${main}\n${toggles}\n(${pageSetup})();`);
      await page.goto(`${odoo.url}/kanban-fixture/index.html?version=${version}&delay=300`);
      await page.evaluate(() => window.__kanban.ready);
    });

    after(async () => {
      await browser?.close();
      await odoo?.close();
    });

    it(`renders Odoo ${version}'s card markup without database ids`, async () => {
      const cards = await settledCards();
      const expected = version === 17 ? 'div[role=article]' : 'article';
      assert.ok(cards.every((c) => c.tag === expected), JSON.stringify(cards.map((c) => c.tag)));
      // Outside our attributes, the card DOM holds no database id (data-id is a datapoint id).
      const dbIdLeaks = await page.evaluate(() => [...document.querySelectorAll('.o_kanban_record')].filter((card) => /(?:^|\s)(?:id|res-id|resid)=/i.test([...card.attributes].filter((a) => !a.name.startsWith('data-voip')).map((a) => `${a.name}=${a.value}`).join(' '))).length);
      assert.equal(dbIdLeaks, 0);
      assert.deepEqual(page.errors, []);
    });

    it('tags every card with its lead id on first load, with one queue-state request', async () => {
      const cards = await settledCards();
      assert.deepEqual(column(cards, 'stage_1'), ['Office Design Project', 'Distributor Contract', 'Website visitor']);
      assert.deepEqual(column(cards, 'stage_3'), ['Open Space Design']);
      const log = await page.evaluate(() => window.__toggleLog);
      assert.equal(log.queueState.length, 1, JSON.stringify(log.queueState));
      assert.equal(log.queueState[0].length, cards.length);
      assert.deepEqual(log.errors, []);
    });

    it('shows the queue state in the toggle title (Odoo wording), and no toggle without a phone', async () => {
      const cards = await settledCards();
      const byName = Object.fromEntries(cards.map((c) => [c.name, c]));
      assert.equal(byName['Office Design Project'].toggleTitle, REMOVE); // a call due today
      assert.equal(byName['Office Design Project'].toggleLabel, REMOVE);
      assert.equal(byName['Quote for 12 Tables'].toggleTitle, REMOVE); // overdue call
      assert.equal(byName['Open Space Design'].toggleTitle, ADD); // the call is next week
      assert.equal(byName['Distributor Contract'].toggleTitle, ADD); // Marc's call, not mine
      assert.equal(byName['Website visitor'].toggles, 0);
    });

    it('follows a card moved to another stage (new datapoint, new column)', async () => {
      const before = await settledCards();
      const old = before.find((c) => c.name === 'Office Design Project');
      await page.evaluate(() => window.__kanban.move(1, 3));
      const cards = await settledCards();
      const moved = cards.find((c) => c.name === 'Office Design Project');
      assert.equal(moved.column, 'stage_3');
      assert.notEqual(moved.datapoint, old.datapoint);
      assert.equal(moved.resId, '1');
      assert.equal(leads.get('Office Design Project').stage_id, 3);
    });

    it('follows a card dragged with the mouse to another stage', async () => {
      await settledCards();
      const card = await page.$(cardSelector('Distributor Contract'));
      const target = await page.$('.o_kanban_group[data-group-key="stage_2"] .o_kanban_header');
      const from = await card.boundingBox();
      const to = await target.boundingBox();
      await page.mouse.move(from.x + 30, from.y + 12);
      await page.mouse.down();
      await page.mouse.move(from.x + 60, from.y + 30, { steps: 4 });
      await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 + 40, { steps: 8 });
      await page.mouse.up();
      await page.evaluate(() => window.__kanban.idle());
      const cards = await settledCards();
      assert.equal(cards.find((c) => c.name === 'Distributor Contract').column, 'stage_2');
      assert.equal(leads.get('Distributor Contract').stage_id, 2);
      assert.equal(await page.$('.o_form_view'), null, 'the drop must not open the record');
    });

    it('follows filtering and clearing the filter', async () => {
      await page.evaluate(() => window.__kanban.filter('Design'));
      let cards = await settledCards();
      assert.deepEqual(cards.map((c) => c.name).sort(), ['Office Design Project', 'Open Space Design']);
      // The search box, as a user does it.
      await page.click('.o_searchview_input', { clickCount: 3 });
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Enter');
      await page.evaluate(() => window.__kanban.idle());
      cards = await settledCards();
      assert.ok(cards.length > 2);
    });

    it('follows grouping by salesperson and back by stage', async () => {
      await page.select('.o_group_by', 'user_id');
      await page.evaluate(() => window.__kanban.idle());
      let cards = await settledCards();
      assert.ok(cards.every((c) => c.column.startsWith('user_')));
      assert.ok(column(cards, 'user_6').includes('Distributor Contract'));
      await page.evaluate(() => window.__kanban.groupBy('stage_id'));
      cards = await settledCards();
      assert.ok(cards.every((c) => c.column.startsWith('stage_')));
    });

    it('follows "Load more"', async () => {
      const before = column(await settledCards(), 'stage_1');
      assert.equal(before.length, 3);
      await page.click('.o_kanban_group[data-group-key="stage_1"] .o_kanban_load_more button');
      await page.evaluate(() => window.__kanban.idle());
      const after = column(await settledCards(), 'stage_1');
      assert.equal(after.length, 6);
      assert.deepEqual(after.slice(0, 3), before);
    });

    it('clears the tags when the kanban is left, and tags the new cards on return', async () => {
      const before = await settledCards();
      await page.evaluate(() => window.__kanban.navigate('contacts'));
      await page.waitForSelector('.o_list_view');
      assert.equal(await page.$$eval('[data-voip-res-id], [data-voip-kanban-toggle]', (els) => els.length), 0);
      await page.evaluate(() => window.__kanban.navigate('kanban'));
      const after = await settledCards();
      assert.equal(after.length, before.length - 3); // "Load more" is not kept, as in Odoo
      const old = new Set(before.map((c) => c.datapoint));
      assert.ok(after.every((c) => !old.has(c.datapoint)));
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, `kanban${version}.png`) });
    });

    it('adds the lead to the call queue on a trusted click, and removes it on the next', async () => {
      await settledCards();
      const selector = `${cardSelector('Open Space Design')}//button[@data-voip-kanban-toggle]`;
      const activities = () => odoo.table('mail.activity').filter((a) => a.res_model === 'crm.lead' && a.res_id === 4 && a.activity_category === 'phonecall' && a.user_id === 2 && a.state !== 'planned');
      assert.equal(activities().length, 0);
      // A script's click is not the user's: nothing happens.
      await page.$eval(selector, (b) => b.click());
      await new Promise((r) => setTimeout(r, 200));
      assert.deepEqual(await page.evaluate(() => window.__toggleLog.toggles), []);

      await page.click(selector);
      await toggleTitleIs('Open Space Design', REMOVE);
      assert.equal(activities().length, 1);
      assert.equal(activities()[0].date_deadline, new Date().toISOString().slice(0, 10));
      assert.equal(await page.$('.o_form_view'), null, 'the toggle must not open the record');

      await page.click(selector);
      await toggleTitleIs('Open Space Design', ADD);
      assert.equal(activities().length, 0);
      assert.deepEqual(await page.evaluate(() => window.__toggleLog.toggles), [[4, true], [4, false]]);
      assert.deepEqual(await page.evaluate(() => window.__toggleLog.errors), []);
    });

    it('opens the record from a card click, and removes everything on abort', async () => {
      await page.click(`${cardSelector('Open Space Design')}//strong`);
      await page.waitForSelector('.o_form_view');
      await page.click('.o_form_view .breadcrumb-item a');
      await settledCards();
      await page.evaluate(() => {
        window.__togglesAbort.abort();
        window.__mainAbort.abort();
      });
      assert.equal(await page.$$eval('[data-voip-res-id], [data-voip-kanban-toggle]', (els) => els.length), 0);
      assert.deepEqual(page.errors, []);
    });
  });
}

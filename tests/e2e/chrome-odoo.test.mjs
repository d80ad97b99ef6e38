// The Odoo connector in the built Chrome extension: connected from the settings through the
// browser's Odoo session, against the Odoo test double (tests/odoo: Odoo cannot run here), with
// calls through the lab Kamailio. What a user sees in the widget, and what reached Odoo.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startOdoo } from '../odoo/server.mjs';
import { seriousViolations } from './support/axe.mjs';
import { serviceWorker } from './support/chrome.mjs';
import { connectInSettings, kanbanToggle, logInBrowser as logInAs } from './support/odoo.mjs';
import { startPhoneLab } from './support/phone-lab.mjs';
import { listRows, openRow as openRowIn, press, reopenWidget, selectTab, waitUntil } from './support/ui.mjs';

let lab;
let odoo;
let browser;
let extensionId;
let options;
let popup;
let ada;
let babbage;

async function rpc(path, params, cookie = '') {
  const res = await fetch(`${odoo.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params }),
  });
  return { body: await res.json(), setCookie: res.headers.get('set-cookie') ?? '' };
}

const logInBrowser = () => logInAs(browser, odoo);

async function reopenPopup() {
  popup = await reopenWidget(popup, browser, extensionId);
}

const tab = (name) => selectTab(popup, name);
const rows = () => listRows(popup);

const openRow = (text) => openRowIn(popup, text);

const chatter = (model, id) =>
  odoo.table('mail.message').filter((m) => m.model === model && m.res_id === id).map((m) => String(m.body));

before(async () => {
  odoo = await startOdoo({ version: 17 });
  lab = await startPhoneLab({ farEnds: { 1002: { autoAnswer: true }, 1003: {} }, widget: false });
  ({ browser, extensionId, options } = lab);
  ({ 1002: ada, 1003: babbage } = lab.remotes);
  await logInBrowser();
});

after(async () => {
  await lab?.stop();
  await odoo?.close();
});

describe('Odoo connector (Chrome, Odoo 17 test double, lab PBX)', () => {
  it('refuses an address that is not one, then connects through the browser session', async () => {
    await options.bringToFront();
    await options.type('#odoo-url', 'ftp://odoo.example.com');
    await press(options, 'Connect');
    const error = await options.waitForSelector('#odoo-url-error');
    assert.match(await error.evaluate((e) => e.textContent), /address of your Odoo/);
    const text = await connectInSettings(options, `${odoo.url}/odoo/crm`);
    assert.match(text, new RegExp(`Connected to 127\\.0\\.0\\.1:${odoo.port} as Mitchell Admin: Odoo 17, without Odoo VoIP`));
    assert.deepEqual(await seriousViolations(options), [], 'axe: the settings with the Odoo section');
  });

  it("shows Odoo's contacts (searched on the server) and my call activities due today or before", async () => {
    await reopenPopup();
    await tab('Contacts');
    const contacts = await rows();
    assert.ok(contacts.some((r) => r.startsWith('Ada Lovelace')), JSON.stringify(contacts));
    assert.ok(!contacts.some((r) => r.includes('No Phone GmbH')), 'partners without a number are not listed');
    const before = odoo.calls.length;
    await popup.type('#search', '650-555');
    await waitUntil(async () => JSON.stringify(await rows()).includes('Ada') && (await rows()).length === 1, 'search by number');
    assert.ok(odoo.calls.slice(before).some((c) => c.model === 'res.partner' && c.method === 'search_read'), 'searched on the server');
    await popup.$eval('#search', (el) => {
      el.value = '';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await tab('Next Activities');
    const list = await rows();
    // Soonest first; Marc Demo's activity, the meeting and next week's call are not mine for today.
    assert.equal(list.length, 3, JSON.stringify(list));
    assert.match(list[0], /Gemini Furniture.*Follow up on the quote/);
    assert.match(list[1], /Ada Lovelace.*Renewal/);
    assert.match(list[2], /Deco Addict.*Discuss the layout/);
  });

  it("shows names from Odoo that hold HTML as text, never as markup", async () => {
    const evil = '<img src=x onerror="document.title=\'pwned\'">Eve <b>Mallory</b>';
    const { body } = await rpc('/jsonrpc', {
      service: 'object', method: 'execute_kw',
      args: [odoo.db, 2, 'key-admin', 'res.partner', 'create', [{ name: evil, phone: '+1 650 555 0199' }], {}],
    });
    assert.equal(typeof body.result, 'number', JSON.stringify(body));
    await tab('Contacts');
    await popup.type('#search', 'Mallory');
    await waitUntil(async () => (await rows()).length === 1 && (await rows())[0].includes('Mallory'), 'the partner found');
    assert.ok((await rows())[0].startsWith(evil), JSON.stringify(await rows()));
    assert.equal(await popup.$$eval('#tab-panel img, #tab-panel b', (els) => els.length), 0, 'no markup from the name');
    assert.notEqual(await popup.title(), 'pwned');
    await popup.$eval('#search', (el) => {
      el.value = '';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await tab('Next Activities');
  });

  it("from an activity: opens its lead in Odoo, and schedules a meeting on that same lead", async () => {
    await openRow('Discuss the layout');
    const known = new Set(browser.targets());
    await press(popup, 'Record');
    const lead = await browser.waitForTarget((t) => !known.has(t) && t.url().startsWith(odoo.url), { timeout: 10_000 });
    // Odoo 17's URL form for a record.
    assert.equal(lead.url(), `${odoo.url}/web#id=1&model=crm.lead&view_type=form`);
    await (await lead.asPage()).close();
    await press(popup, 'Schedule');
    await popup.waitForSelector('#activity-type option[value="3"]');
    await popup.select('#activity-type', '3');
    await popup.type('#activity-summary', 'Visit the showroom');
    await press(popup, 'Schedule');
    await popup.waitForSelector('::-p-text(scheduled for)');
    const created = odoo.table('mail.activity').find((a) => a.summary === 'Visit the showroom');
    assert.ok(created, 'created in Odoo');
    assert.deepEqual([created.res_model, created.res_id, created.activity_type_id, created.user_id], ['crm.lead', 1, 3, 2]);
    await press(popup, 'Back');
  });

  it('calls from an activity, marks it done: Odoo gets the feedback with the duration and a call log', async () => {
    await openRow('Renewal');
    const since = await ada.evaluate(() => remote.lastSeq);
    await popup.click('.details .call-btn');
    await ada.evaluate((s) => remote.waitForEvent('established', { since: s }), since);
    await new Promise((r) => setTimeout(r, 1100));
    await press(popup, 'Hang up');
    await press(popup, 'Mark done');
    const feedback = await popup.$eval('#done-feedback', (e) => e.value);
    assert.match(feedback, /^Called, [1-9]\d* sec\.$/);
    await press(popup, 'Done');
    await popup.waitForSelector('::-p-text(marked as done)');
    // Undo is offered for a few seconds; the write goes once that window has passed.
    for (let i = 0; i < 100 && odoo.table('mail.activity').some((a) => a.id === 3); i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(odoo.table('mail.activity').find((a) => a.id === 3), undefined, 'the activity is done in Odoo');
    const notes = await waitUntil(() => {
      const n = chatter('res.partner', 30);
      return n.some((b) => b.includes('Outgoing call')) && n.some((b) => b.includes('Renewal')) ? n : null;
    }, 'the chatter of Ada Lovelace');
    assert.ok(notes.some((b) => b.includes('Renewal') && /Called, [1-9]\d* sec\./.test(b)), JSON.stringify(notes));
    assert.ok(notes.some((b) => /Outgoing call to \+16505550102.*Answered, [1-9]\d* sec/.test(b)), JSON.stringify(notes));
  });

  it("names an incoming caller from Odoo's partners, in the ringing screen and in Recent", async () => {
    const { body } = await rpc('/jsonrpc', {
      service: 'object', method: 'execute_kw',
      args: [odoo.db, 2, 'key-admin', 'res.partner', 'create', [{ name: 'Charles Babbage', phone: '+1 (650) 555-0103' }], {}],
    });
    assert.equal(typeof body.result, 'number', JSON.stringify(body));
    await reopenPopup();
    // What the incoming-call notification says, as the service worker shows or updates it.
    const worker = await serviceWorker(browser);
    await worker.evaluate(() => {
      globalThis.notified = [];
      for (const method of ['create', 'update']) {
        const original = chrome.notifications[method].bind(chrome.notifications);
        chrome.notifications[method] = (id, options, ...rest) => {
          globalThis.notified.push(options.message);
          return original(id, options, ...rest);
        };
      }
    });
    await babbage.evaluate(() => void remote.call('1001').catch(() => {}));
    const screen = await popup.waitForSelector('section.incoming', { timeout: 10_000 });
    await waitUntil(async () => (await screen.evaluate((e) => e.textContent)).includes('Charles Babbage'), 'the caller named', 5000).catch(async (e) => {
      throw new Error(`${e.message}: ${await screen.evaluate((el) => el.textContent)}`);
    });
    await waitUntil(() => worker.evaluate(() => globalThis.notified.some((m) => /^Charles Babbage \((\(650\) 555-0103|\+1 650 555 0103)\)$/.test(m))), 'the notification naming the caller, the number formatted for reading');
    await press(popup, 'Decline');
    await tab('Recent');
    await waitUntil(async () => (await rows())[0]?.startsWith('Charles Babbage'), 'Recent names the caller');
  });

  it('keeps changes made while Odoo is unreachable, sends them when it is back, and reports the one Odoo refuses', async () => {
    await reopenPopup();
    await tab('Next Activities');
    odoo.down();
    await openRow('Discuss the layout');
    await press(popup, 'Mark done');
    await press(popup, 'Done');
    await popup.waitForSelector('::-p-text(It is sent as soon as Odoo is back.)');
    await openRow('Follow up on the quote');
    await press(popup, 'Edit');
    await popup.$eval('#activity-summary', (el) => {
      el.value = '';
    });
    await popup.type('#activity-summary', 'Quote, second try');
    await press(popup, 'Save');
    await popup.waitForSelector('.sub::-p-text(Quote, second try)');
    assert.ok(odoo.table('mail.activity').some((a) => a.id === 1), 'not done in Odoo yet');
    odoo.up();
    // Meanwhile a colleague deleted the second activity in Odoo.
    const { body } = await rpc('/jsonrpc', { service: 'object', method: 'execute_kw', args: [odoo.db, 2, 'key-admin', 'mail.activity', 'unlink', [[2]], {}] });
    assert.equal(body.result, true);
    await reopenPopup(); // a popup sends what waits as it opens
    await waitUntil(() => !odoo.table('mail.activity').some((a) => a.id === 1), 'the kept write reaching Odoo');
    assert.ok(chatter('crm.lead', 1).some((b) => b.includes('Discuss the layout')));
    const conflict = await popup.waitForSelector('[data-conflict]', { timeout: 10_000 });
    assert.deepEqual(await seriousViolations(popup), [], 'axe: the widget with a refused change');
    assert.match(await conflict.evaluate((e) => e.textContent), /Odoo refused a change kept while it was out of reach \(Edit activity “Quote, second try”\): Record does not exist or has been deleted\./);
    await press(popup, 'Dismiss');
    await popup.waitForFunction(() => !document.querySelector('[data-conflict]'));
  });

  it('Kanban: a card toggle queues a call in Odoo and Next Activities shows it at once; toggling again removes it', async () => {
    await reopenPopup();
    await tab('Next Activities');
    assert.ok(!(await rows()).some((r) => r.includes('Ready Mat')));
    const board = await browser.newPage();
    await board.setViewport({ width: 1280, height: 760 });
    await board.goto(`${odoo.url}/web?version=17#action=crm.crm_lead_action_pipeline`);
    await board.bringToFront();
    // The extension's scripts, registered for this Odoo's web client when it was connected. Cards are
    // re-rendered by the web client at will: the toggle is looked up afresh each time.
    let toggle = await kanbanToggle(board, 'Distributor Contract');
    assert.equal(await toggle.evaluate((b) => b.title), 'Add to Call Queue');
    await toggle.click();
    await board.waitForFunction(() => document.querySelector('[data-voip-kanban-toggle][title="Remove from Call Queue"][data-voip-toggle-for="3"]'), { timeout: 10_000 });
    const queued = odoo.table('mail.activity').filter((a) => a.res_model === 'crm.lead' && a.res_id === 3 && a.user_id === 2);
    assert.equal(queued.length, 1, 'a call activity for me on the lead');
    // The open widget follows without being reopened.
    await waitUntil(async () => (await rows()).some((r) => r.includes('Ready Mat')), 'Next Activities updated');
    await board.bringToFront();
    toggle = await kanbanToggle(board, 'Distributor Contract');
    await toggle.click();
    await board.waitForFunction(() => document.querySelector('[data-voip-kanban-toggle][title="Add to Call Queue"][data-voip-toggle-for="3"]'), { timeout: 10_000 });
    assert.equal(odoo.table('mail.activity').filter((a) => a.res_model === 'crm.lead' && a.res_id === 3 && a.user_id === 2).length, 0);
    await waitUntil(async () => !(await rows()).some((r) => r.includes('Ready Mat')), 'Next Activities updated again');
    await board.screenshot({ path: 'tests/artifacts/odoo-kanban-extension.png' });
    // The same board anywhere else on the Odoo origin (its website, portal pages) gets none.
    await board.goto(`${odoo.url}/kanban-fixture/index.html?version=17`);
    await board.waitForSelector('div[role="article"].o_kanban_record');
    await new Promise((r) => setTimeout(r, 1_500));
    assert.equal(await board.$$eval('[data-voip-kanban-toggle]', (b) => b.length), 0, 'no toggles outside the web client');
    await board.close();
  });

  it('says the Odoo session ended, with a way to log in again', async () => {
    odoo.expireSessions();
    await reopenPopup();
    await press(popup, 'Contacts', 'tab');
    const alert = await popup.waitForSelector('.data-error', { timeout: 10_000 });
    assert.match(await alert.evaluate((e) => e.textContent), /log in to Odoo again/);
    const known = new Set(browser.targets());
    await press(popup, 'Log in to Odoo');
    const login = await browser.waitForTarget((t) => !known.has(t) && t.url().startsWith(`${odoo.url}/web/login`), { timeout: 10_000 });
    assert.ok(login);
    await logInBrowser();
    await reopenPopup();
    await tab('Contacts');
    assert.ok((await rows()).some((r) => r.startsWith('Ada Lovelace')));
  });
});

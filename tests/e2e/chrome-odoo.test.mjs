// The Odoo connector in the built Chrome extension: connected from the settings through the
// browser's Odoo session, against the Odoo test double (tests/odoo: Odoo cannot run here), with
// calls through the lab Kamailio. What a user sees in the widget, and what reached Odoo.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startOdoo } from '../odoo/server.mjs';
import { launchWithExtension, openExtensionPage } from './support/chrome.mjs';
import { startLabSession } from './support/lab-session.mjs';
import { connectInSettings, logInBrowser as logInAs } from './support/odoo.mjs';
import { press, saveAccount, waitForRegistration } from './support/ui.mjs';

let session;
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
  await popup?.close().catch(() => {});
  popup = await openExtensionPage(browser, extensionId, 'popup.html');
  await popup.setViewport({ width: 380, height: 620 });
  await waitForRegistration(popup, 'registered');
}

async function tab(name) {
  await press(popup, name, 'tab');
  await popup.waitForSelector(`[role="tab"][aria-selected="true"]::-p-text(${name})`);
  await popup.waitForSelector('#tab-panel[data-loaded="true"]');
}

async function rows() {
  return popup.$$eval('#tab-panel li', (els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()));
}

async function waitFor(check, what, ms = 10_000) {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function openRow(text) {
  const index = (await rows()).findIndex((r) => r.includes(text));
  assert.ok(index >= 0, `a row with "${text}" in ${JSON.stringify(await rows())}`);
  const buttons = await popup.$$('#tab-panel li button.open');
  await buttons[index].click();
  await popup.waitForSelector('#details-name');
}

const chatter = (model, id) =>
  odoo.table('mail.message').filter((m) => m.model === model && m.res_id === id).map((m) => String(m.body));

before(async () => {
  session = await startLabSession();
  odoo = await startOdoo({ version: 17 });
  ({ browser, extensionId } = await launchWithExtension());
  ada = await session.remote(browser, '1002', { autoAnswer: true });
  babbage = await session.remote(browser, '1003');
  options = await openExtensionPage(browser, extensionId, 'options.html');
  await saveAccount(options, {
    wsUrl: session.lab.wsUrl, domain: session.lab.domain, username: '1001', secret: session.account('1001').password,
  });
  await logInBrowser();
});

after(async () => {
  await browser?.close().catch(() => {});
  await odoo?.close();
  await session?.stop();
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
  });

  it("shows Odoo's contacts (searched on the server) and my call activities due today or before", async () => {
    await reopenPopup();
    await tab('Contacts');
    const contacts = await rows();
    assert.ok(contacts.some((r) => r.startsWith('Ada Lovelace')), JSON.stringify(contacts));
    assert.ok(!contacts.some((r) => r.includes('No Phone GmbH')), 'partners without a number are not listed');
    const before = odoo.calls.length;
    await popup.type('#search', '650-555');
    await waitFor(async () => JSON.stringify(await rows()).includes('Ada') && (await rows()).length === 1, 'search by number');
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

  it('calls from an activity, marks it done: Odoo gets the feedback with the duration and a call log', async () => {
    await openRow('Renewal');
    const since = await ada.evaluate(() => remote.lastSeq);
    await popup.click('.details .call-btn');
    await ada.evaluate((s) => remote.waitForEvent('established', { since: s }), since);
    await new Promise((r) => setTimeout(r, 1100));
    await press(popup, 'Hang up');
    await press(popup, 'Mark done');
    const feedback = await popup.$eval('#done-feedback', (e) => e.value);
    assert.match(feedback, /^Called, 0:0[1-9]\.$/);
    await press(popup, 'Done');
    await popup.waitForSelector('::-p-text(marked as done)');
    assert.equal(odoo.table('mail.activity').find((a) => a.id === 3), undefined, 'the activity is done in Odoo');
    const notes = await waitFor(() => {
      const n = chatter('res.partner', 30);
      return n.some((b) => b.includes('Outgoing call')) && n.some((b) => b.includes('Renewal')) ? n : null;
    }, 'the chatter of Ada Lovelace');
    assert.ok(notes.some((b) => b.includes('Renewal') && /Called, 0:0[1-9]\./.test(b)), JSON.stringify(notes));
    assert.ok(notes.some((b) => /Outgoing call to \+16505550102.*Answered, 0:0[1-9]/.test(b)), JSON.stringify(notes));
  });

  it("names an incoming caller from Odoo's partners, in the ringing screen and in Recent", async () => {
    const { body } = await rpc('/jsonrpc', {
      service: 'object', method: 'execute_kw',
      args: [odoo.db, 2, 'key-admin', 'res.partner', 'create', [{ name: 'Charles Babbage', phone: '+1 (650) 555-0103' }], {}],
    });
    assert.equal(typeof body.result, 'number', JSON.stringify(body));
    await reopenPopup();
    await babbage.evaluate(() => void remote.call('1001').catch(() => {}));
    const screen = await popup.waitForSelector('section.incoming', { timeout: 10_000 });
    await waitFor(async () => (await screen.evaluate((e) => e.textContent)).includes('Charles Babbage'), 'the caller named', 5000).catch(async (e) => {
      throw new Error(`${e.message}: ${await screen.evaluate((el) => el.textContent)}`);
    });
    await press(popup, 'Decline');
    await tab('Recent');
    await waitFor(async () => (await rows())[0]?.startsWith('Charles Babbage'), 'Recent names the caller');
  });

  it('keeps a change made while Odoo is unreachable and sends it when Odoo is back', async () => {
    await reopenPopup();
    await tab('Next Activities');
    odoo.down();
    await openRow('Discuss the layout');
    await press(popup, 'Mark done');
    await press(popup, 'Done');
    await popup.waitForSelector('::-p-text(is kept and will be sent when it is back)');
    assert.ok(odoo.table('mail.activity').some((a) => a.id === 1), 'not done in Odoo yet');
    odoo.up();
    await reopenPopup(); // a popup sends what waits as it opens
    await waitFor(() => !odoo.table('mail.activity').some((a) => a.id === 1), 'the kept write reaching Odoo');
    assert.ok(chatter('crm.lead', 1).some((b) => b.includes('Discuss the layout')));
  });

  it('Kanban: a card toggle queues a call in Odoo and Next Activities shows it at once; toggling again removes it', async () => {
    await reopenPopup();
    await tab('Next Activities');
    assert.ok(!(await rows()).some((r) => r.includes('Ready Mat')));
    const board = await browser.newPage();
    await board.setViewport({ width: 1280, height: 760 });
    await board.goto(`${odoo.url}/kanban-fixture/index.html?version=17`);
    await board.bringToFront();
    // The extension's scripts, registered for this Odoo's origin when it was connected. Cards are
    // re-rendered by the web client at will: the toggle is looked up afresh each time.
    const toggleOf = (name) =>
      board.waitForFunction(
        (n) => [...document.querySelectorAll('div[role="article"].o_kanban_record')]
          .find((c) => c.textContent.includes(n))
          ?.querySelector('.o_field_kanban_activity + button[data-voip-kanban-toggle]'),
        { timeout: 15_000 },
        name,
      );
    let toggle = await toggleOf('Distributor Contract');
    assert.equal(await toggle.evaluate((b) => b.title), 'Add to Call Queue');
    await toggle.click();
    await board.waitForFunction(() => document.querySelector('[data-voip-kanban-toggle][title="Remove from Call Queue"][data-voip-toggle-for="3"]'), { timeout: 10_000 });
    const queued = odoo.table('mail.activity').filter((a) => a.res_model === 'crm.lead' && a.res_id === 3 && a.user_id === 2);
    assert.equal(queued.length, 1, 'a call activity for me on the lead');
    // The open widget follows without being reopened.
    await waitFor(async () => (await rows()).some((r) => r.includes('Ready Mat')), 'Next Activities updated');
    await board.bringToFront();
    toggle = await toggleOf('Distributor Contract');
    await toggle.click();
    await board.waitForFunction(() => document.querySelector('[data-voip-kanban-toggle][title="Add to Call Queue"][data-voip-toggle-for="3"]'), { timeout: 10_000 });
    assert.equal(odoo.table('mail.activity').filter((a) => a.res_model === 'crm.lead' && a.res_id === 3 && a.user_id === 2).length, 0);
    await waitFor(async () => !(await rows()).some((r) => r.includes('Ready Mat')), 'Next Activities updated again');
    await board.screenshot({ path: 'tests/artifacts/odoo-kanban-extension.png' });
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

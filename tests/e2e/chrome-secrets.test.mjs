// The VoIP secret and the Odoo API key never reach a log or a content script: a whole session
// (debug logging on, an account saved, Odoo connected with an API key, a call made, Odoo data
// read, a web page with numbers visited) with every console line of every extension context
// captured, and the content script's own view of extension storage read from its isolated world:
// its click-to-call settings only, not the account, the SIP identity or the Odoo connection.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startStaticServer } from '../lab/http.mjs';
import { startOdoo } from '../odoo/server.mjs';
import { ROOT, launchWithExtension, openExtensionPage, serviceWorker } from './support/chrome.mjs';
import { startLabSession } from './support/lab-session.mjs';
import { press, saveAccount, waitForCallState, waitForRegistration } from './support/ui.mjs';

const API_KEY = 'key-admin';
let session;
let odoo;
let server;
let browser;
let extensionId;
let sipSecret;
/** Every console line of every page, worker and the offscreen document, with where it came from. */
const lines = [];

function capture(target) {
  const listen = (emitter) => emitter?.on('console', (m) => lines.push(`${target.url()}: ${m.text()}`));
  if (['page', 'background_page', 'other'].includes(target.type())) {
    // asPage() also reaches the offscreen document (a background page, not a tab).
    void target.asPage().then(listen).catch(() => {});
  } else if (target.type() === 'service_worker' || target.type() === 'worker') {
    void target.worker().then(listen).catch(() => {});
  }
}

before(async () => {
  session = await startLabSession();
  odoo = await startOdoo({ version: 18 });
  server = await startStaticServer(path.join(ROOT, 'tests/fixtures'));
  ({ browser, extensionId } = await launchWithExtension());
  for (const t of browser.targets()) capture(t);
  browser.on('targetcreated', capture);
  sipSecret = session.account('1001').password;
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.close();
  await odoo?.close();
  await session?.stop();
});

describe('secrets stay out of logs and content scripts', () => {
  it('a full session with debug logging leaks neither the VoIP secret nor the Odoo API key', async () => {
    const ada = await session.remote(browser, '1002', { autoAnswer: true });
    const options = await openExtensionPage(browser, extensionId, 'options.html');
    await options.waitForSelector('#debug');
    if (!(await options.$eval('#debug', (el) => el.checked))) await options.click('#debug');
    await saveAccount(options, { wsUrl: session.lab.wsUrl, domain: session.lab.domain, username: '1001', secret: sipSecret });

    // Odoo with an API key.
    await options.click('#odoo-mode-apiKey');
    await options.type('#odoo-url', odoo.url);
    await options.type('#odoo-db', odoo.db);
    await options.type('#odoo-login', 'admin');
    await options.type('#odoo-key', API_KEY);
    await press(options, 'Connect');
    await options.waitForSelector('[data-odoo-connected]', { timeout: 10_000 });

    // A call, with Odoo's data in the widget (contacts, caller ID, the call log).
    const popup = await openExtensionPage(browser, extensionId, 'popup.html');
    await waitForRegistration(popup, 'registered');
    await press(popup, 'Contacts', 'tab');
    await popup.waitForSelector('#tab-panel[data-loaded="true"] li');
    const since = await ada.evaluate(() => remote.lastSeq);
    await press(popup, 'Keypad');
    await popup.type('#dial-number', '1002');
    await press(popup, 'Call');
    await ada.evaluate((s) => remote.waitForEvent('established', { since: s }), since);
    await waitForCallState(popup, 'established');
    await press(popup, 'Hang up');

    // A web page with numbers: the content script runs, resolves and marks them.
    const page = await browser.newPage();
    const cdp = await page.createCDPSession();
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    await page.goto(`${server.url}click-to-call/supplier-footer.html`);
    await page.bringToFront();
    await page.waitForSelector('[data-voip-number]', { timeout: 10_000 });
    const ours = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`);
    assert.ok(ours, 'the content script runs in its isolated world');
    // What our content script could read of the extension's storage, from its own world.
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId: ours.id,
      expression: 'Promise.all([chrome.storage.local.get(null), chrome.storage.session?.get(null).catch((e) => String(e))]).then((r) => JSON.stringify(r))',
      awaitPromise: true,
      returnByValue: true,
    });
    const seenByContentScript = String(result.value);
    const [local] = JSON.parse(seenByContentScript);
    assert.ok(!seenByContentScript.includes(sipSecret), 'no VoIP secret in what a content script can read');
    assert.ok(!seenByContentScript.includes(API_KEY), 'no Odoo API key in what a content script can read');
    // Of storage.local it reads its own settings only: click-to-call, the language choice and the
    // strings it shows (lib/i18n/content-strings.ts); not the account, the SIP identity or the
    // Odoo connection (they are in the extension origin's IndexedDB).
    const own = new Set(['clickToCall', 'language', 'contentStrings']);
    assert.deepEqual(Object.keys(local).filter((k) => !own.has(k)), [], `storage.local holds only the content scripts' own keys: ${seenByContentScript}`);
    for (const word of [session.lab.wsUrl, '"username"', '"wsUrl"', '"instanceId"', '"contactName"', odoo.url, '"login"']) {
      assert.ok(!seenByContentScript.includes(word), `${word} is not in what a content script can read`);
    }
    // Its IndexedDB is the page's: the extension's vault is not among its databases.
    const dbs = await cdp.send('Runtime.evaluate', {
      contextId: ours.id,
      expression: 'indexedDB.databases().then((d) => JSON.stringify(d.map((x) => x.name)))',
      awaitPromise: true,
      returnByValue: true,
    });
    assert.ok(!String(dbs.result.value).includes('softphone'), `the content script sees no vault: ${dbs.result.value}`);
    // The extension itself still reads them: the phone registered above from the account and the
    // identity, and the widget listed Odoo's contacts from the stored connection.

    // Debug logging was on: the phone host logged SIP traffic. Neither secret is in any line.
    await new Promise((r) => setTimeout(r, 500));
    const worker = await serviceWorker(browser);
    assert.ok(worker);
    assert.ok(lines.length > 0, 'console lines were captured');
    assert.ok(lines.some((l) => /REGISTER|INVITE/.test(l)), `the SIP traffic was logged (debug on): ${lines.length} lines`);
    const leaks = lines.filter((l) => l.includes(sipSecret) || l.includes(API_KEY));
    assert.deepEqual(leaks, []);
  });
});

// Click-to-call in the built Chrome extension: the fixture corpus marked in a real browser
// (scripts, shadow roots and frames included), call buttons and tel: links dialling through the
// lab Kamailio to a remote phone, a hostile page that cannot start a call, and a site turned off
// from the popup.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startStaticServer } from '../lab/http.mjs';
import { seriousViolations } from './support/axe.mjs';
import { ROOT, evaluateInContentScript, launchWithExtension, openExtensionPage, serviceWorker } from './support/chrome.mjs';
import { startLabSession } from './support/lab-session.mjs';
import { press, pressThatCloses, saveAccount, waitForRegistration } from './support/ui.mjs';

const FIXTURES = path.join(ROOT, 'tests/fixtures');
const CORPUS = path.join(FIXTURES, 'click-to-call');

let session;
let server;
let browser;
let extensionId;
let options;
let ada;
let country = '';

/** Every mark's number in document order, through open shadow roots. */
const deepMarks = () => {
  const out = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.hasAttribute('data-voip-number')) out.push(el.getAttribute('data-voip-number'));
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return out;
};

/** Waits until the marks stop changing (the page may still be adding numbers). */
async function settledMarks(frame, quietMs = 900, maxMs = 8_000) {
  const start = Date.now();
  let last = JSON.stringify(await frame.evaluate(deepMarks));
  let since = Date.now();
  while (Date.now() - start < maxMs) {
    await new Promise((r) => setTimeout(r, 150));
    const now = JSON.stringify(await frame.evaluate(deepMarks));
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) break;
  }
  return JSON.parse(last);
}

async function useCountry(code) {
  if (code === country) return;
  await saveAccount(options, { ...session.settingsFor('1001'), defaultCountry: code });
  country = code;
}

async function openPage(url) {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.bringToFront();
  return page;
}

async function inviteAtAda(action, ms = 10_000) {
  const since = await ada.evaluate(() => remote.lastSeq);
  await action();
  return ada.evaluate((s, t) => remote.waitForEvent('invite', { since: s, timeoutMs: t }), since, ms);
}

async function invitesAtAdaSince(since) {
  return ada.evaluate((s) => remote.events.filter((e) => e.seq > s && e.type === 'invite').length, since);
}

/** The extension's confirmation window for a page's call, once open and in front. */
async function confirmWindow() {
  const target = await browser.waitForTarget((t) => t.url().includes('/confirm-call.html?id='), { timeout: 10_000 });
  const page = await target.asPage();
  await page.waitForSelector('[data-confirm-number]');
  await page.bringToFront();
  return page;
}

async function hangUpAtAda() {
  await ada.evaluate(() => remote.hangupAll());
  await new Promise((r) => setTimeout(r, 500));
}

before(async () => {
  session = await startLabSession();
  server = await startStaticServer(FIXTURES);
  ({ browser, extensionId } = await launchWithExtension());
  ada = await session.remote(browser, '1002');
  options = await openExtensionPage(browser, extensionId, 'options.html');
  await useCountry('US');
  const popup = await openExtensionPage(browser, extensionId, 'popup.html');
  await waitForRegistration(popup, 'registered');
  await popup.close();
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.close();
  await session?.stop();
});

describe('Chrome click-to-call', { concurrency: false }, () => {
  it('marks the corpus exactly: precision and recall 1.000 in a real browser', async () => {
    const specs = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.json') && !f.endsWith('-child.json'));
    assert.ok(specs.length > 5, 'the corpus is there');
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const problems = [];
    for (const file of specs) {
      const spec = JSON.parse(fs.readFileSync(path.join(CORPUS, file), 'utf8'));
      await useCountry(spec.defaultCountry);
      const name = file.replace(/\.json$/, '');
      const page = await openPage(`${server.url}click-to-call/${name}.html`);
      const pages = [[name, page.mainFrame(), spec.expected]];
      for (const frame of page.mainFrame().childFrames()) {
        const child = path.basename(new URL(frame.url()).pathname, '.html');
        const childSpec = path.join(CORPUS, `${child}.json`);
        if (fs.existsSync(childSpec)) pages.push([child, frame, JSON.parse(fs.readFileSync(childSpec, 'utf8')).expected]);
      }
      for (const [label, frame, expected] of pages) {
        const found = await settledMarks(frame);
        const left = [...found];
        let hits = 0;
        const lost = [];
        for (const e of expected) {
          const i = left.indexOf(e);
          if (i === -1) lost.push(e);
          else {
            left.splice(i, 1);
            hits++;
          }
        }
        tp += hits;
        fp += left.length;
        fn += lost.length;
        if (left.length || lost.length) problems.push(`${label}: extra ${JSON.stringify(left)} missing ${JSON.stringify(lost)}`);
      }
      await page.close();
    }
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, tp + fn);
    process.stderr.write(`  corpus in Chromium: ${tp} numbers; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\n`);
    assert.deepEqual(problems, []);
    assert.equal(precision.toFixed(3), '1.000');
    assert.equal(recall.toFixed(3), '1.000');
  });

  it('a click on a call button of a site not trusted asks first, in the extension\'s window: Enter calls exactly that number', async () => {
    await useCountry('US');
    const page = await openPage(`${server.url}click-to-call-e2e/dial.html`);
    const host = await page.waitForSelector('#sales [data-voip-number]');
    assert.equal(await host.evaluate((e) => e.getAttribute('data-voip-number')), '+16505550102');
    // The page's text is as it was: the button adds no characters to it.
    assert.equal(await page.$eval('#sales p', (p) => p.textContent), 'Ada Lovelace, account manager: +1 650 555 0102 (Mon–Fri)');
    const since = await ada.evaluate(() => remote.lastSeq);
    await host.click();
    const confirm = await confirmWindow();
    assert.equal(await confirm.$eval('[data-confirm-number]', (e) => e.textContent), '(650) 555-0102');
    assert.match(await confirm.$eval('main', (e) => e.textContent), /Asked by the page on 127\.0\.0\.1/);
    assert.equal(await confirm.evaluate(() => document.activeElement?.textContent), 'Call', 'Call has the focus');
    assert.deepEqual(await seriousViolations(confirm), [], 'the confirmation passes axe');
    await confirm.screenshot({ path: 'tests/artifacts/confirm-call.png' });
    await new Promise((r) => setTimeout(r, 1_000));
    assert.equal(await invitesAtAdaSince(since), 0, 'nothing is dialled before the user says yes');
    await pressThatCloses(confirm, 'Enter');
    const invite = await ada.evaluate((s) => remote.waitForEvent('invite', { since: s, timeoutMs: 10_000 }), since);
    assert.match(JSON.stringify(invite), /1002|6505550102/);
    await hangUpAtAda();
    assert.equal(await invitesAtAdaSince(since), 1, 'exactly one call');
    await page.close();
  });

  it('Escape in the confirmation places no call; "Always call without asking" makes the next call from the site direct', async () => {
    const page = await openPage(`${server.url}click-to-call-e2e/dial.html`);
    const host = await page.waitForSelector('#sales [data-voip-number]');
    const since = await ada.evaluate(() => remote.lastSeq);
    await host.click();
    let confirm = await confirmWindow();
    await pressThatCloses(confirm, 'Escape');
    await new Promise((r) => setTimeout(r, 1_500));
    assert.equal(await invitesAtAdaSince(since), 0, 'cancelled: no call');
    await page.bringToFront();
    await host.click();
    confirm = await confirmWindow();
    await confirm.click('#trust');
    await pressThatCloses(confirm, 'Enter');
    await ada.evaluate((s) => remote.waitForEvent('invite', { since: s, timeoutMs: 10_000 }), since);
    await hangUpAtAda();
    await page.close();
  });

  it('a tel: link dials through the softphone; a broken one says Incorrect Number', async () => {
    const page = await openPage(`${server.url}click-to-call-e2e/dial.html`);
    await page.waitForSelector('#sales [data-voip-number]');
    await inviteAtAda(() => page.click('#tel'));
    assert.equal(page.url(), `${server.url}click-to-call-e2e/dial.html`, 'the page did not navigate');
    await hangUpAtAda();
    await page.click('#bad-tel');
    const sw = await serviceWorker(browser);
    const notice = await sw.evaluate(() => new Promise((resolve) => {
      const check = () => chrome.notifications.getAll((all) => {
        const id = Object.keys(all).find((k) => k.startsWith('error:'));
        return id ? resolve(id) : setTimeout(check, 100);
      });
      check();
    }));
    assert.ok(notice);
    await page.close();
  });

  it('a hostile page cannot start a call: synthetic clicks, forged attributes, messages', async () => {
    const since = await ada.evaluate(() => remote.lastSeq);
    // The site is not trusted: a request that got through would open a confirmation, not call.
    const confirmations = () => browser.targets().filter((t) => t.url().includes('/confirm-call.html')).length;
    const before = confirmations();
    const page = await openPage(`${server.url}click-to-call-e2e/hostile.html`);
    await page.waitForFunction(() => window.attempts > 0, { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 2_000));
    const events = await ada.evaluate((s) => remote.events.filter((e) => e.seq > s).map((e) => e.type), since);
    assert.deepEqual(events.filter((t) => t === 'invite'), []);
    assert.equal(confirmations(), before, 'no confirmation opened either');
    await page.close();
  });

  it('a webmail message in an about:srcdoc or about:blank frame gets its buttons, under the switches of the mail site', async () => {
    const page = await openPage(`${server.url}click-to-call-e2e/webmail.html`);
    const frameMarks = () => Promise.all(page.frames().filter((f) => f !== page.mainFrame()).map((f) => f.evaluate(() =>
      [...document.querySelectorAll('[data-voip-number]')].map((e) => e.getAttribute('data-voip-number')))));
    await page.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => f.contentDocument?.querySelector('[data-voip-number]')), { timeout: 10_000 });
    assert.deepEqual((await frameMarks()).flat().sort(), ['+16505550103', '+16505550104']);
    // The frames follow the mail site's switch: turned off there, their buttons go.
    const sw = await serviceWorker(browser);
    const stored = await sw.evaluate(() => chrome.storage.local.get('clickToCall').then((r) => r.clickToCall));
    await sw.evaluate((c) => chrome.storage.local.set({ clickToCall: { ...c, disabledSites: ['127.0.0.1'] } }), stored ?? { enabled: true, disabledSites: [], trustedSites: [] });
    await page.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => !f.contentDocument?.querySelector('[data-voip-number]')), { timeout: 5_000 });
    await sw.evaluate((c) => chrome.storage.local.set({ clickToCall: c }), stored ?? { enabled: true, disabledSites: [], trustedSites: [] });
    await page.close();
  });

  it('"Disable on this site" in the popup takes the buttons away; the settings turn it back on', async () => {
    const page = await openPage(`${server.url}click-to-call-e2e/dial.html`);
    await page.waitForSelector('#sales [data-voip-number]');
    // What the background answers this page's content script, over the real messaging: it keeps
    // the settings in memory, and must see each change.
    const askResolve = () =>
      evaluateInContentScript(page, extensionId, `chrome.runtime.sendMessage({ type: 'cs:resolve', items: [{ number: '+1 650 555 0102', ext: '' }] })`);
    assert.deepEqual(await askResolve(), { ok: true, value: [{ e164: '+16505550102', display: '+1 650 555 0102' }] });
    const sw = await serviceWorker(browser);
    const opened = browser.waitForTarget((t) => t.url().endsWith('/popup.html'), { timeout: 10_000 });
    await sw.evaluate(() => chrome.action.openPopup());
    const popup = await (await opened).asPage();
    await popup.waitForSelector('[data-site="127.0.0.1"][data-active="true"]');
    await press(popup, 'Disable on this site');
    await page.waitForFunction(() => document.querySelectorAll('[data-voip-number]').length === 0, { timeout: 5_000 });
    assert.equal(await page.$eval('#sales p', (p) => p.textContent), 'Ada Lovelace, account manager: +1 650 555 0102 (Mon–Fri)');
    assert.deepEqual(await askResolve(), { ok: false, error: 'Click-to-call is off on this site.' });
    await options.bringToFront();
    await options.reload();
    await press(options, 'Turn back on for 127.0.0.1');
    await page.waitForSelector('#sales [data-voip-number]', { timeout: 5_000 });
    assert.equal((await askResolve()).ok, true);
    await page.close();
  });
});

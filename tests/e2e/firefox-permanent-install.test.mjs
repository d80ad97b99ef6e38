// A permanent install in Firefox ESR, as a user's signed add-on would be (README, Install): the
// built extension packed as an XPI and put in the profile's extensions/ folder under its gecko id,
// never the remote protocol's temporary install (gone at every restart). Unsigned on ESR with
// `xpinstall.signatures.required` off stands in for addons.mozilla.org's signature. Firefox is
// started, the account saved and a call made; then Firefox is closed and started again on the same
// profile: with no page open the phone registers at the lab PBX, and the account, Recent and the
// page settings are still there. Build first: `npx wxt build -b firefox`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { launchChromium } from '../lab/browser.mjs';
import { startStaticServer } from '../lab/http.mjs';
import { FIREFOX_BUILD, GECKO_ID, closeFirefox, launchFirefox, openExtensionPage, waitForExtensionPage, withTimeout } from './support/firefox.mjs';
import { startLabSession } from './support/lab-session.mjs';
import { dialFromPopup, listRows, press, saveAccount, selectTab, waitForCallState, waitForIdle, waitForRegistration, waitUntil } from './support/ui.mjs';

/** An unsigned build installs permanently only with signatures off (ESR honours it; release Firefox does not). */
const PERMANENT_PREFS = { 'xpinstall.signatures.required': false, 'extensions.autoDisableScopes': 0, 'extensions.enabledScopes': 15 };

let session;
let chromium;
let remote1002;
let server;
let profile;
/** @type {import('puppeteer-core').Browser | undefined} */
let firefox;

/** The unpacked build as an XPI (a zip with manifest.json at its root). */
async function packXpi(dir, file) {
  const zip = new JSZip();
  for (const name of fs.readdirSync(dir, { recursive: true })) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isFile()) zip.file(name.split(path.sep).join('/'), fs.readFileSync(full));
  }
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

before(async () => {
  session = await startLabSession();
  chromium = await launchChromium();
  remote1002 = await session.remote(chromium, '1002', { autoAnswer: true });
  server = await startStaticServer(path.join(import.meta.dirname, '../fixtures'));
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'softphone-firefox-profile-'));
  fs.mkdirSync(path.join(profile, 'extensions'));
  await packXpi(FIREFOX_BUILD, path.join(profile, 'extensions', `${GECKO_ID}.xpi`));
}, { timeout: 90_000 });

after(async () => {
  await closeFirefox(firefox);
  if (chromium) await withTimeout(chromium.close(), 15_000, 'closing Chromium').catch(() => chromium.process()?.kill('SIGKILL'));
  await server?.close();
  await session?.stop();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
}, { timeout: 60_000 });

describe('Firefox ESR, permanent install across a restart', { concurrency: false }, () => {
  it('installs from the profile (not temporarily), the account is saved and a call made', { timeout: 90_000 }, async () => {
    firefox = await launchFirefox({ userDataDir: profile, prefs: PERMANENT_PREFS });
    try {
      await setUp();
    } finally {
      await closeFirefox(firefox);
      firefox = undefined;
    }
  });

  /** The first start: what a user does once after installing. */
  async function setUp() {
    const mic = await waitForExtensionPage(firefox, 'mic-permission.html', { timeout: 30_000 });
    const self = await mic.evaluate(() => globalThis.browser.management.getSelf().then((s) => ({ id: s.id, installType: s.installType })));
    // From the profile's folder Firefox says 'sideload' (from addons.mozilla.org, 'normal'); a
    // temporary add-on says 'development'.
    assert.deepEqual(self, { id: GECKO_ID, installType: 'sideload' }, 'a permanent add-on, not a temporary one');
    const options = await openExtensionPage(firefox, mic, 'options.html');
    assert.deepEqual(await saveAccount(options, session.settingsFor('1001', { displayName: 'Jane Seller' })), []);
    await options.evaluate(() =>
      globalThis.browser.storage.local.set({ clickToCall: { enabled: true, disabledSites: [], trustedSites: ['127.0.0.1'] } }),
    );
    const popup = await openExtensionPage(firefox, mic, 'popup.html');
    await waitForRegistration(popup, 'registered');
    const since = await remote1002.evaluate(() => remote.lastSeq);
    await dialFromPopup(popup, '1002');
    await remote1002.evaluate((s) => remote.waitForEvent('established', { since: s, timeoutMs: 15_000 }), since);
    await waitForCallState(popup, 'established');
    await press(popup, 'Hang up');
    await waitForIdle(popup);
  }

  it('started again on the same profile: registers with no page open, keeps the account, Recent and page settings', { timeout: 90_000 }, async () => {
    const before = await session.lab.registrations('1001');
    firefox = await launchFirefox({ userDataDir: profile, prefs: PERMANENT_PREFS });
    // Registered by the background page alone: a new REGISTER dialog (new Call-ID) at the PBX.
    await waitUntil(async () => (await session.lab.registrations('1001')).some((r) => !before.some((b) => b.callId === r.callId)), 'registered again at the PBX', 20_000);
    const pages = await Promise.all((await firefox.pages()).map((p) => p.evaluate(() => location.href).catch(() => '')));
    assert.ok(!pages.some((h) => h.startsWith('moz-extension://')), `no extension page open: ${pages.join(', ')}`);
    // The add-on is there too for pages: a number on a trusted page calls at once and shows the call.
    const page = await firefox.newPage();
    await page.goto(`${server.url}click-to-call-e2e/dial.html`);
    const host = await page.waitForSelector('#sales [data-voip-number]', { timeout: 15_000 });
    const since = await remote1002.evaluate(() => remote.lastSeq);
    await host.click();
    await remote1002.evaluate((s) => remote.waitForEvent('established', { since: s, timeoutMs: 15_000 }), since);
    const win = await waitForExtensionPage(firefox, 'popup.html', { search: '?popout=1' });
    await waitForCallState(win, 'established');
    assert.match(await win.$eval('[role="status"]', (e) => e.textContent), /ext\. 1001/);
    await press(win, 'Hang up');
    await waitForIdle(win);
    await selectTab(win, 'Recent');
    const recent = await listRows(win);
    // Newest first: the page call, then the call made before the restart.
    assert.equal(recent.length, 2, JSON.stringify(recent));
    assert.match(recent[0], /^\(650\) 555-0102 .*\d{1,2}:\d\d/);
    assert.match(recent[1], /^1002 .*\d{1,2}:\d\d/);
  });
});

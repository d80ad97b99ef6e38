// `npm start`: builds the Chrome extension, starts the lab PBX (Kamailio on 127.0.0.1) with
// two answering remote phones, and opens Chromium with the extension set up as account 1001.
// Headed when there is a display, headless otherwise. Runs until Ctrl-C.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { launchChromium } from '../tests/lab/browser.mjs';
import { startLab } from '../tests/lab/kamailio.mjs';
import { ensurePackages } from '../tests/lab/prereqs.mjs';
import { openRemotePhone, startRemotePhoneServer } from '../tests/lab/remote-phone.mjs';
import { CHROME_BUILD, ROOT, launchWithExtension, openExtensionPage } from '../tests/e2e/support/chrome.mjs';
import { connectInSettings, logInBrowser } from '../tests/e2e/support/odoo.mjs';
import { saveAccount, waitForRegistration } from '../tests/e2e/support/ui.mjs';
import { startOdoo } from '../tests/odoo/server.mjs';

const headless = !process.env.DISPLAY;
ensurePackages(['chromium', 'kamailio', 'kamailio-websocket-modules', 'kamailio-presence-modules']);
console.log('Building the extension…');
execSync('npx wxt build', { cwd: ROOT, stdio: 'ignore', env: { ...process.env, SOFTPHONE_LAB_ORIGINS: 'http://127.0.0.1/*' } });

const lab = await startLab({ maxLifetimeMs: 12 * 3600_000 });
const phones = await startRemotePhoneServer();
const farEnds = await launchChromium();
const account = (user) => lab.accounts.find((a) => a.user === user);
const remote = (user, autoAnswer) =>
  openRemotePhone(farEnds, phones.url, { wsUrl: lab.wsUrl, domain: lab.domain, user, password: account(user).password, autoAnswer });
await remote('1002', true);
await remote('1003', true);
const caller = await remote('1004', false);

const { browser, extensionId } = await launchWithExtension({ headless, extDir: CHROME_BUILD });
const options = await openExtensionPage(browser, extensionId, 'options.html');
await saveAccount(options, {
  wsUrl: lab.wsUrl, domain: lab.domain, username: '1001', secret: account('1001').password, displayName: 'Lab User',
});
const setupPopup = await openExtensionPage(browser, extensionId, 'popup.html');
await waitForRegistration(setupPopup, 'registered', 20_000);

// The Odoo test double (Odoo 18, demo data, its CRM board), logged in and connected, so the
// widget shows Odoo's data and the board shows the call-queue toggles.
const odoo = await startOdoo({ version: 18 });
await logInBrowser(browser, odoo);
const odooSaid = await connectInSettings(options, odoo.url);
// A popup lives only while it is open; "shot" opens its own (see below).
await setupPopup.close();

console.log(`
Softphone lab is running (Ctrl-C to stop).
  PBX        Kamailio ${lab.wsUrl}  domain ${lab.domain}
  You        1001 / ${account('1001').password}  (the extension, already set up)
  Far ends   1002 and 1003 answer by themselves; 1004 calls you when you type "ring" below
  Browser    Chromium ${headless ? 'headless (no display): a screenshot is written on "shot"' : 'with the extension; click its toolbar icon'}
  Popup      chrome-extension://${extensionId}/popup.html
  Odoo       test double ${odoo.url} (admin / admin): ${odooSaid}
             CRM board with the toggles: ${odoo.url}/odoo/crm?version=18
Commands: ring · shot · quit`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await browser.close().catch(() => {});
  await farEnds.close().catch(() => {});
  await phones.close();
  await odoo.close();
  await lab.stop();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

if (process.stdin.isTTY || process.env.SOFTPHONE_START_STDIN) {
  const rl = readline.createInterface({ input: process.stdin });
  rl.on('line', (line) => void command(line.trim()).catch((e) => console.error(`"${line.trim()}" failed: ${e.message}`)));
  rl.on('close', stop);
}

async function command(cmd) {
  if (cmd === 'ring') {
    await caller.evaluate(() => void remote.call('1001').catch(() => {}));
    console.log('1004 is calling you.');
  } else if (cmd === 'shot') {
    console.log(`Popup screenshot: ${await shot()}`);
  } else if (cmd === 'quit') {
    await stop();
  }
}

/**
 * What a click on the toolbar icon would show now: a popup opened afresh, as the real one is each
 * time (it reads the phone's state and the connected data provider when it opens), in front at
 * popup size. A page kept from start-up shows what it read then, and Chrome paints no tab that is
 * not in front: its screenshot is an old frame, or waits for one until puppeteer gives up.
 */
async function shot() {
  const file = path.join(ROOT, 'tests/artifacts/start-popup.png');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const popup = await openExtensionPage(browser, extensionId, 'popup.html');
  try {
    await popup.setViewport({ width: 380, height: 620 });
    // Shown once the phone's state is in: a call screen, an error, or the widget's list loaded.
    await popup.waitForSelector('[data-call-state], .incoming, [data-error], #tab-panel[data-loaded="true"]', { timeout: 10_000 });
    await popup.screenshot({ path: file });
  } finally {
    await popup.close();
  }
  return file;
}

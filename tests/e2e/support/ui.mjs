// What a user does in the extension's pages, as puppeteer steps. Works for the Chromium and
// the Firefox builds alike (the pages are the same).

/**
 * Fills and saves the options form like a user would.
 * @param {import('puppeteer-core').Page} page the options page
 * @param {{ wsUrl: string, domain: string, username: string, secret: string, displayName?: string,
 *   authorizationUser?: string, defaultCountry?: string, callWaiting?: boolean }} account
 */
export async function saveAccount(page, account) {
  await page.waitForSelector('#wsUrl');
  for (const key of ['wsUrl', 'domain', 'username', 'authorizationUser', 'displayName', 'secret']) {
    const value = account[key];
    if (value === undefined) continue;
    await page.$eval(`#${key}`, (el) => {
      el.value = '';
    });
    await page.type(`#${key}`, value);
  }
  if (account.defaultCountry) await page.select('#defaultCountry', account.defaultCountry);
  if (account.callWaiting !== undefined) {
    const checked = await page.$eval('#callWaiting', (el) => el.checked);
    if (checked !== account.callWaiting) await page.click('#callWaiting');
  }
  await page.bringToFront();
  await page.click('button[type="submit"]');
  await page.waitForSelector('form[data-save-state="saved"], form[data-save-state="invalid"]', { timeout: 10_000 });
  return page.$$eval('.field-error', (els) => els.map((e) => e.textContent?.trim()));
}

/** Waits until the popup's status line says `registration` (e.g. 'registered'). */
export async function waitForRegistration(popup, registration, timeout = 15_000) {
  await popup.waitForSelector(`[data-registration="${registration}"]`, { timeout });
}

/** The text of the visible error panel with that code, once it shows. */
export async function errorText(popup, code, timeout = 15_000) {
  const el = await popup.waitForSelector(`[data-error="${code}"]`, { timeout });
  return el.evaluate((e) => e.textContent?.replace(/\s+/g, ' ').trim() ?? '');
}

/** Opens the dialer if needed, types a number and presses Call. */
export async function dialFromPopup(popup, number) {
  await popup.bringToFront();
  await popup.waitForSelector('#dial-number, #search');
  if (!(await popup.$('#dial-number'))) await press(popup, 'Keypad');
  await popup.waitForSelector('#dial-number');
  await popup.$eval('#dial-number', (el) => {
    el.value = '';
  });
  await popup.type('#dial-number', number);
  await press(popup, 'Call');
}

/** Waits until no call is shown: the widget (search) or the dialer is back. */
export async function waitForIdle(popup, timeout = 15_000) {
  await popup.waitForSelector('#search, #dial-number', { timeout });
}

/**
 * Clicks a control found by its accessible name: aria-label, else its visible text (axe checks
 * elsewhere that the two agree). Done in the DOM: Chromium's accessibility-tree query can lag
 * behind a page whose DOM changes quickly.
 */
export async function press(page, name, role = 'button') {
  await page.bringToFront();
  const handle = await page.waitForFunction(
    (wanted, wantedRole) => {
      const text = (node) =>
        node.nodeType === Node.TEXT_NODE
          ? node.textContent
          : node.nodeType === Node.ELEMENT_NODE && node.getAttribute('aria-hidden') !== 'true'
            ? [...node.childNodes].map(text).join('')
            : '';
      const candidates = document.querySelectorAll(wantedRole === 'tab' ? '[role="tab"]' : 'button, [role="button"], a[href]');
      for (const el of candidates) {
        // Read as heard: without the invisible marks that keep numbers left to right.
        const label = (el.getAttribute('aria-label') ?? text(el)).replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
        const visible = el.getClientRects().length > 0 && !el.disabled;
        if (visible && label === wanted) return el;
      }
      return null;
    },
    { timeout: 10_000 },
    name,
    role,
  );
  await handle.asElement().click();
}

export async function callState(popup) {
  return popup.$eval('[data-call-state]', (el) => el.getAttribute('data-call-state')).catch(() => null);
}

export async function waitForCallState(popup, state, timeout = 15_000) {
  await popup.waitForSelector(`[data-call-state="${state}"]`, { timeout });
}

/** Opens the widget (popup.html) in a tab at popup size and waits until the phone is registered. */
export async function openWidget(browser, extensionId) {
  const { openExtensionPage } = await import('./chrome.mjs');
  const popup = await openExtensionPage(browser, extensionId, 'popup.html');
  await popup.setViewport({ width: 380, height: 620 });
  await waitForRegistration(popup, 'registered');
  return popup;
}

/** Selects a widget tab by name and waits until its list is loaded. */
export async function selectTab(popup, name) {
  await popup.bringToFront();
  // By its label, whatever count badge it carries ("Recent" with "1 missed call").
  const tab = await popup.waitForFunction(
    (wanted) => [...document.querySelectorAll('[role="tab"]')].find((t) => t.firstChild?.textContent.trim() === wanted),
    { timeout: 10_000 },
    name,
  );
  await tab.asElement().click();
  await popup.waitForSelector(`[role="tab"][aria-selected="true"]::-p-text(${name})`);
  await popup.waitForSelector('#tab-panel[data-loaded="true"]');
}

/** The rows of the widget's active list, as their visible text. */
export async function listRows(popup) {
  // As read: the invisible marks that keep a number left to right (U+2066–U+2069) are left out.
  return popup.$$eval('#tab-panel li', (els) => els.map((e) => e.textContent.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim()));
}

/** Opens the details of the first row of the active list that shows `text`. */
export async function openRow(popup, text) {
  const rows = await listRows(popup);
  const index = rows.findIndex((r) => r.includes(text));
  if (index < 0) throw new Error(`no row with "${text}" in ${JSON.stringify(rows)}`);
  const buttons = await popup.$$('#tab-panel li button.open');
  await buttons[index].click();
  await popup.waitForSelector('#details-name');
}

/** Polls `check` every 100 ms until it returns something truthy, and returns that; fails after `ms`. */
export async function waitUntil(check, what, ms = 10_000) {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what} (${ms} ms)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The phone host's state, read the way the popup reads it (Chromium pages). */
export function phoneState(page) {
  return page.evaluate(() => chrome.runtime.sendMessage({ type: 'phone:getState' }).then((r) => r.value));
}

/** The id of the call in progress in the phone host; fails when there is none. */
export async function liveCallId(page) {
  const call = (await phoneState(page)).calls.find((c) => c.state !== 'ended');
  if (!call) throw new Error('no live call in the phone host');
  return call.id;
}

/** Closes the widget tab (if any) and opens a fresh one, registered. */
export async function reopenWidget(old, browser, extensionId) {
  await old?.close().catch(() => {});
  return openWidget(browser, extensionId);
}

/**
 * Fills and saves the settings' Network (NAT traversal) form; returns its field errors.
 * @param {import('puppeteer-core').Page} page the options page
 * @param {{ stunUrls?: string, turnUrls?: string, turnUsername?: string, turnCredential?: string, relayOnly?: boolean }} network
 */
export async function saveNetwork(page, network) {
  await page.bringToFront();
  await page.waitForSelector('#net-turnUrls');
  for (const key of ['stunUrls', 'turnUrls', 'turnUsername', 'turnCredential']) {
    const value = network[key];
    if (value === undefined) continue;
    // Cleared as a user would (select all, delete), so the form hears it.
    await page.$eval(`#net-${key}`, (el) => {
      el.value = '';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    if (value !== '') await page.type(`#net-${key}`, value);
  }
  if (network.relayOnly !== undefined) {
    const checked = await page.$eval('#net-relayOnly', (el) => el.checked);
    if (checked !== network.relayOnly) await page.click('#net-relayOnly');
  }
  await page.bringToFront();
  await page.$eval('form.network', (f) => f.removeAttribute('data-save-state'));
  await page.click('form.network button[type="submit"]');
  await page.waitForSelector('form.network[data-save-state="saved"], form.network[data-save-state="invalid"]', { timeout: 10_000 });
  return page.$$eval('form.network .field-error[id]', (els) => els.map((e) => e.textContent?.trim()));
}

/** Presses `key` in a window that closes on it (a confirmation): the key-up may find it gone. */
export async function pressThatCloses(page, key) {
  await page.keyboard.press(key).catch((e) => {
    if (!/Target closed|Session closed|detached/i.test(String(e?.message))) throw e;
  });
}

/**
 * Adds a contact in the settings page as a user does (Add contact, its fields, Save contact) and
 * waits for it in the saved list. The form already open (after an earlier one) is used as it is.
 */
export async function addContact(options, { name, company = '', phone, email = '' }) {
  if (!(await options.$('#c-name'))) await press(options, 'Add contact');
  for (const [id, value] of [['#c-name', name], ['#c-company', company], ['#c-email', email], ['#c-phone-0', phone]]) {
    if (value) await options.type(id, value);
  }
  await press(options, 'Save contact');
  await options.waitForSelector(`[aria-label="Saved contacts"] li::-p-text(${name})`);
}

/** Transfer → the colleague's number → Talk to them first: the call in front waits on hold meanwhile. */
export async function talkFirstWith(popup, colleague) {
  await press(popup, 'Transfer');
  await popup.type('#transfer-target', colleague);
  await press(popup, 'Talk to them first');
}

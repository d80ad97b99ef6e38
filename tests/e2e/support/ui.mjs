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

/** Types a number in the popup and presses Call. */
export async function dialFromPopup(popup, number) {
  await popup.waitForSelector('#number');
  await popup.$eval('#number', (el) => {
    el.value = '';
  });
  await popup.type('#number', number);
  await popup.bringToFront();
  await popup.click('button[aria-label="Call"]');
}

/** Clicks a button by its accessible name. */
/** Clicks a button found by its accessible name (what a screen reader announces). */
export async function press(page, name) {
  await page.bringToFront();
  const button = await page.waitForSelector(`::-p-aria([name="${name}"][role="button"])`, { timeout: 10_000 });
  await button.click();
}

export async function callState(popup) {
  return popup.$eval('[data-call-state]', (el) => el.getAttribute('data-call-state')).catch(() => null);
}

export async function waitForCallState(popup, state, timeout = 15_000) {
  await popup.waitForSelector(`[data-call-state="${state}"]`, { timeout });
}

// Steps with the Odoo test double that e2e tests and benchmarks share: the browser logged in to
// Odoo (its session cookie), and Odoo connected in the extension's settings.
import { press } from './ui.mjs';

/** Logs the browser in to the double as `login`, as the user did before connecting the softphone. */
export async function logInBrowser(browser, odoo, login = 'admin') {
  const res = await fetch(`${odoo.url}/web/session/authenticate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { db: odoo.db, login, password: login } }),
  });
  const sid = /session_id=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!sid) throw new Error('the Odoo double set no session cookie');
  await browser.setCookie({ name: 'session_id', value: sid, domain: '127.0.0.1', path: '/', httpOnly: true, sameSite: 'Lax' });
}

/** Types `url` in the settings' Odoo section and presses Connect; resolves to what the page says. */
export async function connectInSettings(options, url) {
  await options.bringToFront();
  await options.waitForSelector('#odoo-url');
  await options.$eval('#odoo-url', (el) => {
    el.value = '';
  });
  await options.type('#odoo-url', url);
  const before = await options.$eval('form.odoo', (f) => Number(f.dataset.attempts));
  await press(options, 'Connect');
  await options.waitForFunction((n) => Number(document.querySelector('form.odoo')?.dataset.attempts) > n, { timeout: 10_000 }, before);
  return options.$eval('form.odoo', (f) =>
    (f.querySelector('[data-odoo-connected], [data-odoo-failure], .field-error')?.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/**
 * The call-queue toggle the extension drew on the Kanban card that shows `name`, looked up afresh
 * (the web client re-renders cards at will).
 * @param {import('puppeteer-core').Page} board
 */
export function kanbanToggle(board, name) {
  return board.waitForFunction(
    (n) => [...document.querySelectorAll('.o_kanban_record')]
      .find((c) => c.textContent.includes(n))
      ?.querySelector('.o_field_kanban_activity + button[data-voip-kanban-toggle]'),
    { timeout: 15_000 },
    name,
  );
}

// Benchmark of the widget on Odoo: Next Activities and Contacts, first page, in the real toolbar
// popup, with the Odoo test double holding 50,000 more partners and 5,000 of my call activities,
// beside the same popup on the demo-sized database (the baseline), in the same run; and the JSON-RPC
// round trips each open makes (batched reads: a fixed number, whatever the number of rows).
import { startOdoo } from '../odoo/server.mjs';
import { bulkSeed } from '../odoo/bulk.mjs';
import { launchWithExtension, openExtensionPage } from '../e2e/support/chrome.mjs';
import { connectInSettings, logInBrowser } from '../e2e/support/odoo.mjs';
import { median, openTimes, p90 } from './widget.mjs';

async function measure(browser, worker, options, odoo, rounds) {
  await logInBrowser(browser, odoo);
  const said = await connectInSettings(options, odoo.url);
  if (!said.startsWith('Connected')) throw new Error(`could not connect the bench Odoo: ${said}`);
  const out = {};
  for (const tab of ['activities', 'contacts']) {
    await openTimes(browser, worker, options, tab, 1); // first open: the code and the connection warm up
    const before = odoo.calls.length;
    const times = await openTimes(browser, worker, options, tab, rounds);
    const calls = odoo.calls.slice(before);
    const serverMs = calls.reduce((sum, c) => sum + (c.ms ?? 0), 0) / rounds;
    out[tab] = { interactive: median(times.map((t) => t.interactive)), p90: p90(times.map((t) => t.interactive)), roundTrips: calls.length / rounds, serverMs };
  }
  return out;
}

export async function benchOdoo({ rounds = 7, partners = 50_000, activities = 5_000 } = {}) {
  const step = (what) => process.stderr.write(`  ${what}…\n`);
  step(`starting the Odoo double with ${partners.toLocaleString('en')} more partners and ${activities.toLocaleString('en')} activities`);
  const small = await startOdoo({ version: 17 });
  const big = await startOdoo({ version: 17, extend: bulkSeed({ partners, activities }) });
  const { browser, extensionId, workerTarget } = await launchWithExtension({ protocolTimeout: 600_000 });
  try {
    const worker = await workerTarget.worker();
    const options = await openExtensionPage(browser, extensionId, 'options.html');
    step('popup on the demo database');
    const baseline = await measure(browser, worker, options, small, rounds);
    step('popup on the large database');
    const large = await measure(browser, worker, options, big, rounds);
    const bigTotals = {
      partners: big.table('res.partner').length,
      activities: big.table('mail.activity').filter((a) => a.user_id === 2 && a.activity_category === 'phonecall').length,
    };
    return { rounds, baseline, large, bigTotals };
  } finally {
    await browser.close().catch(() => {});
    await small.close();
    await big.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchOdoo({ rounds: Number(process.env.ROUNDS ?? 7) }), null, 1));
}

// Benchmark: click → INVITE on the wire, and click → Established, for the extension (popup
// click, through background and offscreen host) beside a bare SIP.js page calling through the
// same Kamailio and the same WebSocket tap, in the same run; then a page's call button, confirmed
// and on a trusted site (page-calls.mjs), in the same browser and through the same tap.
import { launchWithExtension, openExtensionPage } from '../e2e/support/chrome.mjs';
import { startLabSession } from '../e2e/support/lab-session.mjs';
import { press, saveAccount, waitForRegistration } from '../e2e/support/ui.mjs';
import { startWsTap } from '../lab/ws-tap.mjs';
import { benchPageCalls } from './page-calls.mjs';
import { timedPopupCall, waitForInvite } from './popup-call.mjs';
import { median, p90 } from './stats.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const WARMUP = 2;

export async function benchCallSetup() {
  const session = await startLabSession();
  const tap = await startWsTap(session.lab.wsUrl);
  const { browser, extensionId } = await launchWithExtension();
  try {
    await session.remote(browser, '1002', { autoAnswer: true });
    const bare = await session.remote(browser, '1003', { wsUrl: tap.url });
    const options = await openExtensionPage(browser, extensionId, 'options.html');
    await saveAccount(options, {
      wsUrl: tap.url, domain: session.lab.domain, username: '1001', secret: session.account('1001').password,
    });
    const popup = await openExtensionPage(browser, extensionId, 'popup.html');
    await waitForRegistration(popup, 'registered');
    await press(popup, 'Keypad');
    const ext = { invite: [], established: [], first: null };
    const base = { invite: [], established: [], first: null };
    const known = new Set();

    for (let round = 0; round < ROUNDS + WARMUP; round++) {
      // Extension: a real click on Call in the popup.
      const e = await timedPopupCall(popup, tap, '1002', known);
      if (round === 0) ext.first = e;
      if (round >= WARMUP) {
        ext.invite.push(e.invite);
        ext.established.push(e.established);
      }

      // Baseline: the bare SIP.js page starts the same call.
      const r = await bare.evaluate(async () => {
        const t0 = performance.timeOrigin + performance.now();
        const c = await remote.call('1002');
        const t1 = performance.timeOrigin + performance.now();
        await remote.hangup(c.call);
        return { t0, t1 };
      });
      const [bid, binv] = await waitForInvite(tap, '1003', known);
      known.add(bid);
      if (round === 0) base.first = { invite: binv.at - r.t0, established: r.t1 - r.t0 };
      if (round >= WARMUP) {
        base.invite.push(binv.at - r.t0);
        base.established.push(r.t1 - r.t0);
      }
      await new Promise((res) => setTimeout(res, 150));
    }
    const page = await benchPageCalls({ browser, popup, tap, known, rounds: ROUNDS, warmup: WARMUP });
    return { rounds: ROUNDS, ext, base, page, summary: { median, p90 } };
  } finally {
    await browser.close().catch(() => {});
    await tap.close();
    await session.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { ext, page } = await benchCallSetup();
  const m = (xs) => median(xs).toFixed(1);
  console.log({ popupInvite: m(ext.invite), shown: m(page.shown), confirmed: m(page.confirmed), trusted: m(page.trusted), ratio: (median(page.trusted) / median(ext.invite)).toFixed(2) });
}

// Soak: 100 calls in a row through the real popup and Kamailio, half outgoing (answered by the far
// end), half incoming (answered in the popup), each talked over for a moment and hung up. Checks
// that every call is in the history and that the PBX holds one registration, and reports the
// phone host's JavaScript heap growth beside the far end's (a bare SIP.js page that took part in
// the same 100 calls), both after a forced garbage collection.
import { launchWithExtension, offscreenPage, openExtensionPage } from '../e2e/support/chrome.mjs';
import { startLabSession } from '../e2e/support/lab-session.mjs';
import { dialFromPopup, press, saveAccount, waitForCallState, waitForIdle, waitForRegistration } from '../e2e/support/ui.mjs';

const CALLS = Number(process.env.SOAK_CALLS ?? 100);
const WARMUP = 5;
const TALK_MS = 300;

/** Used JS heap of a page after a full garbage collection, in bytes. */
async function heapAfterGc(page) {
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

/** Rows in the history store of the extension's IndexedDB, read from an extension page. */
function historyCount(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('softphone-data');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('history').objectStore('history').count();
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
        };
      }),
  );
}

async function oneCall(popup, far, outgoing) {
  const since = await far.evaluate(() => remote.lastSeq);
  if (outgoing) {
    await dialFromPopup(popup, '1002');
  } else {
    await far.evaluate(() => {
      void remote.call('1001').catch(() => {});
    });
    await popup.waitForSelector('section[aria-label="Incoming call"]', { timeout: 10_000 });
    await press(popup, 'Answer');
  }
  await waitForCallState(popup, 'established');
  await far.evaluate((s) => remote.waitForEvent('established', { since: s }), since);
  await new Promise((r) => setTimeout(r, TALK_MS));
  if (outgoing) await press(popup, 'Hang up');
  else await far.evaluate(() => remote.hangupAll());
  await far.evaluate((s) => remote.waitForEvent('terminated', { since: s }), since);
  await waitForIdle(popup);
  if (await popup.$('#dial-number')) await press(popup, 'Back');
}

export async function benchSoak() {
  const session = await startLabSession();
  const { browser, extensionId } = await launchWithExtension();
  try {
    const far = await session.remote(browser, '1002', { autoAnswer: true });
    const options = await openExtensionPage(browser, extensionId, 'options.html');
    await saveAccount(options, session.settingsFor('1001'));
    await options.close();
    const popup = await openExtensionPage(browser, extensionId, 'popup.html');
    await popup.setViewport({ width: 380, height: 620 });
    await waitForRegistration(popup, 'registered');
    const host = await offscreenPage(browser);

    for (let i = 0; i < WARMUP; i++) await oneCall(popup, far, i % 2 === 0);
    const hostBefore = await heapAfterGc(host);
    const farBefore = await heapAfterGc(far);
    const historyBefore = await historyCount(popup);
    const started = Date.now();
    for (let i = 0; i < CALLS; i++) await oneCall(popup, far, i % 2 === 0);
    const seconds = (Date.now() - started) / 1000;
    // Let the last history write land before counting.
    await new Promise((r) => setTimeout(r, 500));
    const historyAfter = await historyCount(popup);
    const hostAfter = await heapAfterGc(host);
    const farAfter = await heapAfterGc(far);
    const registrations = await session.lab.registrations('1001');
    return {
      calls: CALLS,
      seconds,
      recorded: historyAfter - historyBefore,
      registrations: registrations.length,
      host: { before: hostBefore, after: hostAfter },
      far: { before: farBefore, after: farAfter },
    };
  } finally {
    await browser.close().catch(() => {});
    await session.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchSoak();
  console.log(JSON.stringify(r, null, 2));
}

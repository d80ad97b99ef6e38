// The phone lab: one lab session (Kamailio and the remote-phone server), the built extension
// signed in as 1001, the far ends a test file talks to, and the widget open. One place for the
// setup that the lines, transfer and Odoo e2e files share (Chromium), and for the Firefox build
// (Firefox ESR with the extension; the far ends in a Chromium beside it).
import { launchWithExtension, openExtensionPage } from './chrome.mjs';
import { launchFirefoxBesideChromium, openExtensionPage as openFirefoxPage, waitForExtensionPage } from './firefox.mjs';
import { startLabSession } from './lab-session.mjs';
import { press, reopenWidget, saveAccount, waitForIdle, waitForRegistration } from './ui.mjs';

/**
 * @typedef {object} PhoneLabOptions
 * @property {Record<string, object>} [farEnds] remote phones to open, by user, with their options
 *   (e.g. `{ '1002': { autoAnswer: true }, '1004': {} }`)
 * @property {Record<string, unknown>} [account] more options-form values for 1001 (displayName, callWaiting …)
 * @property {boolean} [widget] open the widget once the account is saved (default true)
 */

/**
 * The far ends' side of a test: their event log and their RTP.
 * @param {Record<string, import('puppeteer-core').Page>} remotes
 */
export function farEndHelpers(remotes) {
  const helpers = {
    /** The far end's last event number: what happens from now on comes after it. */
    since: (user) => remotes[user].evaluate(() => remote.lastSeq),
    /** The far end's first `type` event after `from` (matching `where`). */
    waitFor: (user, type, from, where = {}) =>
      remotes[user].evaluate((t, s, w) => remote.waitForEvent(t, { since: s, where: w, timeoutMs: 15_000 }), type, from, where),
    /** RTP keeps flowing both ways on a far end's call. */
    async talking(user, call) {
      const first = await remotes[user].evaluate((id) => remote.stats(id), call);
      await new Promise((r) => setTimeout(r, 1000));
      const later = await remotes[user].evaluate((id) => remote.stats(id), call);
      return later.packetsReceived > first.packetsReceived && later.packetsSent > first.packetsSent;
    },
    /** Every far end hangs up whatever it still has on, and `page` shows no call. */
    async endAllCalls(page) {
      await Promise.all(Object.values(remotes).map((r) => r.evaluate(() => remote.hangupAll())));
      await waitForIdle(page);
    },
  };
  return helpers;
}

/** Runs `start` with a list of clean-ups; if it fails, runs them (latest first) and rethrows. */
async function withCleanup(start) {
  const cleanups = [];
  const stop = async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
  };
  try {
    return { ...(await start(cleanups)), stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

async function openFarEnds(session, browser, farEnds) {
  const remotes = {};
  for (const [user, opts] of Object.entries(farEnds)) remotes[user] = await session.remote(browser, user, opts);
  return remotes;
}

/**
 * Chromium with the built extension, signed in as 1001 against a fresh lab.
 * @param {PhoneLabOptions} [opts]
 */
export function startPhoneLab(opts = {}) {
  const { farEnds = {}, account = {}, widget = true } = opts;
  return withCleanup(async (cleanups) => {
    const session = await startLabSession();
    cleanups.push(() => session.stop());
    const { browser, extensionId } = await launchWithExtension();
    cleanups.push(() => browser.close());
    const remotes = await openFarEnds(session, browser, farEnds);
    const options = await openExtensionPage(browser, extensionId, 'options.html');
    await saveAccount(options, session.settingsFor('1001', account));
    const popup = widget ? await reopenWidget(null, browser, extensionId) : null;
    return { session, browser, extensionId, options, popup, remotes, ...farEndHelpers(remotes) };
  });
}

/**
 * Firefox ESR with the built extension (the background page is the phone host; calls take the
 * microphone in the widget window), signed in as 1001 against a fresh lab; the far ends in a
 * headless Chromium. `popup` is the widget in a tab.
 * @param {PhoneLabOptions & { firefox?: Parameters<typeof launchFirefoxBesideChromium>[0] }} [opts]
 */
export function startFirefoxPhoneLab(opts = {}) {
  const { farEnds = {}, account = {}, widget = true } = opts;
  return withCleanup(async (cleanups) => {
    const session = await startLabSession();
    cleanups.push(() => session.stop());
    const { firefox, chromium, close } = await launchFirefoxBesideChromium(opts.firefox);
    cleanups.push(close);
    const remotes = await openFarEnds(session, chromium, farEnds);
    // The add-on opens its microphone page on install: allowed there, as a user does first.
    const mic = await waitForExtensionPage(firefox, 'mic-permission.html');
    await mic.bringToFront();
    await press(mic, 'Allow microphone');
    await mic.waitForSelector('[role="status"]::-p-text(Microphone allowed)', { timeout: 10_000 });
    const options = await openFirefoxPage(firefox, mic, 'options.html');
    await mic.close();
    await saveAccount(options, session.settingsFor('1001', account));
    let popup = null;
    if (widget) {
      popup = await openFirefoxPage(firefox, options, 'popup.html');
      await popup.setViewport({ width: 380, height: 620 });
      await waitForRegistration(popup, 'registered');
    }
    return { session, firefox, chromium, options, popup, remotes, ...farEndHelpers(remotes) };
  });
}

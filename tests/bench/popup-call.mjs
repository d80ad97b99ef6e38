// One call timed from a real click on Call in the popup: click → INVITE on the wire (seen by the
// WebSocket tap) and click → Established shown. The popup must show the dialer; the call is hung
// up from the popup afterwards.

/** The first INVITE on the tap from `from` that is not in `known`. */
export async function waitForInvite(tap, from, known) {
  for (let i = 0; i < 500; i++) {
    for (const [id, inv] of tap.invites) if (inv.from === from && !known.has(id)) return [id, inv];
    await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error(`no INVITE from ${from} on the wire`);
}

/**
 * @param {import('puppeteer-core').Page} popup @param {{invites: Map<string, {from: string, at: number}>}} tap
 * @param {string} number @param {Set<string>} known INVITEs already counted (this one is added)
 * @param {{before?: () => Promise<void>}} [opts] run while the call is up, before hanging up
 */
export async function timedPopupCall(popup, tap, number, known, opts = {}) {
  await popup.bringToFront();
  await popup.waitForSelector('#dial-number');
  await popup.$eval('#dial-number', (el) => {
    el.value = '';
  });
  await popup.type('#dial-number', number);
  await popup.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.benchT0 = 0;
    w.benchEstablished = new Promise((resolve) => {
      const obs = new MutationObserver(() => {
        if (document.querySelector('[data-call-state="established"]')) {
          obs.disconnect();
          resolve(performance.timeOrigin + performance.now());
        }
      });
      obs.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    document.querySelector('button[aria-label="Call"]').addEventListener(
      'click',
      () => {
        w.benchT0 = performance.timeOrigin + performance.now();
      },
      { capture: true, once: true },
    );
  });
  await popup.click('button[aria-label="Call"]');
  const established = await popup.evaluate(() => /** @type {any} */ (window).benchEstablished);
  const t0 = await popup.evaluate(() => /** @type {any} */ (window).benchT0);
  const [id, inv] = await waitForInvite(tap, '1001', known);
  known.add(id);
  await opts.before?.();
  await popup.click('button[aria-label="Hang up"]');
  await popup.waitForSelector('#dial-number');
  return { invite: inv.at - t0, established: established - t0 };
}

// A browser-wide Chrome trace over the DevTools protocol, without attaching to any page (a
// debugger attached to the page under study could change how it is scheduled). Marks taken with
// `mark()` are clock-sync events in the trace, so a window measured in Node can be cut out of it.

/**
 * @param {import('puppeteer-core').Browser} browser
 * @param {string[]} categories
 */
export async function startTrace(browser, categories) {
  const cdp = await browser.target().createCDPSession();
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { recordMode: 'recordUntilFull', includedCategories: categories, excludedCategories: ['*'] },
  });
  let marks = 0;
  return {
    /** Puts a mark in the trace; returns its id for `markTs`. */
    async mark() {
      const id = `bench-mark-${++marks}`;
      await cdp.send('Tracing.recordClockSyncMarker', { syncId: id });
      return id;
    },
    /** Ends the trace; resolves with its events and whether the browser dropped any. */
    async stop() {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      const { stream, dataLossOccurred } = /** @type {any} */ (await done);
      let text = '';
      for (;;) {
        const chunk = await cdp.send('IO.read', { handle: stream });
        text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
        if (chunk.eof) break;
      }
      await cdp.send('IO.close', { handle: stream });
      await cdp.detach();
      const parsed = JSON.parse(text);
      /** @type {any[]} */
      const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
      return { events, dataLost: Boolean(dataLossOccurred) };
    },
  };
}

/** The trace time (µs) of a mark. */
export function markTs(events, id) {
  const e = events.find((x) => x.name === 'clock_sync' && x.args?.sync_id === id);
  if (!e) throw new Error(`mark ${id} not in the trace`);
  return e.ts;
}

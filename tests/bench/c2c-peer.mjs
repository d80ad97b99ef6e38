// The click-to-call benchmark's peer: RingCentral's detector (npm `ringcentral-c2d`, its UMD build
// exposing `RingCentralC2D`), run as a page script in a Chromium without our extension, on the same
// pages as ours. Its bundle is put in as a page script at DOMContentLoaded (it adds its styles to
// the head as it loads); its load time is reported apart, not counted as its work. Its default set-up is used (`new RingCentralC2D()`: a RangeObserver over
// document.body with its libphonenumber matcher, started at DOMContentLoaded), with the matcher's
// country set to the page's default country before its first pass (which it delays by 1 s).
//
// Its main-thread work is every slice of its code: the constructor, then each timer, animation
// frame, idle and MutationObserver callback it schedules (the page has no other script). Its
// matches are read from its observer's own map of them, once its queue is empty.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../e2e/support/chrome.mjs';

const PEER_BUILD = path.join(ROOT, 'node_modules/ringcentral-c2d/build/index.js');

/** The script run before the page's own: time the peer's slices, load it, start it at DOMContentLoaded. */
function preamble(country) {
  const src = fs.readFileSync(PEER_BUILD, 'utf8');
  return `(() => {
  const peer = { slices: [], evalMs: 0, tasks: [], started: false };
  window.__peer = peer;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) peer.tasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  const timed = (fn) => function (...a) { const t = performance.now(); try { return fn.apply(this, a); } finally { peer.slices.push(performance.now() - t); } };
  for (const name of ['setTimeout', 'requestAnimationFrame', 'requestIdleCallback']) {
    const real = window[name].bind(window);
    window[name] = (fn, ...rest) => real(typeof fn === 'function' ? timed(fn) : fn, ...rest);
  }
  const RealMO = window.MutationObserver;
  window.MutationObserver = class extends RealMO { constructor(cb) { super(timed(cb)); } };
  document.addEventListener('DOMContentLoaded', () => {
    // Its bundle puts its styles in the head as it loads: it goes in once the head is there.
    const script = document.createElement('script');
    script.textContent = ${JSON.stringify(src)};
    const t = performance.now();
    document.head.append(script);
    peer.evalMs = performance.now() - t;
    const t0 = performance.now();
    peer.c2d = new RingCentralC2D();
    peer.c2d._observer._props.matcher._props.countryCode = ${JSON.stringify(country)};
    peer.slices.push(performance.now() - t0);
    peer.started = true;
  });
})();`;
}

/** True once the peer has run its first pass and has nothing queued. */
const peerIdle = () => {
  const p = window.__peer;
  if (!p?.started || p.slices.length < 2) return false;
  const o = p.c2d._observer;
  return o._nodeQueue.length() === 0 && o._nodeConsumer.current.length === 0 && o._nodeConsumer._timer === undefined;
};

/**
 * Loads `url` in `browser` (no extension) with the peer; returns its main-thread work, its longest
 * slice, the page's long tasks, and the numbers it found in text (its tel: link matches left out:
 * those are links, which both products handle as links).
 */
export async function runPeer(browser, url, country) {
  const tab = await browser.newPage();
  try {
    await tab.evaluateOnNewDocument(preamble(country));
    await tab.goto(url, { waitUntil: 'domcontentloaded' });
    await tab.waitForFunction(peerIdle, { timeout: 120_000, polling: 100 });
    return await tab.evaluate(() => {
      const p = window.__peer;
      const matches = [...p.c2d._observer._observer._matchesMap.values()].flat();
      return {
        workMs: p.slices.reduce((a, b) => a + b, 0),
        longestSliceMs: Math.max(...p.slices),
        longestTaskMs: Math.max(0, ...p.tasks),
        evalMs: p.evalMs,
        found: matches.filter((m) => m.startsNode.nodeType === Node.TEXT_NODE).map((m) => String(m.dataContext.phoneNumber)),
      };
    });
  } finally {
    await tab.close();
  }
}

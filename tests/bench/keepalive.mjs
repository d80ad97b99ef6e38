// What staying reachable costs while idle: Chromium with the built extension registered to the
// lab's Kamailio (the registration the phone asks for, which the lab grants as is), every
// extension page closed, left alone for a window (KEEPALIVE_WINDOW_S, default 360 s: one
// registration refresh falls in it, and it runs past the 5 minutes after which Chrome may
// throttle a hidden page's timers hard).
//  - On the wire: a TCP proxy between the extension and Kamailio reads every WebSocket frame
//    both ways (sizes as sent: frame header, mask, payload); keep-alives (CRLF) apart from SIP.
//  - Wake-ups: a browser-wide trace (no debugger attached to the offscreen document): the
//    timers that fired in the offscreen document (TimerFire), the JavaScript it ran for any
//    reason (timers, WebSocket messages, port messages), and its renderer main thread's tasks.
// The baseline, same run: the registration refreshes (bytes and wake-ups they cost).
// Also runs alone: `node tests/bench/keepalive.mjs` (after `npx wxt build`).
import { launchWithExtension, openExtensionPage } from '../e2e/support/chrome.mjs';
import { startLabSession } from '../e2e/support/lab-session.mjs';
import { saveAccount } from '../e2e/support/ui.mjs';
import { startStallProxy } from '../lab/stall-proxy.mjs';
import { startWsMeter } from '../lab/ws-meter.mjs';
import { markTs, startTrace } from './trace.mjs';

const WINDOW_S = Number(process.env.KEEPALIVE_WINDOW_S ?? 360);
const SETTLE_MS = 5_000;
/** IPv4 (20 B) + TCP with timestamps (32 B): what each frame costs beyond itself, if alone in a segment. */
const TCP_IP_HEADER_BYTES = 52;
const CATEGORIES = ['devtools.timeline', 'toplevel', '__metadata', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack'];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function until(check, timeoutMs, what) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const isRegistered = (f) => f.direction === 'down' && f.kind === 'register' && f.text.startsWith('SIP/2.0 200');

/** Frames of the window, summed by direction and kind. */
function tally(frames) {
  const sum = {};
  for (const f of frames) {
    const key = `${f.kind}:${f.direction}`;
    sum[key] ??= { frames: 0, bytes: 0 };
    sum[key].frames += 1;
    sum[key].bytes += f.bytes;
  }
  const get = (kind, direction) => sum[`${kind}:${direction}`] ?? { frames: 0, bytes: 0 };
  return get;
}

/** What ran in the offscreen document between two trace times (µs). */
function wakeUps(events, frameId, from, to) {
  const inWindow = (e) => e.ts >= from && e.ts <= to;
  const timerFires = events.filter((e) => e.name === 'TimerFire' && e.args?.data?.frame === frameId);
  const pid = timerFires[0]?.pid ?? events.find((e) => e.args?.data?.frame === frameId)?.pid;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain')?.tid;
  const installs = new Map(
    events.filter((e) => e.name === 'TimerInstall' && e.args?.data?.frame === frameId).map((e) => [e.args.data.timerId, e.args.data]),
  );
  /** Timers that fired, by who installed them (the top function of the install's stack). */
  const byTimer = new Map();
  for (const e of timerFires.filter(inWindow)) {
    const install = installs.get(e.args.data.timerId);
    const key = install ? `${install.singleShot ? 'setTimeout' : 'setInterval'} from ${install.stackTrace?.[0]?.functionName || '(anonymous)'}` : 'installed before the trace';
    const entry = byTimer.get(key) ?? { fired: 0, timeouts: new Set() };
    entry.fired += 1;
    if (install) entry.timeouts.add(install.timeout);
    byTimer.set(key, entry);
  }
  const onMain = events.filter((e) => e.pid === pid && e.tid === main && inWindow(e));
  // Top-level JavaScript entries: FunctionCall/EventDispatch/TimerFire that no other one encloses.
  const entries = onMain
    .filter((e) => ['FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'V8.Execute'].includes(e.name) && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  let jsEntries = 0;
  let openUntil = -1;
  for (const e of entries) {
    if (e.ts >= openUntil) jsEntries += 1;
    openUntil = Math.max(openUntil, e.ts + (e.dur ?? 0));
  }
  const tasks = onMain.filter((e) => e.cat?.includes('toplevel') && e.ph === 'X' && /RunTask/.test(e.name)).length;
  return { timers: timerFires.filter(inWindow).length, byTimer, jsEntries, tasks, found: pid !== undefined && main !== undefined };
}

export async function benchKeepalive({ windowS = WINDOW_S } = {}) {
  const session = await startLabSession();
  const meter = startWsMeter();
  const proxy = await startStallProxy(session.lab.wsUrl, { onData: meter.onData });
  const { browser, extensionId } = await launchWithExtension();
  try {
    const trace = await startTrace(browser, CATEGORIES);
    const options = await openExtensionPage(browser, extensionId, 'options.html');
    await saveAccount(options, { ...session.settingsFor('1001'), wsUrl: proxy.url });
    await options.close();
    await until(() => meter.frames.some(isRegistered), 20_000, 'the registration on the wire');
    // The microphone page the extension opens on install is closed too, as a user would.
    for (const page of await browser.pages()) if (page.url().startsWith('chrome-extension://')) await page.close();
    await sleep(500);
    const extensionPages = browser.targets().filter((t) => t.type() === 'page' && t.url().startsWith('chrome-extension://'));
    if (extensionPages.length) throw new Error(`extension pages still open: ${extensionPages.map((t) => t.url()).join(', ')}`);
    const cdp = await browser.target().createCDPSession();
    const { targetInfos } = await cdp.send('Target.getTargets');
    await cdp.detach();
    const offscreen = targetInfos.find((t) => t.url.endsWith('/offscreen.html'));
    if (!offscreen) throw new Error('no offscreen document');
    const openTargets = targetInfos.filter((t) => t.url.startsWith('chrome-extension://')).map((t) => `${t.type} ${new URL(t.url).pathname}`);

    await sleep(SETTLE_MS);
    const startMark = await trace.mark();
    const start = performance.timeOrigin + performance.now();
    await sleep(windowS * 1000);
    const endMark = await trace.mark();
    const end = performance.timeOrigin + performance.now();
    const { events, dataLost } = await trace.stop();
    const seconds = (end - start) / 1000;
    const perHour = 3600 / seconds;

    const inWindow = meter.frames.filter((f) => f.at >= start && f.at <= end);
    const get = tally(inWindow);
    // Each keep-alive, timed from the last thing heard from the PBX before it (the design: 20 s
    // of quiet), and from when the phone registered (Chrome may throttle a page hidden 5 minutes).
    const registeredAt = meter.frames.find(isRegistered)?.at ?? start;
    const pings = inWindow
      .filter((f) => f.kind === 'keepalive' && f.direction === 'up')
      .map((f) => ({
        afterS: (f.at - registeredAt) / 1000,
        quietS: (f.at - Math.max(...meter.frames.filter((g) => g.direction === 'down' && g.at < f.at).map((g) => g.at))) / 1000,
      }));

    // Registration: every REGISTER transaction from the first one (initial registration,
    // challenged) to the end of the window; its refreshes are the baseline.
    const okAt = meter.frames.filter(isRegistered).map((f) => f.at);
    const firstOk = meter.frames.find(isRegistered);
    const granted = Number(/;expires=(\d+)/i.exec(firstOk?.text ?? '')?.[1] ?? /\r\nExpires:\s*(\d+)/i.exec(firstOk?.text ?? '')?.[1] ?? NaN);
    const refreshesInWindow = okAt.filter((t) => t >= start && t <= end).length;
    const initial = meter.frames.filter((f) => f.kind === 'register' && f.at <= okAt[0]);
    const initialBytes = initial.reduce((n, f) => n + f.bytes, 0);
    const refreshGaps = okAt.slice(1).map((t, i) => (t - okAt[i]) / 1000);
    const refreshEveryS = refreshGaps.length ? median(refreshGaps) : 0.99 * granted;
    const registerWindow = { up: get('register', 'up'), down: get('register', 'down') };
    const perRefreshBytes = refreshesInWindow ? (registerWindow.up.bytes + registerWindow.down.bytes) / refreshesInWindow : initialBytes;
    const perRefreshFrames = refreshesInWindow ? (registerWindow.up.frames + registerWindow.down.frames) / refreshesInWindow : initial.length;

    const wake = wakeUps(events, offscreen.targetId, markTs(events, startMark), markTs(events, endMark));
    return {
      seconds,
      perHour,
      openTargets,
      get,
      pings,
      granted,
      refreshesInWindow,
      refreshEveryS,
      refreshMeasured: refreshGaps.length > 0,
      perRefreshBytes,
      perRefreshFrames,
      perRefreshFromWindow: refreshesInWindow > 0,
      refreshesPerHour: 3600 / refreshEveryS,
      wake,
      dataLost,
    };
  } finally {
    await browser.close().catch(() => {});
    await proxy.close();
    await session.stop();
  }
}

/** Prints the figures (npm run bench, or this file run alone). */
export function printKeepalive(k) {
  const h = (n) => (n * k.perHour).toFixed(0).padStart(6);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const up = k.get('keepalive', 'up');
  const down = k.get('keepalive', 'down');
  const regUp = k.get('register', 'up');
  const regDown = k.get('register', 'down');
  const sipUp = k.get('sip', 'up');
  const sipDown = k.get('sip', 'down');
  const ctlUp = k.get('control', 'up');
  const ctlDown = k.get('control', 'down');
  const kaBytesHour = (up.bytes + down.bytes) * k.perHour;
  const regBytesHour = k.perRefreshBytes * k.refreshesPerHour;
  console.log(`\nIdle, registered, every extension page closed: ${k.seconds.toFixed(0)} s on the wire (WebSocket frames as sent) and in a trace; scaled to one hour`);
  console.log(`  open extension contexts: ${k.openTargets.join(', ')}`);
  console.log('                                   phone → PBX              PBX → phone');
  const row = (label, a, b) => console.log(`  ${label.padEnd(32)} ${h(a.frames)} frames ${h(a.bytes)} B   ${h(b.frames)} frames ${h(b.bytes)} B   per hour`);
  row('keep-alive (CRLF ping / pong)', up, down);
  row('registration (REGISTER, 401, 200)', regUp, regDown);
  row('other SIP', sipUp, sipDown);
  row('WebSocket control frames', ctlUp, ctlDown);
  console.log(
    `  baseline, registration refreshes: every ${k.refreshEveryS.toFixed(0)} s (${k.refreshMeasured ? 'measured' : `99 % of the ${k.granted} s granted`}), ` +
      `${k.perRefreshBytes.toFixed(0)} B each (${k.perRefreshFromWindow ? `${k.refreshesInWindow} in the window` : 'the first registration'}): ${kb(regBytesHour)} per hour`,
  );
  console.log(`  keep-alives: ${kb(kaBytesHour)} per hour = ${(kaBytesHour / regBytesHour).toFixed(2)}× the registration refreshes' bytes`);
  const quiet = (ps) => ps.map((p) => p.quietS);
  const stats = (xs) => (xs.length ? `min ${Math.min(...xs).toFixed(1)} s, median ${median(xs).toFixed(1)} s, max ${Math.max(...xs).toFixed(1)} s` : 'none');
  const late = k.pings.filter((p) => p.afterS > 300);
  console.log(`  keep-alive sent after quiet of (design: 20 s): ${k.pings.length} pings, ${stats(quiet(k.pings))}; more than 5 min after registering: ${late.length} pings, ${stats(quiet(late))}`);
  const withHeaders = (f) => f.bytes + f.frames * TCP_IP_HEADER_BYTES;
  const kaIp = (withHeaders(up) + withHeaders(down)) * k.perHour;
  const regIp = (k.perRefreshBytes + k.perRefreshFrames * TCP_IP_HEADER_BYTES) * k.refreshesPerHour;
  console.log(
    `  counting ${TCP_IP_HEADER_BYTES} B of TCP/IPv4 headers per frame (an estimate: one segment each, bare ACKs not counted): ` +
      `keep-alives ${kb(kaIp)}, refreshes ${kb(regIp)} per hour, ${(kaIp / regIp).toFixed(2)}×`,
  );
  const w = k.wake;
  if (!w.found) console.log('  offscreen document not found in the trace: no wake-up figures');
  console.log(
    `  offscreen document wake-ups per hour: ${h(w.timers).trim()} timers fired, ${h(w.jsEntries).trim()} JavaScript entries (timers, WebSocket and port messages), ` +
      `${h(w.tasks).trim()} main-thread tasks${k.dataLost ? ' (the trace lost data: undercounted)' : ''}`,
  );
  for (const [what, { fired, timeouts }] of [...w.byTimer].sort((a, b) => b[1].fired - a[1].fired)) {
    console.log(`    ${what.padEnd(30)} ${h(fired)} per hour   (asked for ${[...timeouts].sort((a, b) => b - a).join(', ')} ms)`);
  }
  console.log(
    `  baseline: ${k.refreshesPerHour.toFixed(1)} registration refreshes per hour; timers fired per refresh ${(w.timers / (k.seconds / k.refreshEveryS)).toFixed(0)}×`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) printKeepalive(await benchKeepalive());

// End-to-end smoke test of the lab: Kamailio + remote phones in headless
// Chromium. Exits 0 on success, 1 with a message on failure.
//
//   node tests/lab/smoke.mjs [--log /tmp/kamailio.log] [--verbose]

import dgram from 'node:dgram';
import { randomBytes } from 'node:crypto';
import { launchChromium } from './browser.mjs';
import { startLab } from './kamailio.mjs';
import { openRemotePhone, startRemotePhoneServer } from './remote-phone.mjs';

const argv = process.argv.slice(2);
const logArg = argv.indexOf('--log');
const LOG = logArg >= 0 ? argv[logArg + 1] : process.env.LAB_LOG;
const VERBOSE = argv.includes('--verbose');
const OVERALL_TIMEOUT_MS = 120000;

/** @typedef {import('puppeteer-core').Page} Page */

/** @type {{name: string, ms: number, note?: string}[]} */
const done = [];
const t0 = Date.now();

/**
 * @template T
 * @param {string} name @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function step(name, fn) {
  const start = Date.now();
  try {
    const r = await fn();
    const ms = Date.now() - start;
    done.push({ name, ms });
    if (VERBOSE) process.stderr.write(`  ok ${name} (${ms} ms)\n`);
    return r;
  } catch (e) {
    throw new Error(`step "${name}" failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

/** @param {unknown} cond @param {string} msg */
function assert(cond, msg) {
  if (!cond) throw new Error(`assertion failed: ${msg}`);
}

/**
 * Runs `fn(remote, arg)` in the page.
 * @param {Page} page @param {string} fnSrc  body of an arrow fn `(r, a) => ...`
 * @param {any} [arg]
 */
function R(page, fnSrc, arg) {
  return page.evaluate(
    (src, a) => new Function('r', 'a', `return (${src})(r, a);`)(/** @type {any} */ (window).remote, a),
    fnSrc,
    arg,
  );
}

/**
 * Polls `get` until `ok(value)` or timeout (for counters that have no event).
 * @template T
 * @param {() => Promise<T>} get @param {(v: T) => boolean} ok @param {number} timeoutMs @param {string} what
 * @returns {Promise<T>}
 */
async function until(get, ok, timeoutMs, what) {
  const end = Date.now() + timeoutMs;
  let v = await get();
  while (!ok(v)) {
    if (Date.now() > end) throw new Error(`timeout after ${timeoutMs} ms: ${what} (last: ${JSON.stringify(v)})`);
    await new Promise((r) => setTimeout(r, 100));
    v = await get();
  }
  return v;
}

/**
 * Sends an out-of-dialog OPTIONS over UDP and returns the status line.
 * @param {number} port @param {string} domain
 */
function optionsPing(port, domain) {
  return new Promise((resolve, reject) => {
    const sock = dgram.createSocket('udp4');
    const timer = setTimeout(() => {
      sock.close();
      reject(new Error('no reply to OPTIONS within 3 s'));
    }, 3000);
    sock.on('message', (buf) => {
      const line = buf.toString('utf8').split('\r\n')[0];
      if (!line.startsWith('SIP/2.0 1')) {
        clearTimeout(timer);
        sock.close();
        resolve(line);
      }
    });
    sock.bind(0, '127.0.0.1', () => {
      const { port: lport } = sock.address();
      const branch = `z9hG4bK${randomBytes(6).toString('hex')}`;
      const msg = [
        `OPTIONS sip:${domain} SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.1:${lport};branch=${branch};rport`,
        'Max-Forwards: 70',
        `From: <sip:smoke@${domain}>;tag=${randomBytes(4).toString('hex')}`,
        `To: <sip:${domain}>`,
        `Call-ID: ${randomBytes(8).toString('hex')}@127.0.0.1`,
        'CSeq: 1 OPTIONS',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n');
      sock.send(msg, port, '127.0.0.1');
    });
  });
}

async function main() {
  /** @type {Awaited<ReturnType<typeof startLab>> | null} */
  let lab = null;
  /** @type {Awaited<ReturnType<typeof startRemotePhoneServer>> | null} */
  let server = null;
  /** @type {import('puppeteer-core').Browser | null} */
  let browser = null;
  /** @type {Record<string, Page>} */
  const pages = {};
  const summary = /** @type {Record<string, any>} */ ({});
  try {
    const theLab = await step('start kamailio lab', () => startLab({ log: LOG }));
    lab = theLab;
    const { wsUrl, domain, accounts } = theLab;
    const pw = Object.fromEntries(accounts.map((a) => [a.user, a.password]));
    summary.wsUrl = wsUrl;

    const ping = await step('OPTIONS keepalive answered', () => optionsPing(theLab.udpPort, domain));
    assert(/^SIP\/2\.0 200/.test(String(ping)), `OPTIONS got "${ping}"`);

    server = await step('build + serve remote phone', () => startRemotePhoneServer());
    browser = await step('launch chromium', () => launchChromium());

    const open = (/** @type {string} */ user, /** @type {boolean} */ autoAnswer) =>
      openRemotePhone(/** @type {any} */ (browser), /** @type {any} */ (server).url, { wsUrl, domain, user, password: pw[user], autoAnswer });

    [pages.p3, pages.p4] = await step('register 1003 and 1004', () => Promise.all([open('1003', false), open('1004', true)]));
    const { p3, p4 } = pages;

    // --- basic call with RTP both ways
    const callInfo = await step('1003 calls 1004 (auto-answer)', () => R(p3, '(r) => r.call("1004")'));
    const inv = await step('1004 saw the INVITE from 1003', () =>
      R(p4, '(r) => r.waitForEvent("invite", { where: { from: "1003" } })'),
    );
    assert(inv.from === '1003', 'invite from 1003');
    await step('1004 established', () => R(p4, '(r, c) => r.waitForEvent("established", { where: { call: c } })', inv.call));

    const rtp = await step('RTP flows both ways', async () => {
      const a0 = await R(p3, '(r) => r.stats()');
      const b0 = await R(p4, '(r) => r.stats()');
      const grew = (/** @type {any} */ s, /** @type {any} */ s0) =>
        s.packetsSent > s0.packetsSent + 10 && s.packetsReceived > s0.packetsReceived + 10 && s.bytesReceived > s0.bytesReceived;
      const a1 = await until(() => R(p3, '(r) => r.stats()'), (s) => grew(s, a0), 8000, '1003 RTP counters growing');
      const b1 = await until(() => R(p4, '(r) => r.stats()'), (s) => grew(s, b0), 8000, '1004 RTP counters growing');
      return { '1003': a1, '1004': b1 };
    });
    summary.rtp = {
      '1003': { sent: rtp['1003'].packetsSent, received: rtp['1003'].packetsReceived },
      '1004': { sent: rtp['1004'].packetsSent, received: rtp['1004'].packetsReceived },
    };

    // --- DTMF by SIP INFO
    const since = await R(p4, '(r) => r.lastSeq');
    await step('1003 sends DTMF 1#5 by SIP INFO', () => R(p3, '(r) => r.sendDtmf("1#5", { via: "info" })'));
    const infoDigits = await step('1004 received the INFO digits', async () => {
      let s = since;
      let digits = '';
      for (let i = 0; i < 3; i++) {
        const ev = await R(p4, '(r, s) => r.waitForEvent("dtmf", { since: s, where: { via: "info" }, timeoutMs: 5000 })', s);
        s = ev.seq;
        digits += ev.digit;
      }
      return digits;
    });
    assert(infoDigits === '1#5', `INFO digits "${infoDigits}" (want "1#5")`);
    summary.dtmfInfo = infoDigits;

    // --- DTMF by RFC 4733 (telephone-event RTP packets), both directions
    const dtmf4733 = async (/** @type {Page} */ from, /** @type {Page} */ to, /** @type {string} */ digits) => {
      let s = await R(to, '(r) => r.lastSeq');
      await R(from, '(r, d) => r.sendDtmf(d, { via: "rfc4733" })', digits);
      let got = '';
      for (let i = 0; i < digits.length; i++) {
        const ev = await R(to, '(r, s) => r.waitForEvent("dtmf", { since: s, where: { via: "rfc4733" }, timeoutMs: 5000 })', s);
        s = ev.seq;
        got += ev.digit;
      }
      return got;
    };
    const d4733a = await step('1003 -> 1004 DTMF 7*0 by RFC 4733', () => dtmf4733(p3, p4, '7*0'));
    assert(d4733a === '7*0', `RFC 4733 digits at 1004: "${d4733a}"`);
    const d4733b = await step('1004 -> 1003 DTMF 9# by RFC 4733', () => dtmf4733(p4, p3, '9#'));
    assert(d4733b === '9#', `RFC 4733 digits at 1003: "${d4733b}"`);
    summary.dtmf4733 = `"${d4733a}" and "${d4733b}"`;

    // --- hold / unhold (in-dialog re-INVITE through the proxy)
    await step('1003 puts 1004 on hold (re-INVITE)', () => R(p3, '(r) => r.hold(true)'));
    const held = await step('1004 saw the hold re-INVITE and is recvonly', async () => {
      const ev = await R(p4, '(r) => r.waitForEvent("reinvite", { where: { sdpDirection: "sendonly" } })');
      const st = await R(p4, '(r) => r.stats()');
      return { ev, direction: st.direction };
    });
    assert(held.direction === 'recvonly', `1004 transceiver direction while held: ${held.direction}`);
    await step('1003 takes 1004 off hold', () => R(p3, '(r) => r.hold(false)'));
    const unheld = await R(p4, '(r) => r.stats()');
    assert(unheld.direction === 'sendrecv', `1004 direction after unhold: ${unheld.direction}`);

    // --- MESSAGE (out of dialog, authenticated, routed by location)
    await step('1003 sends MESSAGE to 1004', () => R(p3, '(r) => r.message("1004", "hello from 1003")'));
    const msg = await step('1004 got the MESSAGE', () => R(p4, '(r) => r.waitForEvent("message")'));
    assert(msg.body === 'hello from 1003' && msg.from === '1003', `MESSAGE ${JSON.stringify(msg)}`);

    // --- error paths of the registrar/proxy
    const notFound = await step('call to unknown 1999 gets 404', () => R(p3, '(r) => r.call("1999").then(() => "connected?!", (e) => e.message)'));
    assert(/\b404\b/.test(notFound), `unknown user: "${notFound}"`);
    const offline = await step('call to unregistered 1001 gets 480', () => R(p3, '(r) => r.call("1001").then(() => "connected?!", (e) => e.message)'));
    assert(/\b480\b/.test(offline), `offline user: "${offline}"`);

    // --- blind transfer: 1003 REFERs 1004 to 1002
    pages.p2 = await step('register 1002', () => open('1002', false));
    const { p2 } = pages;
    const rejected = await step('1002 rejects a call from 1003 with 486', async () => {
      const rej = R(p2, '(r) => r.rejectNext(486)');
      const res = await R(p3, '(r) => r.call("1002").then(() => "connected?!", (e) => e.message)');
      await rej;
      return res;
    });
    assert(/\b486\b/.test(rejected), `rejected call: "${rejected}"`);
    const callOf3 = callInfo.call;
    const since2 = await R(p2, '(r) => r.lastSeq');
    await step('1003 transfers 1004 to 1002 (REFER accepted)', () => R(p3, '(r, c) => r.transfer("1002", { call: c })', callOf3));
    const refer = await step('1004 got the REFER and followed it', async () => {
      const ev = await R(p4, '(r) => r.waitForEvent("refer")');
      await R(p4, '(r) => r.waitForEvent("refer-followed")');
      return ev;
    });
    assert(refer.target === '1002', `Refer-To target ${refer.target}`);
    const ring = await step('1002 rings (INVITE from 1004, Referred-By 1003)', () =>
      R(p2, '(r, s) => r.waitForEvent("invite", { since: s, timeoutMs: 8000 })', since2),
    );
    assert(ring.from === '1004', `1002's caller is ${ring.from}`);
    assert(/1003/.test(ring.referredBy), `Referred-By "${ring.referredBy}"`);
    await step('1002 answers', () => R(p2, '(r) => r.answerNext()'));
    const notify = await step('1003 got NOTIFY 200 and hung up', async () => {
      const n = await R(p3, '(r, c) => r.waitForEvent("refer-notify", { where: { call: c, final: true } })', callOf3);
      await R(p3, '(r, c) => r.waitForEvent("terminated", { where: { call: c } })', callOf3);
      return n;
    });
    assert(notify.status === 200, `NOTIFY sipfrag status ${notify.status}`);
    await step('1004 original call ended by 1003', () =>
      R(p4, '(r, c) => r.waitForEvent("terminated", { where: { call: c, reason: "remote-hangup" } })', inv.call),
    );
    await step('RTP flows 1004 <-> 1002', async () => {
      const ok = (/** @type {any} */ s) => s.packetsSent > 10 && s.packetsReceived > 10;
      await until(() => R(p2, '(r) => r.stats()'), ok, 8000, '1002 RTP');
      await until(() => R(p4, '(r) => r.stats()'), ok, 8000, '1004 RTP');
    });

    // --- wrong password
    const badPage = await step('open an unregistered page', () =>
      openRemotePhone(/** @type {any} */ (browser), /** @type {any} */ (server).url, { user: '1001' }),
    );
    pages.bad = badPage;
    const badReg = await step('wrong password is refused', () =>
      R(badPage, '(r, o) => r.register(o).then(() => "registered?!", (e) => e.message)', { wsUrl, domain, user: '1001', password: 'wrong-password' }),
    );
    assert(/\b(401|403)\b/.test(badReg), `wrong password: "${badReg}"`);
    summary.wrongPassword = badReg;

    // --- hang up
    await step('1004 hangs up, 1002 sees remote hangup', async () => {
      await R(p4, '(r) => r.hangup()');
      await R(p2, '(r) => r.waitForEvent("terminated", { where: { reason: "remote-hangup" } })');
    });
    summary.transfer = '1003 -> REFER -> 1004 -> INVITE -> 1002 (answered, NOTIFY 200)';

    // --- a phone that vanishes (page closed, no un-REGISTER) is offline: 480
    await step('1002 page closed without un-REGISTER', async () => {
      await p2.close();
      delete pages.p2;
    });
    const gone = await step('call to vanished 1002 gets 480', () =>
      R(p4, '(r) => r.call("1002", { timeoutMs: 8000 }).then(() => "connected?!", (e) => e.message)'),
    );
    assert(/\b480\b/.test(gone), `vanished user: "${gone}"`);

    // --- baseline timing of a bare SIP.js call
    summary.bare = await step('bare SIP.js call timing (1003 -> 1004)', () => R(p3, '(r) => r.bareCallTimed("1004", { hangup: true })'));
  } catch (e) {
    // what the phones saw, for the failure report
    for (const [name, p] of Object.entries(pages)) {
      const d = await R(p, '(r) => ({ sip: r.sipLog.slice(-12), events: r.events.slice(-8) })').catch(() => null);
      if (!d) continue;
      process.stderr.write(`--- ${name} last SIP messages:\n${d.sip.map((/** @type {any} */ l) => `  ${l.t} ${l.dir === 'out' ? '>>' : '<<'} ${l.line}`).join('\n')}\n`);
      process.stderr.write(`--- ${name} last events:\n${d.events.map((/** @type {any} */ ev) => `  ${JSON.stringify(ev)}`).join('\n')}\n`);
    }
    throw e;
  } finally {
    const cleanup = async () => {
      for (const p of Object.values(pages)) await R(p, '(r) => r.unregister()').catch(() => {});
      if (browser) await browser.close().catch(() => {});
      if (server) await server.close().catch(() => {});
      if (lab) await lab.stop().catch(() => {});
    };
    await Promise.race([cleanup(), new Promise((r) => setTimeout(r, 10000))]);
  }
  return summary;
}

const timer = setTimeout(() => {
  process.stderr.write(`smoke: FAILED - overall timeout ${OVERALL_TIMEOUT_MS} ms\n`);
  process.exit(1);
}, OVERALL_TIMEOUT_MS);
timer.unref();

main().then(
  (summary) => {
    const total = Date.now() - t0;
    process.stdout.write(`smoke: OK in ${total} ms (${done.length} steps)\n`);
    for (const s of done) process.stdout.write(`  ✓ ${s.name} (${s.ms} ms)\n`);
    process.stdout.write(`  ws: ${summary.wsUrl}\n`);
    process.stdout.write(`  rtp: ${JSON.stringify(summary.rtp)}\n`);
    process.stdout.write(`  dtmf: SIP INFO "${summary.dtmfInfo}", RFC 4733 ${summary.dtmf4733}\n`);
    process.stdout.write(`  transfer: ${summary.transfer}\n`);
    process.stdout.write(`  wrong password: ${summary.wrongPassword}\n`);
    process.stdout.write(`  bare SIP.js call: INVITE sent after ${summary.bare.inviteSentMs} ms, established after ${summary.bare.establishedMs} ms\n`);
    process.exit(0);
  },
  (e) => {
    process.stderr.write(`smoke: FAILED after ${Date.now() - t0} ms\n  ${e instanceof Error ? e.message : String(e)}\n`);
    for (const s of done) process.stderr.write(`  ✓ ${s.name}\n`);
    if (!LOG) process.stderr.write('  (rerun with --log /tmp/kamailio.log --verbose for the PBX log)\n');
    process.exit(1);
  },
);

// `npm run bench`: builds the Chrome extension, then prints each benchmark beside its baseline.
import { execSync } from 'node:child_process';
import { benchCallSetup } from './call-setup.mjs';
import { benchWidget } from './widget.mjs';
import { benchClickToCall } from './click-to-call.mjs';
import { benchOdoo } from './odoo.mjs';
import { benchSoak } from './soak.mjs';
import { benchField } from './field.mjs';
import { median as mid } from './stats.mjs';
import { benchKeepalive, printKeepalive } from './keepalive.mjs';
import { ROOT } from '../e2e/support/chrome.mjs';

const fmt = (n) => `${n.toFixed(1).padStart(7)} ms`;

execSync('npx wxt build', { cwd: ROOT, stdio: 'ignore', env: { ...process.env, SOFTPHONE_LAB_ORIGINS: 'http://127.0.0.1/*' } });
execSync('npx wxt build --mode bench', { cwd: ROOT, stdio: 'ignore', env: { ...process.env, SOFTPHONE_LAB_ORIGINS: 'http://127.0.0.1/*' } });
const { rounds, ext, base, page, summary } = await benchCallSetup();
const { median, p90 } = summary;
console.log(`\nCall setup, ${rounds} calls each, same Kamailio and WebSocket tap, same run`);
console.log('                              extension (popup click)   bare SIP.js page      ratio');
for (const [label, key, target] of [
  ['click → INVITE on the wire', 'invite', 'target < 50 ms'],
  ['click → Established        ', 'established', 'target ≤ 1.1×'],
]) {
  const e = median(ext[key]);
  const b = median(base[key]);
  console.log(`${label}  median ${fmt(e)} p90 ${fmt(p90(ext[key]))}   median ${fmt(b)}   ${(e / b).toFixed(2)}×   (${target})`);
}
const pg = page;
console.log(`A page's call button (a real click after the pointer rests on it), same browser and tap:`);
console.log(`  site not trusted: click → confirmation window's number painted  median ${fmt(median(pg.shown))} p90 ${fmt(p90(pg.shown))}   (target < 150 ms)`);
console.log(`                    Enter in that window → INVITE on the wire     median ${fmt(median(pg.confirmed))} p90 ${fmt(p90(pg.confirmed))}`);
console.log(`  trusted site: click → INVITE on the wire  median ${fmt(median(pg.trusted))} p90 ${fmt(p90(pg.trusted))}   ${(median(pg.trusted) / median(ext.invite)).toFixed(2)}× the popup click   (target ≤ 1.2×)`);
console.log(
  `first call after start (cold microphone): INVITE ${fmt(ext.first.invite)} / Established ${fmt(ext.first.established)}` +
    `   bare: ${fmt(base.first.invite)} / ${fmt(base.first.established)}`,
);

const f = await benchField({ rounds: 10 });
console.log(`\nField lab, the extension's popup click, ${f.rounds} calls each, same run (relay calls' selected pair: ${f.relayPair || 'unknown'})`);
const row = (label, x, baseline, target) =>
  console.log(
    `  ${label.padEnd(40)} INVITE ${fmt(mid(x.invite))}   Established ${fmt(mid(x.established))}` +
      (baseline ? `   ${(mid(x.established) / mid(baseline.established)).toFixed(2)}× (${target})` : '   (baseline)'),
  );
row('host candidates, WebRTC far end', f.host, null);
row('relay only through coturn', f.relay, f.host, 'target ≤ 1.3×');
row('through rtpengine to a baresip desk phone', f.viaGateway, f.host, 'target ≤ 1.3×');

const w = await benchWidget();
const m = w.median;
const at = (xs, key) => xs.map((x) => x[key]);
const open = (label, xs, baseline) =>
  console.log(
    `${label.padEnd(22)} median ${fmt(m(at(xs, 'interactive')))} p90 ${fmt(w.p90(at(xs, 'interactive')))}` +
      `   (script runs at ${fmt(m(at(xs, 'script')))}, DOMContentLoaded ${fmt(m(at(xs, 'dcl')))})` +
      (baseline ? `   ${(m(at(xs, 'interactive')) / m(at(baseline, 'interactive'))).toFixed(2)}× empty   (target < 100 ms)` : '   (baseline)'),
  );
console.log(`\nWidget on the local provider, the real toolbar popup in Chromium (action.openPopup), ${w.rounds} opens each`);
console.log('popup open → first list shown, from the popup\'s navigation start:');
open('  empty data, Contacts', w.openEmpty, null);
console.log('  10,000 contacts / 5,000 calls:');
open('    Contacts', w.openContacts, w.openEmpty);
open('    Recent', w.openRecent, w.openEmpty);
open('    Next Activities', w.openActivities, w.openEmpty);
const k = w.keystrokes.map((x) => x.ms);
const b = w.keystrokes.map((x) => x.baselineMs);
console.log(`search keystroke → results shown, ${w.total.toLocaleString('en')} contacts, ${k.length} keystrokes:`);
console.log(`  popup (IndexedDB index)  median ${fmt(m(k))} p90 ${fmt(w.p90(k))}`);
console.log(`  Array.filter in memory   median ${fmt(m(b))} p90 ${fmt(w.p90(b))}   ratio ${(m(k) / m(b)).toFixed(2)}×   (target < 16 ms)`);

const c = await benchClickToCall({ rounds: 5 });
console.log(`\nClick-to-call in Chromium, generated page of 20,000 text nodes with ${c.numbers.toLocaleString('en')} numbers, median of ${c.rounds} loads`);
console.log(`  scan start → all numbers marked                 ${fmt(c.scanToMarkedMs)}   ${(c.scanToMarkedMs / c.findNumbersMs).toFixed(2)}× findNumbers   (target ratio ≤ 1.0)`);
console.log(`    content script: locate + walk + pre-filter + guards ${fmt(c.walkMs)}   ${(c.walkMs / c.findNumbersMs).toFixed(2)}× findNumbers`);
console.log(`    waiting for the parser (background) after that      ${fmt(c.waitMs)}`);
console.log(`      content script meanwhile: building the buttons as answers come in ${fmt(c.buildMs)}`);
console.log(`    content script: putting the buttons in              ${fmt(c.markMs)}`);
console.log(`  the page's own first frame, DOMContentLoaded → scan start ${fmt(c.firstFrameMs)}`);
console.log(`  all numbers marked, from DOMContentLoaded       ${fmt(c.allMarkedMs)}   ${(c.allMarkedMs / c.findNumbersMs).toFixed(2)}× findNumbers`);
console.log(`  baseline: findNumbers over the same page text   ${fmt(c.findNumbersMs)}   (libphonenumber-js/max, Node, same run)`);
console.log(`  main-thread work of ours (reading + building + putting in) ${fmt(c.workMs)}   peer (RingCentral's ringcentral-c2d, same page, same run) ${fmt(c.peerWorkMs)}   ${(c.workMs / c.peerWorkMs).toFixed(2)}× the peer   (target ≤ 0.5×)`);
console.log(`  longest slice: ours ${fmt(c.longestSliceMs)}, the peer's ${fmt(c.peerLongestSliceMs)} (its page's longest task ${fmt(c.peerLongestTaskMs)}; loading its 1.2 MB bundle, not counted: ${fmt(c.peerLoadMs)})`);
const pr = (x) => `precision ${x.precision.toFixed(3)} recall ${x.recall.toFixed(3)} (${x.tp} right, ${x.fp} wrong, ${x.fn} missed)`;
console.log(`Fixture corpus (${c.corpus.pages} static pages, ${c.corpus.expected} numbers): ours ${pr(c.corpus.ours)}; the peer ${pr(c.corpus.peer)}`);
console.log(`  without the 2 pages that test our opt-out markup: ours ${pr(c.corpus.oursWithoutOptOut)}; the peer ${pr(c.corpus.peerWithoutOptOut)}`);
console.log(`  longest scanner slice ${fmt(c.longestSliceMs)}; main-thread tasks over 50 ms seen by the page's longtask observer (the page's own parsing and first layout included): ${c.longestTaskMs > 0 ? fmt(c.longestTaskMs) : 'none'}   (target < 50 ms for the scanner)`);
console.log(`Same page size with ${c.sparseNumbers} numbers (most pages): scan start → all marked ${fmt(c.sparseScanToMarkedMs)}, ${(c.sparseScanToMarkedMs / c.sparseFindNumbersMs).toFixed(2)}× findNumbers over its text (${fmt(c.sparseFindNumbersMs)}); content script ${fmt(c.sparseWalkMs)} reading + ${fmt(c.sparseMarkMs)} marking`);
console.log(`A number the page adds later → its button is in: ${fmt(c.addedLaterMs)} (target < 500 ms)`);
console.log(`Digit-free page, 20,000 text nodes: first scan ${fmt(c.plainMs)} (target < 2 ms); with the two later shadow-root sweeps ${fmt(c.plainWithSweepsMs)}`);
console.log(`Content script: ${(c.bundleBytes / 1024).toFixed(1)} KB, ${(c.bundleGzipBytes / 1024).toFixed(1)} KB gzipped (target < 40 KB gzipped; the parser and its metadata stay in the background)`);

const o = await benchOdoo({ rounds: 7 });
console.log(`\nWidget on Odoo (the Odoo 17 test double over real JSON-RPC), the real toolbar popup, median of ${o.rounds} opens each`);
console.log(`popup open → first page shown; baseline: the same popup on the demo database, same run`);
console.log(`                     demo database                       ${o.bigTotals.partners.toLocaleString('en')} partners, ${o.bigTotals.activities.toLocaleString('en')} of my call activities`);
for (const [label, key] of [['Next Activities', 'activities'], ['Contacts', 'contacts']]) {
  const b = o.baseline[key];
  const l = o.large[key];
  console.log(
    `  ${label.padEnd(18)} ${fmt(b.interactive)}  ${String(b.roundTrips).padStart(2)} round trips     ` +
      `${fmt(l.interactive)} (p90 ${fmt(l.p90)})  ${String(l.roundTrips).padStart(2)} round trips   ${(l.interactive / b.interactive).toFixed(2)}× demo` +
      `   (the double's own answering: ${fmt(b.serverMs)} / ${fmt(l.serverMs)})`,
  );
}

const s = await benchSoak();
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
const grew = ({ before, after }) => `${mb(before)} → ${mb(after)}, ${after >= before ? '+' : '−'}${mb(Math.abs(after - before))}`;
console.log(`\nSoak: ${s.calls} calls in a row through the popup (half out, half in; answered, talked 0.3 s, hung up), ${s.seconds.toFixed(0)} s`);
console.log(`  in the history: ${s.recorded} of ${s.calls}; registrations for 1001 at the PBX afterwards: ${s.registrations}`);
console.log(`  phone host heap after GC   ${grew(s.host)}   (target growth < 10 MB)`);
console.log(`  baseline, the far end (a bare SIP.js page in the same ${s.calls} calls)   ${grew(s.far)}`);

printKeepalive(await benchKeepalive());

// `npm run bench`: builds the Chrome extension, then prints each benchmark beside its baseline.
import { execSync } from 'node:child_process';
import { benchCallSetup } from './call-setup.mjs';
import { ROOT } from '../e2e/support/chrome.mjs';

const fmt = (n) => `${n.toFixed(1).padStart(7)} ms`;

execSync('npx wxt build', { cwd: ROOT, stdio: 'ignore' });
const { rounds, ext, base, summary } = await benchCallSetup();
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
console.log(
  `first call after start (cold microphone): INVITE ${fmt(ext.first.invite)} / Established ${fmt(ext.first.established)}` +
    `   bare: ${fmt(base.first.invite)} / ${fmt(base.first.established)}`,
);

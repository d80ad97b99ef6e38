// Precision and recall of our click-to-call and of the peer (c2c-peer.mjs) on the fixture corpus
// (tests/fixtures/click-to-call: varied pages with postcodes, dates, VAT numbers, IBANs, order
// numbers, numbers in fields, editable areas, code and pre, and real numbers in many layouts, each
// with its expected numbers as ground truth). The static pages are used (the ones a page script
// can be compared on fairly; frames, shadow roots and late content are in the e2e corpus test).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, openExtensionPage } from '../e2e/support/chrome.mjs';
import { saveAccount } from '../e2e/support/ui.mjs';
import { runPeer } from './c2c-peer.mjs';

const CORPUS = path.join(ROOT, 'tests/fixtures/click-to-call');
const OPT_OUT_PAGES = ['page-opt-out', 'element-opt-out'];

/** True positives, false positives and false negatives of `found` against `expected` (multisets). */
function score(found, expected) {
  const left = [...found];
  let tp = 0;
  for (const e of expected) {
    const i = left.indexOf(e);
    if (i !== -1) {
      left.splice(i, 1);
      tp++;
    }
  }
  return { tp, fp: left.length, fn: expected.length - tp, extra: left, missed: expected.filter((e) => !found.includes(e)) };
}

function total(scores) {
  const sum = (k) => scores.reduce((a, s) => a + s[k], 0);
  const tp = sum('tp');
  return { tp, fp: sum('fp'), fn: sum('fn'), precision: tp / Math.max(1, tp + sum('fp')), recall: tp / Math.max(1, tp + sum('fn')) };
}

/** Our marks once they stop changing. */
async function ourMarks(browser, url) {
  const tab = await browser.newPage();
  try {
    await tab.goto(url, { waitUntil: 'load' });
    const read = () => tab.evaluate(() => [...document.querySelectorAll('[data-voip-number]')].map((b) => b.getAttribute('data-voip-number')));
    let last = JSON.stringify(await read());
    for (let quiet = 0; quiet < 4; ) {
      await new Promise((r) => setTimeout(r, 200));
      const now = JSON.stringify(await read());
      quiet = now === last ? quiet + 1 : 0;
      last = now;
    }
    return JSON.parse(last);
  } finally {
    await tab.close();
  }
}

/**
 * @param {{ extBrowser: any, extensionId: string, peerBrowser: any, baseUrl: string }} at
 *   the browser with our extension, one without it for the peer, and the fixtures' server URL.
 */
export async function corpusScores({ extBrowser, extensionId, peerBrowser, baseUrl }) {
  const specs = fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ name: f.replace(/\.json$/, ''), ...JSON.parse(fs.readFileSync(path.join(CORPUS, f), 'utf8')) }))
    .filter((s) => !s.browserOnly);
  const options = await openExtensionPage(extBrowser, extensionId, 'options.html');
  const ours = [];
  const peer = [];
  let country = '';
  for (const spec of specs) {
    if (spec.defaultCountry !== country) {
      // Any well-formed account will do: only the default country matters to the scanner.
      await saveAccount(options, { wsUrl: 'ws://127.0.0.1:9/ws', domain: 'example.test', username: '1001', secret: 'bench', defaultCountry: spec.defaultCountry });
      country = spec.defaultCountry;
    }
    const url = `${baseUrl}click-to-call/${spec.name}.html`;
    ours.push({ page: spec.name, ...score(await ourMarks(extBrowser, url), spec.expected) });
    peer.push({ page: spec.name, ...score((await runPeer(peerBrowser, url, spec.defaultCountry)).found, spec.expected) });
  }
  await options.close();
  // Two pages test our own opt-out markup, which the peer has no reason to know: also without them.
  const known = (s) => !OPT_OUT_PAGES.includes(s.page);
  return {
    pages: specs.length,
    expected: specs.reduce((a, s) => a + s.expected.length, 0),
    ours: total(ours),
    peer: total(peer),
    oursWithoutOptOut: total(ours.filter(known)),
    peerWithoutOptOut: total(peer.filter(known)),
    oursByPage: ours,
    peerByPage: peer,
  };
}

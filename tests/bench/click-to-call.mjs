// Click-to-call benchmarks in Chromium with the built extension:
//  - a generated page of 20,000 text nodes holding 2,000 phone numbers: time from
//    DOMContentLoaded until every number is marked, the scanner's main-thread time and the
//    longest main-thread task, beside libphonenumber's own findNumbers over the same page text
//    in the same run (the baseline a naive content script would pay);
//  - the peer, RingCentral's detector (c2c-peer.mjs), on the same page in the same run, in a
//    Chromium without our extension: its main-thread work and longest slice beside ours;
//  - a page of 20,000 text nodes without a digit: the content script's main-thread time;
//  - precision and recall of ours and the peer's on the fixture corpus (c2c-corpus.mjs);
//  - the content script's size, gzipped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { findNumbers } from 'libphonenumber-js/max';
import { startStaticServer } from '../lab/http.mjs';
import { CHROME_BUILD, launchWithExtension } from '../e2e/support/chrome.mjs';
import { launchChromium } from '../lab/browser.mjs';
import { corpusScores } from './c2c-corpus.mjs';
import { runPeer } from './c2c-peer.mjs';

const WORDS = ['supplier', 'invoice', 'delivery', 'contact', 'office', 'warehouse', 'quote', 'meeting', 'account', 'order', 'team', 'support'];

/** `paragraphs` paragraphs of `nodesPer` text nodes (words in spans), every `every`-th with a number. */
function page(paragraphs, nodesPer, every) {
  const parts = ['<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body>'];
  let numbers = 0;
  for (let p = 0; p < paragraphs; p++) {
    const spans = [];
    for (let n = 0; n < nodesPer - 1; n++) spans.push(`<span>${WORDS[(p * 7 + n) % WORDS.length]} ${WORDS[(p + n * 3) % WORDS.length]} </span>`);
    if (every > 0 && p % every === 0) {
      const line = String(1000 + (numbers % 9000)).padStart(4, '0');
      spans.push(numbers % 2 ? `call (650) 253-${line}` : `tel. +44 20 7946 ${line}`);
      numbers++;
    } else {
      spans.push('see you soon');
    }
    parts.push(`<p>${spans.join('')}</p>`);
  }
  parts.push('</body></html>');
  return { html: parts.join('\n'), numbers };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function timePage(browser, url, expectMarks, settled = false) {
  const tab = await browser.newPage();
  await tab.evaluateOnNewDocument(() => {
    window.benchLongest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.benchLongest = Math.max(window.benchLongest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await tab.goto(url, { waitUntil: 'domcontentloaded' });
  await tab.bringToFront();
  await tab.waitForFunction(() => performance.getEntriesByName('softphone:c2c-scanned').length > 0, { timeout: 120_000, polling: 100 });
  if (settled) await tab.waitForFunction(() => performance.getEntriesByName('softphone:c2c-settled').length > 0, { timeout: 30_000, polling: 200 });
  // A number the page adds afterwards: time from insertion until its button is in.
  const addedMs = await tab.evaluate(
    () =>
      new Promise((resolve) => {
        const p = document.createElement('p');
        const t0 = performance.now();
        new MutationObserver((records, obs) => {
          if (p.querySelector('[data-voip-number]')) {
            obs.disconnect();
            resolve(performance.now() - t0);
          }
        }).observe(p, { childList: true, subtree: true });
        p.textContent = 'New lead: call +1 650 253 0000 today';
        document.body.append(p);
      }),
  );
  const r = await tab.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const done = performance.getEntriesByName('softphone:c2c-scanned')[0];
    const start = performance.getEntriesByName('softphone:c2c-start')[0];
    const later = performance.getEntriesByName('softphone:c2c-settled')[0];
    return {
      allMarkedMs: done.startTime - nav.domContentLoadedEventEnd,
      firstFrameMs: start.startTime - nav.domContentLoadedEventEnd,
      scanToMarkedMs: done.startTime - start.startTime,
      waitMs: done.detail.waitMs,
      walkMs: done.detail.walkMs,
      buildMs: done.detail.buildMs,
      markMs: done.detail.markMs,
      longestSliceMs: (later ?? done).detail.longestMs,
      settledMs: later ? later.detail.walkMs + later.detail.buildMs + later.detail.markMs : NaN,
      marked: document.querySelectorAll('[data-voip-number]').length,
      longestTaskMs: window.benchLongest,
      text: document.body.textContent,
    };
  });
  r.addedMs = addedMs;
  await tab.close();
  if (expectMarks !== undefined && r.marked !== expectMarks + 1) throw new Error(`marked ${r.marked}, expected ${expectMarks}`);
  return r;
}

export async function benchClickToCall({ rounds = 5 } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'c2c-bench-'));
  const numbersPage = page(2_000, 10, 1); // 20,000 text nodes, 2,000 numbers
  const plainPage = page(2_000, 10, 0); // 20,000 text nodes, no digit
  const sparsePage = page(2_000, 10, 40); // 20,000 text nodes, 50 numbers: most real pages
  fs.writeFileSync(path.join(dir, 'numbers.html'), numbersPage.html);
  fs.writeFileSync(path.join(dir, 'plain.html'), plainPage.html.replace(/\d/g, ''));
  fs.writeFileSync(path.join(dir, 'sparse.html'), sparsePage.html);
  fs.symlinkSync(path.resolve(import.meta.dirname, '../fixtures/click-to-call'), path.join(dir, 'click-to-call'));
  const server = await startStaticServer(dir);
  const { browser, extensionId } = await launchWithExtension({ protocolTimeout: 300_000 });
  const peerBrowser = await launchChromium({ protocolTimeout: 300_000 });
  try {
    const peer = [];
    const marked = [];
    const plain = [];
    const sparse = [];
    const baseline = [];
    const sparseBaseline = [];
    for (let i = 0; i < rounds; i++) {
      const r = await timePage(browser, `${server.url}numbers.html`, numbersPage.numbers);
      marked.push(r);
      const t0 = performance.now();
      const found = findNumbers(r.text, 'US', { v2: true });
      baseline.push(performance.now() - t0);
      if (found.length < numbersPage.numbers) throw new Error(`findNumbers found ${found.length}`);
      const p = await runPeer(peerBrowser, `${server.url}numbers.html`, 'US');
      if (p.found.length < numbersPage.numbers) throw new Error(`the peer found ${p.found.length}`);
      peer.push(p);
      plain.push(await timePage(browser, `${server.url}plain.html`, 0, true));
      const s = await timePage(browser, `${server.url}sparse.html`, sparsePage.numbers);
      sparse.push(s);
      const t1 = performance.now();
      findNumbers(s.text, 'US', { v2: true });
      sparseBaseline.push(performance.now() - t1);
    }
    const corpus = await corpusScores({ extBrowser: browser, extensionId, peerBrowser, baseUrl: server.url });
    const js = fs.readFileSync(path.join(CHROME_BUILD, 'content-scripts/click-to-call.js'));
    return {
      rounds,
      numbers: numbersPage.numbers,
      allMarkedMs: median(marked.map((r) => r.allMarkedMs)),
      firstFrameMs: median(marked.map((r) => r.firstFrameMs)),
      scanToMarkedMs: median(marked.map((r) => r.scanToMarkedMs)),
      waitMs: median(marked.map((r) => r.waitMs)),
      walkMs: median(marked.map((r) => r.walkMs)),
      buildMs: median(marked.map((r) => r.buildMs)),
      markMs: median(marked.map((r) => r.markMs)),
      workMs: median(marked.map((r) => r.walkMs + r.buildMs + r.markMs)),
      peerWorkMs: median(peer.map((r) => r.workMs)),
      peerLongestSliceMs: Math.max(...peer.map((r) => r.longestSliceMs)),
      peerLongestTaskMs: Math.max(...peer.map((r) => r.longestTaskMs)),
      peerLoadMs: median(peer.map((r) => r.evalMs)),
      corpus,
      longestTaskMs: Math.max(...marked.map((r) => r.longestTaskMs)),
      longestSliceMs: Math.max(...marked.map((r) => r.longestSliceMs)),
      findNumbersMs: median(baseline),
      sparseNumbers: sparsePage.numbers,
      sparseScanToMarkedMs: median(sparse.map((r) => r.scanToMarkedMs)),
      sparseWalkMs: median(sparse.map((r) => r.walkMs)),
      sparseMarkMs: median(sparse.map((r) => r.markMs)),
      sparseFindNumbersMs: median(sparseBaseline),
      plainMs: median(plain.map((r) => r.walkMs + r.buildMs + r.markMs)),
      plainWithSweepsMs: median(plain.map((r) => r.settledMs)),
      addedLaterMs: median([...marked, ...plain].map((r) => r.addedMs)),
      plainLongestTaskMs: Math.max(...plain.map((r) => r.longestTaskMs)),
      plainLongestSliceMs: Math.max(...plain.map((r) => r.longestSliceMs)),
      bundleBytes: js.length,
      bundleGzipBytes: zlib.gzipSync(js, { level: 9 }).length,
    };
  } finally {
    await browser.close().catch(() => {});
    await peerBrowser.close().catch(() => {});
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchClickToCall({ rounds: Number(process.argv[2] ?? 3) });
  console.log(JSON.stringify({ ...r, corpus: { ...r.corpus, oursByPage: undefined, peerByPage: undefined } }, null, 1));
  for (const who of ['oursByPage', 'peerByPage']) for (const p of r.corpus[who]) if (p.fp || p.fn) console.log(who, p.page, 'extra', p.extra, 'missed', p.missed);
}

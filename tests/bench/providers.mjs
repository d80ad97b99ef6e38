// Benchmark of the local data provider in real Chromium: IndexedDB speed in Node's
// fake-indexeddb says nothing about the browser's, so the measuring code
// (tests/bench/providers/bench.ts, runProviderBench) is bundled and run in a page.
//
// A plain http://127.0.0.1 page uses the same IndexedDB backend as an extension page, so no
// extension build is needed. To run it from an extension page instead, bundle
// `runProviderBench` and `createLocalProvider` into that page and call them the same way as
// `inPage` below.
//
//   node tests/bench/providers.mjs          prints the figures
//   import { benchProviders } …             returns them (for tests/bench/run.mjs)
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchChromium } from '../lab/browser.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ENTRY = 'virtual:provider-bench';

/** The provider and the benchmark as one script that sets `window.providerBench`. */
async function bundle() {
  const local = path.join(ROOT, 'lib/providers/local');
  const source = [
    `export { runProviderBench } from ${JSON.stringify(path.join(ROOT, 'tests/bench/providers/bench.ts'))};`,
    `export { createLocalProvider } from ${JSON.stringify(path.join(local, 'index.ts'))};`,
  ].join('\n');
  const output = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    plugins: [
      {
        name: 'provider-bench-entry',
        // Vite may hand the entry over already joined to the root.
        resolveId: (id) => (id.endsWith(ENTRY) ? `\0${ENTRY}` : null),
        load: (id) => (id === `\0${ENTRY}` ? source : null),
      },
    ],
    build: {
      write: false,
      minify: true,
      lib: { entry: ENTRY, formats: ['iife'], name: 'providerBench', fileName: () => 'bench.js' },
    },
  });
  const chunk = [output].flat().flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk) throw new Error('vite produced no script for the provider bench');
  return chunk.code;
}

function serve(script) {
  const server = http.createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    } else {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><meta charset="utf-8"><script src="/bench.js"></script>');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Runs in the page. */
async function inPage(options) {
  const dbName = 'provider-bench';
  await new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(dbName);
    req.onsuccess = resolve;
    req.onerror = () => reject(req.error);
  });
  const { createLocalProvider, runProviderBench } = window.providerBench;
  const provider = createLocalProvider({ dbName });
  const result = await runProviderBench(provider, {
    ...options,
    fresh: () => createLocalProvider({ dbName }),
    onProgress: (step) => window.benchProgress(step),
  });
  await provider.close();
  return result;
}

/**
 * @param {{ options?: Record<string, number>, onProgress?: (step: string) => void }} [opts]
 *   options: overrides for runProviderBench (contacts, openContacts, openHistory, keystrokes …)
 */
export async function benchProviders(opts = {}) {
  const server = await serve(await bundle());
  const browser = await launchChromium({ protocolTimeout: 30 * 60_000 });
  try {
    const page = await browser.newPage();
    await page.exposeFunction('benchProgress', (step) => opts.onProgress?.(step));
    const { port } = server.address();
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });
    return await page.evaluate(inPage, opts.options ?? {});
  } finally {
    await browser.close();
    server.close();
  }
}

function report(r) {
  const ms = (n) => (n === null ? '    n/a' : `${n.toFixed(1).padStart(7)} ms`);
  console.log(`\nLocal provider (IndexedDB, Chromium), page size ${r.limit}`);
  for (const o of [r.open, r.openAtFullSize]) {
    console.log(
      `open → contacts + recent + due, ${String(o.contacts).padStart(6)} contacts, ${r.openHistory} calls:` +
        `  new connection median ${ms(o.coldMedianMs)} p90 ${ms(o.coldP90Ms)}   open connection ${ms(o.warmMedianMs)}   (target < 100 ms)`,
    );
  }
  console.log(
    `keystroke → results, ${r.contacts} contacts, ${r.keystrokes.length} keystrokes:` +
      `  index median ${ms(r.searchMedianMs)} p90 ${ms(r.searchP90Ms)} max ${ms(r.searchMaxMs)}` +
      `   Array.filter median ${ms(r.arrayFilterMedianMs)} p90 ${ms(r.arrayFilterP90Ms)}   (target median < 16 ms)`,
  );
  console.log(`seeding ${r.contacts} contacts (bulkAdd) ${ms(r.seedMs)}; all() into memory for Array.filter ${ms(r.loadAllMs)}`);
  for (const k of r.keystrokes) {
    console.log(
      `  ${JSON.stringify(k.query).padEnd(18)} index ${ms(k.searchMs)} (${String(k.searchHits).padStart(2)})` +
        `   filter ${ms(k.arrayFilterMs)} (${String(k.arrayFilterHits).padStart(2)})`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const result = await benchProviders({
    onProgress: (step) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${step}`),
  });
  report(result);
}

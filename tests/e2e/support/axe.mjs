// axe-core in a page: evaluated over CDP, so extension pages' CSP does not block it.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const source = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical accessibility violations on the page as it is now. */
export async function seriousViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Fails on any serious or critical violation on the page as it is now, in light and in dark mode
 * (prefers-color-scheme emulated over CDP: Chromium). `schemes: [null]` checks the page as the
 * browser shows it, for a browser without that emulation (Firefox over BiDi).
 * @param {import('puppeteer-core').Page} page
 * @param {string} screen what the page shows, for the message
 * @param {{ schemes?: (string | null)[] }} [opts]
 */
export async function assertAxeClean(page, screen, { schemes = ['light', 'dark'] } = {}) {
  for (const scheme of schemes) {
    if (scheme) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    const v = await seriousViolations(page);
    if (v.length > 0) throw new Error(`axe, ${screen} (${scheme ?? 'as shown'}): ${JSON.stringify(v)}`);
  }
  if (schemes.some(Boolean)) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
}

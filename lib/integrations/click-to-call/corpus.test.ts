// @vitest-environment happy-dom
// @vitest-environment-options {"happyDOM":{"settings":{"disableJavaScriptEvaluation":true,"disableJavaScriptFileLoading":true,"disableCSSFileLoading":true}}}
/**
 * Precision and recall of number detection over the fixture corpus (tests/fixtures/click-to-call):
 * every page is loaded, scanned by the real scanner with the real parser and the page's default
 * country, and the `data-voip-number` marks are compared with the page's expected list.
 * Pages that need a real browser (scripts, shadow roots, frames) are checked in e2e instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { optedOut } from './opt-out';
import { resolveNumber } from '../../click-to-call/resolve';
import { Scanner } from './scanner';

const DIR = path.resolve(import.meta.dirname, '../../../tests/fixtures/click-to-call');

interface Fixture {
  name: string;
  html: string;
  defaultCountry: string;
  expected: string[];
}

function fixtures(): Fixture[] {
  return fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ f, spec: JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as Omit<Fixture, 'name' | 'html'> & { browserOnly?: boolean } }))
    .filter(({ spec }) => !spec.browserOnly)
    .map(({ f, spec }) => ({
      name: f.replace(/\.json$/, ''),
      html: fs.readFileSync(path.join(DIR, f.replace(/\.json$/, '.html')), 'utf8'),
      defaultCountry: spec.defaultCountry,
      expected: spec.expected,
    }));
}

async function marksOn(fx: Fixture, locateFromChars?: number): Promise<string[]> {
  document.open();
  document.write(fx.html);
  document.close();
  if (optedOut(document)) return [];
  const scanner = new Scanner(document, {
    resolve: async (items) => items.map((i) => resolveNumber(i.number, fx.defaultCountry)),
    text: { label: (d) => `Call ${d}`, title: (d) => `Call ${d}` },
    locateFromChars,
  });
  await scanner.start();
  await scanner.idle();
  const marks = [...document.querySelectorAll('[data-voip-number]')].map((e) => e.getAttribute('data-voip-number') ?? '');
  scanner.stop();
  return marks;
}

/** Multiset difference: what `a` has that `b` lacks. */
function missing(a: string[], b: string[]): string[] {
  const left = [...b];
  return a.filter((x) => {
    const i = left.indexOf(x);
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
}

describe('number detection over the fixture corpus', () => {
  // The scanner walks a small page whole and locates the blocks to read in a large one
  // (company-directory is large); forced either way on every page, the marks must be the same.
  it.each([
    ['walking every page whole', Infinity],
    ['as shipped (locating in pages over 4,096 characters of text)', undefined],
    ['locating the blocks to read on every page', 0],
  ])('finds every expected number and nothing else (precision and recall 1.000), %s', async (_, locateFromChars) => {
    const all = fixtures();
    expect(all.length).toBeGreaterThan(5);
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    const problems: string[] = [];
    for (const fx of all) {
      const found = await marksOn(fx, locateFromChars);
      const extra = missing(found, fx.expected);
      const lost = missing(fx.expected, found);
      truePositives += found.length - extra.length;
      falsePositives += extra.length;
      falseNegatives += lost.length;
      if (extra.length || lost.length) problems.push(`${fx.name}: marked but not expected ${JSON.stringify(extra)}; expected but not marked ${JSON.stringify(lost)}`);
      else expect(found).toEqual(fx.expected); // and in document order
    }
    const precision = truePositives / Math.max(1, truePositives + falsePositives);
    const recall = truePositives / Math.max(1, truePositives + falseNegatives);
    console.warn(`corpus: ${all.length} pages, ${truePositives} numbers found; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    expect(problems).toEqual([]);
    expect(precision.toFixed(3)).toBe('1.000');
    expect(recall.toFixed(3)).toBe('1.000');
  });
});

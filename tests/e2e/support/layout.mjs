// What a translation can break on screen, read from a page of the extension: text cut off,
// English left over in the pseudo-locale, numbers not left to right, and where things sit (to
// compare a right-to-left page with the left-to-right one).

/** Words the pseudo-locale en-XA pads its strings with (lib/i18n/pseudo.ts): not English left over. */
const PADDING = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/**
 * Every string held in the extension's local data (contacts, activities, history): names and
 * summaries are data, shown as they were typed in any language.
 * @param {import('puppeteer-core').Page} page an extension page
 */
export async function dataStrings(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('softphone-data');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const found = new Set();
    const walk = (v) => {
      if (typeof v === 'string' && v.trim().length > 1) found.add(v.trim());
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    for (const store of db.objectStoreNames) {
      const all = await new Promise((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      all.forEach(walk);
    }
    db.close();
    return [...found].sort((a, b) => b.length - a.length);
  });
}

/**
 * The page as a reader sees it: which text is cut off (an element that hides its overflow, or
 * scrolls sideways, narrower than its text) or runs out of the page, which words are plain
 * English (for en-XA: every word of ours is accented; data, numbers, `translate="no"` and text
 * marked with another `lang` are left out), which numbers do not read left to right, and the
 * boxes of `boxes` (selector → { left, right, transform }).
 * @param {import('puppeteer-core').Page} page
 * @param {{ data?: string[], boxes?: string[] }} [opts]
 */
export async function readLayout(page, opts = {}) {
  return page.evaluate(
    (data, boxSelectors, padding) => {
      const path = (el) => {
        const parts = [];
        for (let e = el; e && e !== document.body; e = e.parentElement) {
          const i = e.parentElement ? [...e.parentElement.children].indexOf(e) : 0;
          parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}:${i}`);
        }
        return parts.join('>');
      };
      const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('.sr-only');
      const clipped = [];
      const offPage = [];
      for (const el of document.body.querySelectorAll('*')) {
        if (!shown(el) || !el.textContent.trim() || el.matches('input, select, textarea, option, svg, svg *')) continue;
        const s = getComputedStyle(el);
        const hides = s.overflowX !== 'visible' || s.textOverflow === 'ellipsis';
        if (hides && el.scrollWidth > el.clientWidth + 1) clipped.push({ path: path(el), text: el.textContent.trim().slice(0, 80) });
        const r = el.getBoundingClientRect();
        if (r.right > document.documentElement.clientWidth + 1 || r.left < -1) offPage.push({ path: path(el), text: el.textContent.trim().slice(0, 80) });
      }
      // Dates, times and durations are written by Intl in the page's language (lib/dates.ts), not
      // from the catalogues: Intl has no data for a pseudo-locale and writes English there.
      const lang = document.documentElement.lang;
      const day = Date.UTC(2024, 0, 1);
      const intlWords = [
        ...Array.from({ length: 12 }, (_, m) => ['short', 'long'].map((month) => new Intl.DateTimeFormat(lang, { month, timeZone: 'UTC' }).format(Date.UTC(2024, m, 1)))).flat(),
        ...Array.from({ length: 7 }, (_, d) => ['short', 'long'].map((weekday) => new Intl.DateTimeFormat(lang, { weekday, timeZone: 'UTC' }).format(day + d * 864e5))).flat(),
        ...new Intl.DateTimeFormat(lang, { hour: 'numeric', hour12: true, timeZone: 'UTC' }).formatToParts(day).filter((p) => p.type === 'dayPeriod').map((p) => p.value),
        ...new Intl.DateTimeFormat(lang, { hour: 'numeric', hour12: true, timeZone: 'UTC' }).formatToParts(day + 13 * 36e5).filter((p) => p.type === 'dayPeriod').map((p) => p.value),
        ...[-1, 0, 1].map((n) => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(n, 'day')),
        ...['hour', 'minute', 'second'].flatMap((unit) => [1, 2].map((n) => new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short' }).format(n).replace(/[\d\s]/g, ''))),
      ]
        .flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1)]) // "Yesterday" begins a line
        .filter((w) => w.length > 1)
        .sort((a, b) => b.length - a.length);
      const english = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || !shown(parent)) continue;
        if (parent.closest('script, style, [data-number], [data-confirm-number], [translate="no"], [lang]:not(html)')) continue;
        // The padding at the end of a pseudo string ("[Ŕéáðý one t]") is not English left over.
        let text = node.data.replace(/ [a-z ]*\]/g, ']');
        for (const d of [...data, ...intlWords]) text = text.split(d).join(' ');
        for (const word of text.match(/\p{L}+/gu) ?? []) {
          if (/^[A-Za-z]+$/.test(word) && !padding.includes(word)) english.push(`${word} (in “${node.data.trim().slice(0, 60)}”)`);
        }
      }
      const numbers = [...document.querySelectorAll('[data-number], [data-confirm-number]')]
        // An empty number field shows its hint, which reads the page's way (components/theme.css).
        .filter((el) => shown(el) && !el.matches('input:placeholder-shown'))
        .map((el) => ({ text: el.textContent?.trim() || el.value, direction: getComputedStyle(el).direction }));
      const boxes = {};
      for (const selector of boxSelectors) {
        const el = document.querySelector(selector);
        if (!el) continue;
        const r = el.getBoundingClientRect();
        boxes[selector] = { left: r.left, right: r.right, center: (r.left + r.right) / 2, transform: getComputedStyle(el).transform };
      }
      return {
        dir: document.dir,
        width: document.documentElement.clientWidth,
        scrollsSideways: document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
        clipped,
        offPage,
        english,
        numbers,
        boxes,
      };
    },
    opts.data ?? [],
    opts.boxes ?? [],
    PADDING,
  );
}

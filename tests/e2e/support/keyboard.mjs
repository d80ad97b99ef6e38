// The keyboard, as a user presses it (real key events: CDP's Input domain in Chromium, WebDriver
// BiDi's input actions in Firefox): where the focus is, the Tab stops in order, and a control
// reached and pressed without the mouse.

/** The focused control's name as heard: its aria-label, a field's label, else its text; 'body' when nothing has the focus. */
export function focusedName(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    // A label that wraps its field: its own words, without the field's (a select's options).
    const labelText = (l) => {
      const copy = l.cloneNode(true);
      copy.querySelectorAll('input, select, textarea').forEach((f) => f.remove());
      return copy.textContent;
    };
    const label = el.getAttribute('aria-label') ?? ((el.labels?.[0] && labelText(el.labels[0])) || el.textContent || el.id || el.tagName);
    return label.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
  });
}

async function step(page, back) {
  if (back) await page.keyboard.down('Shift');
  await page.keyboard.press('Tab');
  if (back) await page.keyboard.up('Shift');
}

/**
 * The focused element's number once the focus has settled: Firefox moves it between its own
 * controls and the page's process asynchronously, so a read right after the key can be stale.
 */
async function settledFocus(page) {
  let last = await focusedElementId(page);
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const now = await focusedElementId(page);
    if (now === last) return now;
    last = now;
  }
  return last;
}

/**
 * A number for the focused element, the same each time it comes round (0: nothing in the page has
 * the focus, or the keys go to the browser's own controls, where the page keeps its activeElement).
 */
function focusedElementId(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || !document.hasFocus()) return 0;
    const ids = (globalThis.__tabStopIds ??= new WeakMap());
    if (!ids.has(el)) {
      globalThis.__tabStopCount = (globalThis.__tabStopCount ?? 0) + 1;
      ids.set(el, globalThis.__tabStopCount);
    }
    return ids.get(el);
  });
}

/**
 * Every Tab stop of the page once round, starting with the one after the focus: Tab until a
 * control comes round again (stops outside the page, where the focus goes to the browser, are
 * left out). With `back`, Shift+Tab.
 */
export async function tabCycle(page, { back = false, max = 40 } = {}) {
  await page.bringToFront();
  const stops = [];
  const seen = new Set();
  for (let i = 0; i < max; i++) {
    await step(page, back);
    const id = await settledFocus(page);
    if (id === 0) continue;
    if (seen.has(id)) return stops;
    seen.add(id);
    stops.push(await focusedName(page));
  }
  throw new Error(`the Tab stops did not come round within ${max} keys: ${JSON.stringify(stops)}`);
}

/** Tabs (forward) to the control named `name`; fails if Tab never reaches it. */
export async function focusByKeyboard(page, name, max = 40) {
  await page.bringToFront();
  const seen = [];
  for (let i = 0; i < max; i++) {
    const now = (await settledFocus(page)) === 0 ? 'outside the page' : await focusedName(page);
    if (now === name) return;
    seen.push(now);
    await step(page, false);
  }
  throw new Error(`Tab never reached "${name}" (stops: ${JSON.stringify(seen)})`);
}

/** Tabs (forward) to the control named `name`, then presses `key` on it (Enter by default). */
export async function pressByKeyboard(page, name, key = 'Enter') {
  await focusByKeyboard(page, name);
  await page.keyboard.press(key);
}

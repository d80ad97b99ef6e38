/**
 * A list as one tab stop (WAI-ARIA "roving tabindex"): only the current row's first button is in
 * the tab order; Up/Down (Home/End) move between rows, Left/Right between a row's buttons (swapped
 * in a right-to-left language).
 * Used as `{@attach roving}` on the list element.
 */
/** The arrow keys to the next and the previous item along a line: swapped when it reads right to left. */
export function readingArrows(el: Element): { next: string; previous: string } {
  return getComputedStyle(el).direction === 'rtl' ? { next: 'ArrowLeft', previous: 'ArrowRight' } : { next: 'ArrowRight', previous: 'ArrowLeft' };
}

export function roving(list: HTMLElement): () => void {
  let current = 0;
  // Rows are the list items with a button, also inside groups (Recent's days).
  const rows = () => ([...list.querySelectorAll('li')] as HTMLElement[]).filter((row) => row.querySelector('button'));
  const buttons = (row: Element | undefined) => (row ? [...row.querySelectorAll('button')] : []);

  function update(): void {
    const all = rows();
    current = Math.min(current, Math.max(0, all.length - 1));
    all.forEach((row, i) => buttons(row).forEach((b, j) => (b.tabIndex = i === current && j === 0 ? 0 : -1)));
  }

  function onKey(e: KeyboardEvent): void {
    const all = rows();
    const row = all.findIndex((r) => r.contains(e.target as Node));
    if (row < 0) return;
    const inRow = buttons(all[row]);
    const col = inRow.indexOf(e.target as HTMLButtonElement);
    const { next, previous } = readingArrows(list);
    let to: HTMLButtonElement | undefined;
    if (e.key === 'ArrowDown') to = buttons(all[Math.min(row + 1, all.length - 1)])[0];
    else if (e.key === 'ArrowUp') to = buttons(all[Math.max(row - 1, 0)])[0];
    else if (e.key === 'Home') to = buttons(all[0])[0];
    else if (e.key === 'End') to = buttons(all[all.length - 1])[0];
    else if (e.key === next) to = inRow[Math.min(col + 1, inRow.length - 1)];
    else if (e.key === previous) to = inRow[Math.max(col - 1, 0)];
    if (!to) return;
    e.preventDefault();
    to.focus();
  }

  function onFocus(e: FocusEvent): void {
    const i = rows().findIndex((r) => r.contains(e.target as Node));
    if (i >= 0 && i !== current) {
      current = i;
      update();
    }
  }

  const observer = new MutationObserver(update);
  observer.observe(list, { childList: true, subtree: true });
  update();
  list.addEventListener('keydown', onKey);
  list.addEventListener('focusin', onFocus);
  return () => {
    observer.disconnect();
    list.removeEventListener('keydown', onKey);
    list.removeEventListener('focusin', onFocus);
  };
}

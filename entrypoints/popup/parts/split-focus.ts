/**
 * Beside a list (the wide widget window), a row's details open without taking the focus from the
 * row: the arrow keys go on through the list. Alone (the toolbar popup, a narrow window), the
 * details take it, as the list is no longer on screen.
 */
const listPanes = new Set<HTMLElement>();

/** `{@attach keepsListFocus}` on the pane holding the lists. */
export function keepsListFocus(pane: HTMLElement): () => void {
  listPanes.add(pane);
  return () => listPanes.delete(pane);
}

/** Whether the focus is on a list that stays on screen beside the details: then it stays there. */
export function focusStaysInList(): boolean {
  const active = document.activeElement;
  if (!active || active === document.body) return false;
  for (const pane of listPanes) {
    // Read from the layout CSS made: the pane is hidden (display: none) when a screen takes its place.
    if (pane.contains(active) && pane.getClientRects().length > 0) return true;
  }
  return false;
}

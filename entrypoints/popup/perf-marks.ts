/**
 * User Timing marks the popup leaves on its own timeline (`performance.getEntriesByName`), so a
 * benchmark can read how long the real popup took, from the browser's navigation start, without
 * injecting anything into it. A mark costs microseconds; nothing reads them in normal use.
 */
export const POPUP_MARKS = {
  /** Every module of the popup evaluated: its script starts running. */
  script: 'popup:script',
  /** The widget mounted (first DOM, before any data). */
  mounted: 'popup:mounted',
  /** The active tab's first list is on screen: the popup is interactive. */
  interactive: 'popup:interactive',
} as const;

/** Leaves `name` on the timeline once per page. */
export function markOnce(name: string): void {
  if (typeof performance === 'undefined' || performance.getEntriesByName(name, 'mark').length) return;
  performance.mark(name);
}

/** Sharing the main thread with the page: the scanner works in slices and gives it back between them. */

/** Whether the user has pressed or clicked something the page has not handled yet (Chromium). */
export function inputPending(): boolean {
  const scheduling = (navigator as { scheduling?: { isInputPending?: () => boolean } }).scheduling;
  return scheduling?.isInputPending?.() ?? false;
}

/** Gives the page the main thread back: scheduler.yield where the browser has it. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise<void>((r) => setTimeout(r, 0));
}

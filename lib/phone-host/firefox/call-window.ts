/**
 * Firefox: the widget window (popup.html?popout=1) is where calls take the microphone
 * (see microphone.ts). Found among the extension's views, or opened (or brought forward) first.
 */
import browser from 'webextension-polyfill';
import { isWidgetWindow, openWidgetWindow, widgetWindowId } from '../../extension-pages';
import type { CaptureWindow } from './microphone';

/** The widget window's document, once its script offers the capture (capture.ts); undefined if none is open (or it is closing). */
function openCallWindow(): CaptureWindow | undefined {
  return (browser.extension.getViews() as (Window & CaptureWindow)[]).find((v) => !v.closed && isWidgetWindow(v.location) && v.softphoneCapture !== undefined);
}

/** The id of the browser window the widget shows in, if it is open. */
export const callWindowId = widgetWindowId;

/** The widget window's document, brought forward (a call from a page shows there), or opened. */
export async function callWindowView(timeoutMs = 10_000): Promise<CaptureWindow> {
  await openWidgetWindow();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = openCallWindow();
    if (view) return view;
    if (Date.now() > deadline) throw new DOMException('The call window did not open.', 'AbortError');
    await new Promise((r) => setTimeout(r, 50));
  }
}

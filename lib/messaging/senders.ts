/**
 * Who sent a runtime message. Every receiver checks the sender before the payload: extension
 * pages may command the phone; content scripts only ask their own small set of questions.
 */
export interface Sender {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined } | undefined;
  /** The frame's origin (Chrome): the site of a frame with no address of its own (about:srcdoc). */
  origin?: string | undefined;
  /** Which frame of the tab (0: the top one). */
  frameId?: number | undefined;
}

/**
 * True only for this extension's own pages (popup, options, offscreen, a pop-out tab, the
 * service worker). Content scripts carry the web page's URL, so they fail this check.
 */
export function isOwnExtensionPage(sender: Sender, extensionOrigin: string, extensionId: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

/** One of our content scripts, in a real tab of a web page. */
export function isOwnContentScript(sender: Sender, extensionOrigin: string, extensionId: string): boolean {
  return (
    sender.id === extensionId &&
    typeof sender.tab?.id === 'number' &&
    typeof sender.url === 'string' &&
    !sender.url.startsWith(extensionOrigin)
  );
}

/** Data changed elsewhere (a Kanban card toggled a call in Odoo): open widgets refresh their lists. */
import browser from 'webextension-polyfill';

export const ACTIVITIES_CHANGED = 'ui:activitiesChanged';

export function onActivitiesChanged(cb: () => void): () => void {
  const listener = (m: unknown) => {
    if (typeof m === 'object' && m !== null && (m as { type?: unknown }).type === ACTIVITIES_CHANGED) cb();
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

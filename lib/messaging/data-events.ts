/** Data changed elsewhere (a Kanban card toggled a call in Odoo): open widgets refresh their lists. */
import browser from 'webextension-polyfill';

export const ACTIVITIES_CHANGED = 'ui:activitiesChanged';

/** The phone host wrote a call to the history (possibly long after it ended: see HistoryKeeper). */
export const HISTORY_CHANGED = 'host:history';

function onMessageOfType(type: string, cb: () => void): () => void {
  const listener = (m: unknown) => {
    if (typeof m === 'object' && m !== null && (m as { type?: unknown }).type === type) cb();
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

export const onActivitiesChanged = (cb: () => void) => onMessageOfType(ACTIVITIES_CHANGED, cb);
export const onHistoryChanged = (cb: () => void) => onMessageOfType(HISTORY_CHANGED, cb);

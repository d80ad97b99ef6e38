/**
 * Do not disturb, kept by the background: saved in storage.local (so it survives the popup, a
 * service-worker restart and the browser), handed to the phone host with the account, and ended
 * by an alarm at its time (the host also stops honouring it at that time by itself).
 */
import browser from 'webextension-polyfill';
import { dndActive, dndFor, type DndChoice } from '../dnd/choice';
import type { HostLink } from '../phone-host/link';
import type { DoNotDisturb } from '../sip/types';
import { configureHost } from './host-config';

const KEY = 'doNotDisturb';
const ALARM = 'dnd:end';

function parse(v: unknown): DoNotDisturb | null {
  if (typeof v !== 'object' || v === null) return null;
  const until = (v as { until?: unknown }).until;
  return until === null || (typeof until === 'number' && Number.isFinite(until)) ? { until } : null;
}

/** The saved setting while it is on; null when off or its time has passed. */
export async function loadDnd(now = Date.now()): Promise<DoNotDisturb | null> {
  const stored = parse((await browser.storage.local.get(KEY))[KEY]);
  return dndActive(stored, now) ? stored : null;
}

/** Turns do not disturb on for a duration, or off; the phone host hears it at once. */
export async function setDnd(choice: DndChoice | 'off', link: HostLink, now = new Date()): Promise<void> {
  await browser.alarms.clear(ALARM);
  if (choice === 'off') await browser.storage.local.remove(KEY);
  else {
    const dnd = dndFor(choice, now);
    await browser.storage.local.set({ [KEY]: dnd });
    if (dnd.until !== null) browser.alarms.create(ALARM, { when: dnd.until });
  }
  await configureHost(link);
}

/** The keyboard command: off → on until turned off; on → off. */
export async function toggleDnd(link: HostLink): Promise<void> {
  await setDnd((await loadDnd()) ? 'off' : 'forever', link);
}

/** At its time, do not disturb ends by itself: the toolbar and the popup show it off. */
export function listenForDndEnd(link: HostLink): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ALARM) return;
    void browser.storage.local.remove(KEY).then(() => configureHost(link));
  });
}

// Do not disturb kept by the background (WXT's fake browser): saved, handed to the phone host,
// toggled by the keyboard command, and ended by its alarm.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RecordingLink } from '../../tests/fakes/host-link';
import type { ConfigureCommand } from '../messaging/phone';
import { listenForDndEnd, loadDnd, setDnd, toggleDnd } from './dnd';

let link: RecordingLink;
const lastDnd = () => (link.sent.filter((c) => c.type === 'host:configure').at(-1) as ConfigureCommand | undefined)?.dnd;

beforeEach(() => {
  fakeBrowser.reset();
  link = new RecordingLink();
});

describe('do not disturb in the background', () => {
  it('for 1 hour: saved, sent to the phone host, with an alarm at its end', async () => {
    const now = new Date();
    await setDnd('hour', link, now);
    expect(lastDnd()).toEqual({ until: now.getTime() + 3_600_000 });
    expect((await fakeBrowser.alarms.get('dnd:end'))?.scheduledTime).toBe(now.getTime() + 3_600_000);
  });

  it('until turned off: no alarm; off: the host hears null', async () => {
    await setDnd('forever', link);
    expect(lastDnd()).toEqual({ until: null });
    expect(await fakeBrowser.alarms.get('dnd:end')).toBeUndefined();
    await setDnd('off', link);
    expect(lastDnd()).toBeNull();
  });

  it('a saved time already past reads as off', async () => {
    await setDnd('hour', link, new Date(2020, 0, 1));
    expect(await loadDnd()).toBeNull();
  });

  it('the keyboard command toggles: off → on until turned off → off', async () => {
    await toggleDnd(link);
    expect(lastDnd()).toEqual({ until: null });
    await toggleDnd(link);
    expect(lastDnd()).toBeNull();
  });

  it('its alarm ends it and tells the host', async () => {
    listenForDndEnd(link);
    await setDnd('hour', link);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'dnd:end', scheduledTime: Date.now(), persistAcrossSessions: false });
    await vi.waitFor(async () => expect(await loadDnd()).toBeNull());
    await vi.waitFor(() => expect(lastDnd()).toBeNull());
  });
});

// The toolbar badge follows the latest phone state, whatever each update waits for (WXT's fake
// browser). A call turned away at once (do not disturb) is reported ringing and then ended within
// a millisecond; the ringing update waits for the account and the notification, the ended one does
// not, and the badge must end up saying what is true now.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RecordingLink } from '../../tests/fakes/host-link';
import { CallState, Registration } from '../sip/states';
import type { CallSnapshot, PhoneSnapshot } from '../sip/types';
import { CallAlerts } from './call-alerts';

const call = (state: CallState): CallSnapshot => ({
  id: 'c1',
  direction: 'incoming',
  state,
  remoteNumber: '1004',
  remoteName: '',
  startedAt: Date.now(),
  answeredAt: null,
  endedAt: state === CallState.Ended ? Date.now() : null,
  muted: false,
  held: false,
  outcome: state === CallState.Ended ? 'missed' : null,
  endCode: state === CallState.Ended ? 486 : null,
  endReason: '',
  dtmfMode: null,
  transferTarget: null,
  reconnecting: false,
  error: null,
  doNotDisturb: true,
});

const phone = (calls: CallSnapshot[]): PhoneSnapshot => ({
  registration: Registration.Registered,
  error: null,
  reconnectAttempt: 0,
  calls,
  aor: 'sip:1001@lab.test',
  dnd: { until: null },
});

beforeEach(() => {
  fakeBrowser.reset();
  // The fake has no notifications; a real browser takes a while to show one.
  Object.assign(fakeBrowser.notifications, {
    create: () => new Promise((resolve) => setTimeout(() => resolve('n'), 20)),
    clear: async () => true,
    onClicked: { addListener: () => undefined },
  });
  Object.assign(globalThis.chrome.notifications ?? ((globalThis.chrome as { notifications?: unknown }).notifications = {}), {
    onButtonClicked: { addListener: () => undefined },
  });
});

describe('toolbar badge', () => {
  it('a call ringing and ended a moment later: the badge ends on the ended state, not on ringing', async () => {
    const alerts = new CallAlerts(new RecordingLink(), async () => undefined);
    const ringing = alerts.update(phone([call(CallState.Incoming)]));
    const ended = alerts.update(phone([call(CallState.Ended)]));
    await Promise.all([ringing, ended]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('⊘');
    expect(await fakeBrowser.action.getTitle({})).not.toMatch(/incoming/);
  });

  it('the title mentions new voicemail beside what it says, and drops it when none is new', async () => {
    const alerts = new CallAlerts(new RecordingLink(), async () => undefined);
    const idle = { ...phone([]), dnd: undefined };
    await alerts.update({ ...idle, voicemail: { waiting: true, newMessages: 3, oldMessages: 1 } });
    expect(await fakeBrowser.action.getTitle({})).toBe('Softphone — ready · 3 new voicemails');
    await alerts.update({ ...idle, voicemail: { waiting: true, newMessages: 1, oldMessages: 0 } });
    expect(await fakeBrowser.action.getTitle({})).toBe('Softphone — ready · 1 new voicemail');
    await alerts.update({ ...idle, voicemail: { waiting: true, newMessages: null, oldMessages: null } });
    expect(await fakeBrowser.action.getTitle({})).toBe('Softphone — ready · new voicemail');
    await alerts.update({ ...idle, voicemail: { waiting: false, newMessages: 0, oldMessages: 4 } });
    expect(await fakeBrowser.action.getTitle({})).toBe('Softphone — ready');
  });
});

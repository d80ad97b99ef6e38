// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { phoneError } from '../../../lib/errors';
import type { UiMessage } from '../../../lib/messaging/protocol';
import { CallState } from '../../../lib/sip/states';
import { PhoneState } from './phone.svelte';
import { SOON, broadcast, callSnapshot, snapshot, wire } from './test-support';

vi.mock('webextension-polyfill', async () => ({ default: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const refused = phoneError('incorrectNumber', 'abc');
/** The phone host's answers: its state, a refused dial of "abc", success for everything else. */
const host = (m: UiMessage) =>
  m.type === 'phone:getState' ? { ok: true, value: snapshot() }
  : m.type === 'phone:dial' && m.number === 'abc' ? { ok: false, error: refused }
  : { ok: true, value: undefined };

describe('the phone as the popup sees it', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('reads the state on open, then follows the broadcasts until disconnected', async () => {
    const sent = wire(host);
    const phone = new PhoneState();
    await phone.connect();
    expect(sent).toEqual([{ type: 'phone:getState' }]);
    expect(phone.snapshot).toEqual(snapshot());
    await broadcast(snapshot([callSnapshot({ state: CallState.Incoming })]));
    expect(phone.incomingCall?.id).toBe('c1');
    expect(phone.inCall).toBe(true);
    await broadcast(snapshot([callSnapshot()]));
    expect([phone.incomingCall, phone.liveCall?.id]).toEqual([undefined, 'c1']);
    phone.disconnect();
    await broadcast(snapshot());
    expect(phone.liveCall?.id).toBe('c1');
  });

  it('sends each call command as its message', async () => {
    const sent = wire(host);
    const phone = new PhoneState();
    expect(await phone.dial('1002')).not.toBeNull();
    await phone.answer('c1');
    await phone.decline('c1');
    await phone.mute('c1', true);
    await phone.hold('c1', false);
    await phone.dtmf('c1', '5');
    await phone.transfer('c1', '1003');
    await phone.hangup('c1');
    await phone.dismiss('c1');
    expect(sent).toEqual([
      { type: 'phone:dial', number: '1002' },
      { type: 'phone:answer', callId: 'c1' },
      { type: 'phone:decline', callId: 'c1' },
      { type: 'phone:mute', callId: 'c1', muted: true },
      { type: 'phone:hold', callId: 'c1', held: false },
      { type: 'phone:dtmf', callId: 'c1', digits: '5' },
      { type: 'phone:transfer', callId: 'c1', target: '1003' },
      { type: 'phone:hangup', callId: 'c1' },
      { type: 'phone:dismiss', callId: 'c1' },
    ]);
    expect(phone.lastDialled).toBe('1002');
  });

  it('shows a refused command until the user dismisses it; the next dial starts clean', async () => {
    wire(host);
    const phone = new PhoneState();
    expect(await phone.dial('abc')).toBeNull();
    expect(phone.commandError).toEqual(refused);
    expect(phone.lastDialled).toBe('');
    phone.dismissCommandError();
    expect(phone.commandError).toBeNull();
    await phone.dial('abc');
    const dialling = phone.dial('1002');
    expect(phone.commandError).toBeNull();
    expect(await dialling).not.toBeNull();
  });

  it("an error panel's button asks for the settings, the microphone page, or the state again", async () => {
    const sent = wire(host);
    const phone = new PhoneState();
    phone.act('openSettings');
    phone.act('openMicPage');
    phone.act('retry');
    phone.act('dismiss');
    await vi.waitFor(() => expect(sent).toEqual([{ type: 'bg:openOptions' }, { type: 'bg:openMicPage' }, { type: 'phone:retry' }, { type: 'phone:getState' }]), SOON);
    phone.disconnect();
  });

  it('says why a call failed, and why the phone is not registered', async () => {
    wire(host);
    const phone = new PhoneState();
    await phone.connect();
    const dropped = phoneError('callDropped', 'gone');
    await broadcast({ ...snapshot([callSnapshot({ state: CallState.Ended, error: dropped })]), error: phoneError('authFailed') });
    expect([phone.callError, phone.registrationError, phone.inCall]).toEqual([dropped, phoneError('authFailed'), false]);
    phone.disconnect();
  });
});

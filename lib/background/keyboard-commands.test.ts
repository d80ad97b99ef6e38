// The keyboard commands, against a recording phone host: which phone command each sends, from
// the host's state (no extension page open).
import { beforeEach, describe, expect, it } from 'vitest';
import { RecordingLink } from '../../tests/fakes/host-link';
import { newCall } from '../sip/call-outcome';
import { CallState, Registration } from '../sip/states';
import type { CallSnapshot, PhoneSnapshot } from '../sip/types';
import { runKeyboardCommand } from './keyboard-commands';

let link: RecordingLink;
let opened: string[];
const call = (id: string, state: CallState, extra: Partial<CallSnapshot> = {}): CallSnapshot => ({
  ...newCall(id, state === CallState.Incoming ? 'incoming' : 'outgoing', '1002', '', 0), state, ...extra,
});
function withCalls(...calls: CallSnapshot[]) {
  const snapshot: PhoneSnapshot = { registration: Registration.Registered, error: null, reconnectAttempt: 0, calls, aor: 'sip:1001@lab' };
  link.answer = (cmd) => (cmd.type === 'phone:getState' ? { ok: true, value: snapshot } : { ok: true, value: undefined });
}
const run = (name: string) =>
  runKeyboardCommand(name, {
    link,
    openDialer: async () => void opened.push('dialer'),
    toggleDnd: async () => void opened.push('dnd'),
  });

beforeEach(() => {
  link = new RecordingLink();
  opened = [];
});

describe('keyboard commands', () => {
  it('answer answers the ringing call', async () => {
    withCalls(call('a', CallState.Incoming));
    await run('answer');
    expect(link.commands()).toEqual([{ type: 'phone:answer', callId: 'a' }]);
  });

  it('answer with a call waiting answers the waiting one (the engine holds the first)', async () => {
    withCalls(call('a', CallState.Established), call('b', CallState.Incoming));
    await run('answer');
    expect(link.commands()).toEqual([{ type: 'phone:answer', callId: 'b' }]);
  });

  it('hang up declines a ringing call before anything else', async () => {
    withCalls(call('a', CallState.Established), call('b', CallState.Incoming));
    await run('hangup');
    expect(link.commands()).toEqual([{ type: 'phone:decline', callId: 'b' }]);
  });

  it('hang up ends the call in front, not the one on hold', async () => {
    withCalls(call('a', CallState.Established, { held: true }), call('b', CallState.Established));
    await run('hangup');
    expect(link.commands()).toEqual([{ type: 'phone:hangup', callId: 'b' }]);
  });

  it('hang up in a conference ends every call of it, not a call outside it', async () => {
    withCalls(call('a', CallState.Established, { conference: 'g' }), call('b', CallState.Established, { conference: 'g' }), call('c', CallState.Established, { held: true }));
    await run('hangup');
    expect(link.commands()).toEqual([{ type: 'phone:hangup', callId: 'a' }, { type: 'phone:hangup', callId: 'b' }]);
  });

  it('hang up also cancels an outgoing call still ringing at the far end', async () => {
    withCalls(call('a', CallState.Dialing));
    await run('hangup');
    expect(link.commands()).toEqual([{ type: 'phone:hangup', callId: 'a' }]);
  });

  it('mute toggles the microphone of the call in front', async () => {
    withCalls(call('a', CallState.Established));
    await run('mute');
    withCalls(call('a', CallState.Established, { muted: true }));
    await run('mute');
    expect(link.commands()).toEqual([
      { type: 'phone:mute', callId: 'a', muted: true },
      { type: 'phone:mute', callId: 'a', muted: false },
    ]);
  });

  it('with no call, answer, hang up and mute send nothing (an ended call is no call)', async () => {
    withCalls(call('a', CallState.Ended));
    for (const name of ['answer', 'hangup', 'mute']) await run(name);
    expect(link.commands()).toEqual([]);
  });

  it('open dialer and toggle do not disturb call their own handlers, without asking the phone', async () => {
    await run('open-dialer');
    await run('toggle-dnd');
    expect(opened).toEqual(['dialer', 'dnd']);
    expect(link.sent).toEqual([]);
  });

  it('an unknown command does nothing', async () => {
    withCalls(call('a', CallState.Incoming));
    await run('_execute_action');
    expect(link.commands()).toEqual([]);
  });
});

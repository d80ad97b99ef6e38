import { describe, expect, it } from 'vitest';
import { CallState } from '../sip/states';
import type { CallSnapshot } from '../sip/types';
import { historyFromCall } from './history';

const base: CallSnapshot = {
  id: 'c1', direction: 'incoming', state: CallState.Ended, remoteNumber: '+4989123456', remoteName: 'Max',
  startedAt: 1_000_000, answeredAt: null, endedAt: 1_010_000, muted: false, held: false, outcome: 'missed',
  endCode: null, endReason: '', dtmfMode: null, transferTarget: null, reconnecting: false, error: null,
};
const contact = { id: 'k1', name: 'Max Muster', company: '', email: '', phones: [], recordUrl: '', recordName: '', updatedAt: 0 };

describe('historyFromCall', () => {
  it('a missed call is unseen, has no duration, and takes the contact name', () => {
    expect(historyFromCall(base, contact)).toEqual({
      direction: 'incoming', number: '+4989123456', contactId: 'k1', contactName: 'Max Muster',
      startedAt: 1_000_000, answeredAt: null, durationSec: 0, outcome: 'missed', reason: '', seen: false, callId: 'c1',
    });
  });

  it('a second caller the phone turned away busy during a call is a missed call, marked as such, unseen', () => {
    const e = historyFromCall({ ...base, outcome: 'busy', endCode: 486, endReason: 'Busy Here' }, contact);
    expect(e).toMatchObject({ outcome: 'missed', whileOnCall: true, seen: false, reason: '', contactName: 'Max Muster' });
  });

  it('an answered call records its talk time, not ringing time', () => {
    const e = historyFromCall({ ...base, direction: 'outgoing', outcome: 'answered', answeredAt: 1_002_000, endedAt: 1_153_400 }, null);
    expect(e).toMatchObject({ durationSec: 151, outcome: 'answered', seen: true, contactName: 'Max', contactId: null });
  });

  it('a transferred call says where it went', () => {
    const e = historyFromCall({ ...base, direction: 'outgoing', outcome: 'transferred', answeredAt: 1_002_000, transferTarget: '1003' }, null);
    expect(e).toMatchObject({ outcome: 'transferred', reason: '1003' });
  });

  it('a rejected call keeps the SIP reason', () => {
    const e = historyFromCall({ ...base, direction: 'outgoing', outcome: 'busy', endCode: 486, endReason: 'Busy Here' }, null);
    expect(e).toMatchObject({ outcome: 'busy', reason: '486 Busy Here', seen: true });
  });

  it('a dropped call keeps its talk time and says in words why it was cut', () => {
    const e = historyFromCall({
      ...base, direction: 'outgoing', outcome: 'dropped', answeredAt: 1_002_000, endedAt: 1_032_000,
      error: { code: 'callDropped', args: ['the server was not reachable again within 15 s'] },
    }, null);
    expect(e).toMatchObject({
      outcome: 'dropped', durationSec: 30,
      reason: 'The connection to the server was lost during the call: the server was not reachable again within 15 s.',
    });
  });

  it('a failed call gives the message, not the error code', () => {
    const e = historyFromCall({ ...base, direction: 'outgoing', outcome: 'failed', error: { code: 'micDenied', args: [] } }, null);
    expect(e.reason).toBe('The softphone may not use the microphone.');
  });
});

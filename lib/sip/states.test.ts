import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './backoff';
import { CallState, Registration, canMoveCall, canMoveRegistration } from './states';

describe('state machines', () => {
  it('allow the normal paths', () => {
    expect(canMoveRegistration(Registration.Connecting, Registration.Registering)).toBe(true);
    expect(canMoveRegistration(Registration.Registered, Registration.Reconnecting)).toBe(true);
    expect(canMoveCall(CallState.Dialing, CallState.Ringing)).toBe(true);
    expect(canMoveCall(CallState.Established, CallState.Transferring)).toBe(true);
    expect(canMoveCall(CallState.Transferring, CallState.Established)).toBe(true);
  });

  it('refuse impossible jumps', () => {
    expect(canMoveRegistration(Registration.Unconfigured, Registration.Registered)).toBe(false);
    expect(canMoveRegistration(Registration.Failed, Registration.Registered)).toBe(false);
    expect(canMoveCall(CallState.Ended, CallState.Established)).toBe(false);
    expect(canMoveCall(CallState.Incoming, CallState.Ringing)).toBe(false);
    expect(canMoveCall(CallState.Dialing, CallState.Transferring)).toBe(false);
  });
});

describe('reconnectDelay', () => {
  it('doubles from 1 s to a 4 s cap, never giving up (back within 5 s of the PBX)', () => {
    const mid = () => 0.5; // no jitter
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((n) => reconnectDelay(n, mid))).toEqual([
      1000, 2000, 4000, 4000, 4000, 4000, 4000, 4000,
    ]);
    expect(Math.max(...Array.from({ length: 1000 }, (_, i) => reconnectDelay(i + 1)))).toBeLessThanOrEqual(4800);
  });

  it('jitters by at most 20 %', () => {
    expect(reconnectDelay(3, () => 0)).toBe(3200);
    expect(reconnectDelay(3, () => 0.999999)).toBe(4800);
  });
});

// The notice that the phone cannot receive calls: once per outage, after the grace period (at
// once for a refused account), taken away when the phone is registered again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { phoneError } from '../errors';
import { Registration } from '../sip/states';
import type { PhoneSnapshot } from '../sip/types';
import { UnreachableNotice } from './unreachable-notice';

const snap = (registration: Registration, error: PhoneSnapshot['error'] = null): PhoneSnapshot => ({
  registration, error, reconnectAttempt: 0, calls: [], aor: 'sip:1001@lab.test',
});

let log: string[];
let notice: UnreachableNotice;

beforeEach(() => {
  vi.useFakeTimers();
  log = [];
  notice = new UnreachableNotice({ show: (title, message) => log.push(`show ${title}: ${message}`), clear: () => log.push('clear') }, 10_000);
});
afterEach(() => vi.useRealTimers());

describe('UnreachableNotice', () => {
  it('a lost connection that lasts: one notification, whatever comes meanwhile; cleared once registered again', () => {
    notice.update(snap(Registration.Registered));
    notice.update(snap(Registration.Reconnecting, phoneError('websocketLost', '1')));
    vi.advanceTimersByTime(9_000);
    expect(log).toEqual([]);
    notice.update(snap(Registration.Registering));
    notice.update(snap(Registration.Reconnecting, phoneError('websocketLost', '2')));
    vi.advanceTimersByTime(2_000);
    expect(log).toEqual([
      'show The phone cannot receive calls: It is not registered with the server (Connection lost). It keeps trying by itself; this notice goes away when it is back.',
    ]);
    notice.update(snap(Registration.Reconnecting, phoneError('websocketLost', '3')));
    vi.advanceTimersByTime(60_000);
    expect(log).toHaveLength(1);
    notice.update(snap(Registration.Registered));
    expect(log.at(-1)).toBe('clear');
  });

  it('back within the grace period (a wake from sleep, a server restart): no notification', () => {
    notice.update(snap(Registration.Reconnecting, phoneError('websocketLost', '1')));
    vi.advanceTimersByTime(3_000);
    notice.update(snap(Registration.Registered));
    vi.advanceTimersByTime(60_000);
    expect(log).toEqual([]);
  });

  it('a refused account is told at once, with the server’s answer', () => {
    notice.update(snap(Registration.Failed, phoneError('authFailed', '404 Not Found')));
    expect(log).toEqual(['show The phone cannot receive calls: The server refused the account (404 Not Found). Check the settings, then save them or press Try again.']);
  });

  it('no account, or stopped on purpose: nothing to tell', () => {
    notice.update(snap(Registration.Unconfigured, phoneError('missingParameter', 'wsUrl')));
    notice.update(snap(Registration.Stopped));
    vi.advanceTimersByTime(60_000);
    expect(log).toEqual([]);
  });
});

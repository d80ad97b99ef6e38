import { describe, expect, it } from 'vitest';
import { describeError, phoneError } from './errors';
import { isNetworkFailure } from './plain-words';

describe('failures in plain words, codes in a details line', () => {
  it('a number the PBX cannot route says what to do; "Not Found (404)" is only in the details', () => {
    const text = describeError(phoneError('callRejected', 'Not Found', '404'));
    expect(text.message).toBe('That number could not be reached: it may be wrong or not in service. Check it and call again.');
    expect(`${text.title} ${text.message} ${text.hint}`).not.toMatch(/404|Not Found/);
    expect(text.details).toBe('SIP 404 Not Found');
  });

  it('a busy PBX (503) is the server, in words; the code in the details', () => {
    const text = describeError(phoneError('callRejected', 'Service Unavailable', '503'));
    expect(text.message).toMatch(/^The phone server could not place the call right now/);
    expect(text.details).toBe('SIP 503 Service Unavailable');
    const refused = describeError(phoneError('registrationRetry', '503 Service Unavailable'));
    expect(`${refused.title} ${refused.message}`).not.toMatch(/503|Service Unavailable/);
    expect(refused.details).toBe('SIP 503 Service Unavailable');
    expect(refused.action).toBe('retry');
  });

  it('the engine’s "Failed to start the user agent" is a detail, not the title', () => {
    const text = describeError(phoneError('userAgentStart', 'wss://pbx.example.com/ws'));
    expect(text.title).toBe('Can’t reach the phone server');
    expect(text.details).toBe('Failed to start the user agent');
  });

  it('a code it does not know still reads as a sentence', () => {
    expect(describeError(phoneError('callRejected', 'Weird', '499')).message).toBe('The call did not go through. Try again.');
  });

  it('knows the browsers’ words for "no answer from that server"', () => {
    expect(['Failed to fetch', 'NetworkError when attempting to fetch resource.', 'Load failed'].every(isNetworkFailure)).toBe(true);
    expect(isNetworkFailure('HTTP 502')).toBe(false);
  });
});

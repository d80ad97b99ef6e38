import { describe, expect, it } from 'vitest';
import { describeError } from '../errors';
import { TurnFailure } from './fast-ice';
import { setupError } from './media';

describe('why a call could not be set up', () => {
  it('names TURN, the server and the reason when the relay gave no address', () => {
    const text = describeError(setupError(new TurnFailure('turn:t.example.com:3478', 401)));
    expect(text.title).toBe('TURN relay failed');
    expect(text.message).toBe('The TURN server turn:t.example.com:3478 gave no relay address: it refused the username or credential (401).');
    expect(text.action).toBe('openSettings');
    expect(describeError(setupError(new TurnFailure('turn:t', 701))).message).toContain('it could not be reached');
    expect(describeError(setupError(new TurnFailure('turn:t', 0))).message).toContain('no answer came in time');
  });

  it('keeps the microphone reasons and names anything else as it came', () => {
    expect(setupError(Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' })).code).toBe('micDenied');
    expect(setupError(new Error('boom'))).toEqual({ code: 'internal', args: ['boom'] });
  });
});

import { describe, expect, it } from 'vitest';
import { redact } from './log';

describe('redact', () => {
  it('hides secrets by key at any depth', () => {
    expect(redact({ config: { secret: 'hunter2', username: '1001', authorizationPassword: 'x' } })).toEqual({
      config: { secret: '[redacted]', username: '1001', authorizationPassword: '[redacted]' },
    });
  });

  it('hides digest credentials in SIP text', () => {
    const sip = 'REGISTER sip:lab.test SIP/2.0\r\nAuthorization: Digest username="1001", response="abc"\r\nCSeq: 2 REGISTER';
    const out = redact(sip) as string;
    expect(out).toContain('Authorization: Digest [redacted]');
    expect(out).not.toContain('response="abc"');
    expect(out).toContain('CSeq: 2 REGISTER');
  });
});

import { describe, expect, it } from 'vitest';
import { parseMessageSummary } from './message-summary';

describe('parseMessageSummary (RFC 3842)', () => {
  it('reads waiting and the voice counts, urgent counts and other lines aside', () => {
    expect(parseMessageSummary('Messages-Waiting: yes\r\nMessage-Account: sip:1001@lab.test\r\nVoice-Message: 2/8 (1/0)\r\n')).toEqual({
      waiting: true, newMessages: 2, oldMessages: 8,
    });
    expect(parseMessageSummary('messages-waiting:NO\nvoice-message: 0/3\n')).toEqual({ waiting: false, newMessages: 0, oldMessages: 3 });
  });

  it('a summary without voice counts says only whether messages wait', () => {
    expect(parseMessageSummary('Messages-Waiting: yes\r\n')).toEqual({ waiting: true, newMessages: null, oldMessages: null });
    expect(parseMessageSummary('Messages-Waiting: yes\r\nFax-Message: 1/0\r\n')).toEqual({ waiting: true, newMessages: null, oldMessages: null });
  });

  it.each([
    ['empty', ''],
    ['no status line', 'Voice-Message: 2/0\r\n'],
    ['status not yes/no', 'Messages-Waiting: maybe\r\n'],
    ['negative count', 'Messages-Waiting: yes\r\nVoice-Message: -2/0\r\n'],
    ['huge count', 'Messages-Waiting: yes\r\nVoice-Message: 99999999999/0\r\n'],
    ['words for numbers', 'Messages-Waiting: yes\r\nVoice-Message: two/zero\r\n'],
    ['markup', '<script>alert(1)</script>\r\nMessages-Waiting: yes\r\nVoice-Message: 1/<b>0</b>\r\n'],
    ['too long', `Messages-Waiting: yes\r\n${'X-Pad: y\r\n'.repeat(2000)}`],
    ['binary', '\u0000\u0001\u0002\uFFFD'],
  ])('a garbled body (%s) gives null', (_what, body) => {
    expect(parseMessageSummary(body)).toBeNull();
  });

  it('never throws on anything', () => {
    for (const body of [undefined, null, 42, {}, 'Messages-Waiting', ':::', '\r\n\r\n'.repeat(100)]) {
      expect(() => parseMessageSummary(body as unknown as string)).not.toThrow();
    }
  });
});

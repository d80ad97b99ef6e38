import { describe, expect, it } from 'vitest';
import { Answers } from './answers';

describe('the answers a long-lived page keeps', () => {
  it('are bounded: beyond the limit the oldest go, down to half of it', () => {
    const answers = new Answers(10);
    for (let i = 0; i < 10; i++) answers.set(`n${i}`, null);
    answers.trim();
    expect(answers.size).toBe(10);
    answers.set('n10', { e164: '+16505550102', display: '+1 650 555 0102' });
    answers.trim();
    expect([...answers.keys()]).toEqual(['n6', 'n7', 'n8', 'n9', 'n10']);
  });
});

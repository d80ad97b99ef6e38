import { describe, expect, it } from 'vitest';
import { numberFromLink, parseContentMessage } from './content';
import { isOwnContentScript } from './senders';

describe('content-script messages', () => {
  it('accepts well-formed requests', () => {
    expect(parseContentMessage({ type: 'cs:resolve', items: [{ number: '(212) 555-0147', ext: '204' }] }))
      .toEqual({ type: 'cs:resolve', items: [{ number: '(212) 555-0147', ext: '204' }] });
    expect(parseContentMessage({ type: 'cs:dial', number: '+16505550102', seen: true })).toEqual({ type: 'cs:dial', number: '+16505550102', seen: true });
    expect(parseContentMessage({ type: 'cs:dialLink', href: 'tel:+1-650-555-0102', seen: true })).toEqual({ type: 'cs:dialLink', href: 'tel:+1-650-555-0102', seen: true });
  });

  it.each([
    null, 'cs:dial', { type: 'phone:dial', number: '+16505550102' },
    { type: 'cs:dial', number: '6505550102', seen: true }, { type: 'cs:dial', number: '+1650555;transport=tcp', seen: true },
    { type: 'cs:dial', number: '+16505550102@evil.example', seen: true }, { type: 'cs:dial', number: ['+16505550102'] },
    { type: 'cs:dial', number: '+16505550102' }, { type: 'cs:dialLink', href: 'tel:+16505550102', seen: 'yes' },
    { type: 'cs:resolve', items: [] }, { type: 'cs:resolve', items: [{ number: '<script>', ext: '' }] },
    { type: 'cs:resolve', items: [{ number: '6505550102', ext: 'x1' }] },
    { type: 'cs:resolve', items: Array.from({ length: 401 }, () => ({ number: '6505550102', ext: '' })) },
    { type: 'cs:dialLink', href: 'javascript:alert(1)', seen: true }, { type: 'cs:dialLink', href: `tel:${'1'.repeat(300)}`, seen: true },
  ])('refuses %j', (m) => {
    expect(parseContentMessage(m)).toBeNull();
  });

  it('accepts Kanban card requests only with real record ids, and no more than a board holds', () => {
    expect(parseContentMessage({ type: 'cs:odooQueueState', resIds: [4, 2, 4] })).toEqual({ type: 'cs:odooQueueState', resIds: [4, 2] });
    expect(parseContentMessage({ type: 'cs:odooToggle', resId: 7, add: true })).toEqual({ type: 'cs:odooToggle', resId: 7, add: true });
    for (const bad of [
      { type: 'cs:odooQueueState', resIds: [] },
      { type: 'cs:odooQueueState', resIds: [1, '2'] },
      { type: 'cs:odooQueueState', resIds: [0] },
      { type: 'cs:odooQueueState', resIds: [1.5] },
      { type: 'cs:odooQueueState', resIds: Array.from({ length: 501 }, (_, i) => i + 1) },
      { type: 'cs:odooToggle', resId: -1, add: true },
      { type: 'cs:odooToggle', resId: 3, add: 'yes' },
      { type: 'cs:odooToggle', resId: 2 ** 60, add: false },
    ]) {
      expect(parseContentMessage(bad), JSON.stringify(bad).slice(0, 60)).toBeNull();
    }
  });

  it('acts only for our content scripts in a real tab', () => {
    const origin = 'chrome-extension://abc/';
    expect(isOwnContentScript({ id: 'abc', url: 'https://a.example/', tab: { id: 3 } }, origin, 'abc')).toBe(true);
    expect(isOwnContentScript({ id: 'abc', url: 'chrome-extension://abc/popup.html' }, origin, 'abc')).toBe(false);
    expect(isOwnContentScript({ id: 'other', url: 'https://a.example/', tab: { id: 3 } }, origin, 'abc')).toBe(false);
  });

  it('reads the number out of tel: and callto: links', () => {
    expect(numberFromLink('tel:+1-650-555-0102')).toBe('+1-650-555-0102');
    expect(numberFromLink('tel:%2B44%2020%207946%200018;phone-context=example.com')).toBe('+44 20 7946 0018');
    expect(numberFromLink('callto://+4930123456')).toBe('+4930123456');
    expect(numberFromLink('tel:')).toBeNull();
    expect(numberFromLink('tel:%E0%A4%A')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { parseUiMessage } from './protocol';
import { isOwnExtensionPage } from './senders';

describe('parseUiMessage', () => {
  it('accepts well-formed commands and copies only known fields', () => {
    expect(parseUiMessage({ type: 'phone:dial', number: '+16506913277', extra: 'x' })).toEqual({
      type: 'phone:dial',
      number: '+16506913277',
    });
    expect(parseUiMessage({ type: 'phone:mute', callId: 'abc123', muted: true })).toEqual({
      type: 'phone:mute',
      callId: 'abc123',
      muted: true,
    });
  });

  it.each([
    null,
    'phone:dial',
    { type: 'phone:dial' },
    { type: 'phone:dial', number: 42 },
    { type: 'phone:dial', number: 'x'.repeat(65) },
    { type: 'phone:mute', callId: 'a', muted: 'yes' },
    { type: 'phone:dtmf', callId: 'a', digits: '12<script>' },
    { type: 'phone:hangup', callId: '../../etc' },
    { type: 'bg:saveSettings', form: { wsUrl: 'x' } },
    { type: 'host:cmd', cmd: { type: 'configure' } },
    { type: 'nope' },
  ])('refuses %j', (m) => {
    expect(parseUiMessage(m)).toBeNull();
  });

  it('drops unknown settings fields so nothing else reaches storage', () => {
    const form = {
      wsUrl: 'wss://a', domain: 'a', username: 'u', authorizationUser: '', displayName: '',
      defaultCountry: 'US', secret: '', callWaiting: false, maxLines: 2, debug: false, __proto__x: 1,
    };
    const parsed = parseUiMessage({ type: 'bg:saveSettings', form });
    expect(parsed && 'form' in parsed && Object.keys(parsed.form).sort()).toEqual(
      ['authorizationUser', 'callWaiting', 'debug', 'defaultCountry', 'displayName', 'domain', 'maxLines', 'secret', 'username', 'wsUrl'],
    );
  });
});

describe('isOwnExtensionPage', () => {
  const origin = 'chrome-extension://abc/';
  it('accepts our pages and refuses content scripts and other extensions', () => {
    expect(isOwnExtensionPage({ id: 'abc', url: 'chrome-extension://abc/popup.html' }, origin, 'abc')).toBe(true);
    expect(isOwnExtensionPage({ id: 'abc', url: 'https://evil.example/', tab: {} }, origin, 'abc')).toBe(false);
    expect(isOwnExtensionPage({ id: 'other', url: 'chrome-extension://other/x.html' }, origin, 'abc')).toBe(false);
    expect(isOwnExtensionPage({ id: 'abc' }, origin, 'abc')).toBe(false);
  });
});

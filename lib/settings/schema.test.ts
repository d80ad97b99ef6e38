import { describe, expect, it } from 'vitest';
import { accountFromStorage, emptySettings, missingParameters, validateSettings, type SettingsForm } from './schema';

const good: SettingsForm = {
  wsUrl: 'wss://pbx.example.com:8089/ws',
  domain: 'pbx.example.com',
  username: '1001',
  authorizationUser: '',
  displayName: 'Jane Seller',
  defaultCountry: 'DE',
  callWaiting: false,
  maxLines: 2,
  debug: false,
  secret: 's3cret',
};

describe('validateSettings', () => {
  it('accepts a complete account and trims it', () => {
    const r = validateSettings({ ...good, wsUrl: '  wss://pbx.example.com:8089/ws ', domain: 'PBX.example.com' }, false);
    expect(r).toEqual({
      ok: true,
      account: expect.objectContaining({ wsUrl: 'wss://pbx.example.com:8089/ws', domain: 'pbx.example.com' }),
      secret: 's3cret',
    });
    expect(r.ok && 'secret' in r.account).toBe(false);
  });

  it('gives one message per wrong field', () => {
    const r = validateSettings(
      { ...good, wsUrl: 'https://pbx', domain: 'pbx example', username: 'a b', defaultCountry: 'ZZ', secret: '' },
      false,
    );
    expect(r).toEqual({
      ok: false,
      errors: {
        wsUrl: 'validation.wsUrl.scheme',
        domain: 'validation.domain.invalid',
        username: 'validation.username.invalid',
        defaultCountry: 'validation.country.invalid',
        secret: 'validation.required',
      },
    });
  });

  it('allows plain ws:// only for a PBX on this computer', () => {
    expect(validateSettings({ ...good, wsUrl: 'ws://127.0.0.1:5066' }, false).ok).toBe(true);
    expect(validateSettings({ ...good, wsUrl: 'ws://localhost/ws' }, false).ok).toBe(true);
    expect(validateSettings({ ...good, wsUrl: 'ws://pbx.example.com/ws' }, false)).toMatchObject({
      errors: { wsUrl: 'validation.wsUrl.insecure' },
    });
    expect(validateSettings({ ...good, wsUrl: 'wss://' }, false)).toMatchObject({ errors: { wsUrl: 'validation.wsUrl.invalid' } });
  });

  it('a blank secret keeps the saved one', () => {
    expect(validateSettings({ ...good, secret: '' }, true)).toMatchObject({ ok: true, secret: undefined });
  });

  it('refuses quotes and line breaks in the display name', () => {
    expect(validateSettings({ ...good, displayName: 'Eve"\r\nX-Evil: 1' }, true)).toMatchObject({
      errors: { displayName: 'validation.displayName.invalid' },
    });
  });

  it('accepts IP addresses and ports as the domain', () => {
    expect(validateSettings({ ...good, domain: '10.0.0.5:5060' }, true).ok).toBe(true);
    expect(validateSettings({ ...good, domain: '[::1]' }, true).ok).toBe(true);
  });
});

describe('number of lines', () => {
  it('keeps 1 to 3; anything else is a field error that names it', () => {
    for (const n of [1, 2, 3]) expect(validateSettings({ ...good, maxLines: n }, false)).toMatchObject({ ok: true, account: { maxLines: n } });
    for (const n of [0, 4, 2.5, Number.NaN]) expect(validateSettings({ ...good, maxLines: n }, false)).toEqual({ ok: false, errors: { maxLines: 'validation.maxLines' } });
  });

  it('an account saved before the field (or damaged) gets 2 lines', () => {
    const defaults = emptySettings('US');
    expect(accountFromStorage({ ...good, maxLines: undefined }, defaults).maxLines).toBe(2);
    expect(accountFromStorage({ ...good, maxLines: 9 }, defaults).maxLines).toBe(2);
    expect(accountFromStorage({ ...good, maxLines: 3 }, defaults).maxLines).toBe(3);
  });
});

describe('missingParameters', () => {
  it('lists what keeps the phone from starting', () => {
    expect(missingParameters(undefined, false)).toEqual(['wsUrl', 'domain', 'username', 'secret']);
    expect(missingParameters({ ...good }, true)).toEqual([]);
    expect(missingParameters({ ...good, domain: '' }, true)).toEqual(['domain']);
  });
});

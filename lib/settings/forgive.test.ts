import { describe, expect, it } from 'vitest';
import { cleanDomain, suggestWsUrl } from './forgive';

describe('a server name typed as the WebSocket URL', () => {
  it('gets a wss:// suggestion with the usual path', () => {
    expect(suggestWsUrl('pbx.example.com')).toBe('wss://pbx.example.com/ws');
    expect(suggestWsUrl(' PBX.example.com:8089 ')).toBe('wss://pbx.example.com:8089/ws');
  });

  it('a web address keeps its path and port, with the WebSocket scheme', () => {
    expect(suggestWsUrl('https://pbx.example.com:8089/asterisk/ws')).toBe('wss://pbx.example.com:8089/asterisk/ws');
    expect(suggestWsUrl('http://127.0.0.1:8080/ws')).toBe('ws://127.0.0.1:8080/ws');
    expect(suggestWsUrl('http://pbx.example.com')).toBe('wss://pbx.example.com/ws');
  });

  it('nothing to suggest for a WebSocket URL, an empty field, or something that is no address', () => {
    for (const v of ['wss://pbx.example.com/ws', 'ws://127.0.0.1:8080', '', 'hello', 'ftp://pbx.example.com', 'a b.com']) {
      expect(suggestWsUrl(v)).toBeNull();
    }
  });
});

describe('a web address typed as the SIP domain', () => {
  it('is cut to the server name, saying what was removed', () => {
    expect(cleanDomain('https://pbx.example.com/')).toEqual({ domain: 'pbx.example.com', removed: ['https://', '/'] });
    expect(cleanDomain('sip:1001@pbx.example.com')).toEqual({ domain: 'pbx.example.com', removed: ['sip:', '1001@'] });
    expect(cleanDomain('https://pbx.example.com/web/login')).toMatchObject({ domain: 'pbx.example.com' });
  });

  it('a plain name, or a name and port, is left as typed', () => {
    expect(cleanDomain('pbx.example.com')).toEqual({ domain: 'pbx.example.com', removed: [] });
    expect(cleanDomain('pbx.example.com:5060')).toEqual({ domain: 'pbx.example.com:5060', removed: [] });
    expect(cleanDomain('')).toEqual({ domain: '', removed: [] });
  });
});

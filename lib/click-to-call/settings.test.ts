import { describe, expect, it } from 'vitest';
import { isActiveOn, readClickToCall, siteOf, withSite } from './settings';

describe('click-to-call settings', () => {
  it('reads damaged or old data as the defaults, keeping what is valid', () => {
    expect(readClickToCall(undefined)).toEqual({ enabled: true, disabledSites: [] });
    expect(readClickToCall('on')).toEqual({ enabled: true, disabledSites: [] });
    expect(readClickToCall({ enabled: 'no', disabledSites: ['ok.example', 42, 'bad host', 'ok.example'] }))
      .toEqual({ enabled: true, disabledSites: ['ok.example'] });
    expect(readClickToCall({ enabled: false })).toEqual({ enabled: false, disabledSites: [] });
  });

  it('names a site by its host; extension and browser pages have none', () => {
    expect(siteOf('https://CRM.Example.com:8443/leads?id=1')).toBe('crm.example.com');
    expect(siteOf('http://127.0.0.1:8080/')).toBe('127.0.0.1');
    expect(siteOf('chrome-extension://abc/popup.html')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });

  it('turns a site off and on again; the global switch wins', () => {
    const off = withSite({ enabled: true, disabledSites: [] }, 'a.example', false);
    expect(isActiveOn(off, 'a.example')).toBe(false);
    expect(isActiveOn(off, 'b.example')).toBe(true);
    expect(isActiveOn(withSite(off, 'a.example', true), 'a.example')).toBe(true);
    expect(isActiveOn({ enabled: false, disabledSites: [] }, 'b.example')).toBe(false);
  });
});

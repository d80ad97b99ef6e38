import { describe, expect, it } from 'vitest';
import { isActiveOn, readClickToCall, siteOf, withSite, withTrust } from './settings';

describe('click-to-call settings', () => {
  it('reads damaged or old data as the defaults, keeping what is valid', () => {
    expect(readClickToCall(undefined)).toEqual({ enabled: true, disabledSites: [], trustedSites: [] });
    expect(readClickToCall('on')).toEqual({ enabled: true, disabledSites: [], trustedSites: [] });
    expect(readClickToCall({ enabled: 'no', disabledSites: ['ok.example', 42, 'bad host', 'ok.example'] }))
      .toEqual({ enabled: true, disabledSites: ['ok.example'], trustedSites: [] });
    expect(readClickToCall({ trustedSites: ['crm.example', '<evil>', 7] }).trustedSites).toEqual(['crm.example']);
    expect(readClickToCall({ enabled: false })).toEqual({ enabled: false, disabledSites: [], trustedSites: [] });
  });

  it('names a site by its host; extension and browser pages have none', () => {
    expect(siteOf('https://CRM.Example.com:8443/leads?id=1')).toBe('crm.example.com');
    expect(siteOf('http://127.0.0.1:8080/')).toBe('127.0.0.1');
    expect(siteOf('chrome-extension://abc/popup.html')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
    // A frame with no address of its own belongs to the site that made it.
    expect(siteOf('about:srcdoc', 'https://mail.example.com')).toBe('mail.example.com');
    expect(siteOf('about:blank', 'https://mail.example.com')).toBe('mail.example.com');
    expect(siteOf('about:blank', 'null')).toBeNull();
    expect(siteOf('about:blank')).toBeNull();
  });

  it('turns a site off and on again; the global switch wins', () => {
    const off = withSite({ enabled: true, disabledSites: [], trustedSites: [] }, 'a.example', false);
    expect(isActiveOn(off, 'a.example')).toBe(false);
    expect(isActiveOn(off, 'b.example')).toBe(true);
    expect(isActiveOn(withSite(off, 'a.example', true), 'a.example')).toBe(true);
    expect(isActiveOn({ enabled: false, disabledSites: [], trustedSites: [] }, 'b.example')).toBe(false);
  });

  it('trusts a site and takes the trust back', () => {
    const trusted = withTrust(readClickToCall(undefined), 'crm.example', true);
    expect(trusted.trustedSites).toEqual(['crm.example']);
    expect(withTrust(trusted, 'crm.example', false).trustedSites).toEqual([]);
  });
});

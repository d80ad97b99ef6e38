// Property-based tests (fast-check, 10,000 cases each) over what takes input from users, pages
// and other contexts: the number normaliser, the page detector, settings validation and every
// message parser. No input makes them throw; every rejection is a typed value with a message;
// nothing accepted can carry SIP syntax into a URI.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptedCandidates, rejection, shorterAccepted } from './integrations/click-to-call/guards';
import { findCandidates, mayHaveNumbers } from './integrations/click-to-call/candidates';
import { resolveNumber } from './click-to-call/resolve';
import { t, type MessageKey } from './i18n';
import { parseContentMessage } from './messaging/content';
import { parseUiMessage } from './messaging/protocol';
import { normaliseNumber } from './phone-number';
import { validateOdooSettings } from './providers/odoo/settings';
import { validateSettings } from './settings/schema';

/** 10,000 cases each in `npm test`; `npm run test:fast` asks for fewer (PROPERTY_RUNS). */
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 10_000) };
/** What a SIP user part built from a dial target may look like: digits, a leading + or * / #. */
const SAFE_SIP_USER = /^(?:\+\d{2,15}|[*#]?\d{2,6})$/;

/** Text as people and pages write it, with SIP and HTML syntax mixed in. */
const messy = fc.string({
  unit: fc.constantFrom(...'0123456789+-() ./#*;<>@:"\'\r\n\t\u00a0xXext.sip%&=?abcDEF€$'.split(''), ...['ext. ', 'sip:', '@evil.example', '\r\n', ';transport=tcp', '<sip:x@y>']),
  maxLength: 40,
});
const anyText = fc.oneof(messy, fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 30 }));
const countries = fc.constantFrom('US', 'GB', 'DE', 'FR', 'IN', 'BR', 'JP', 'XX', '', 'us', 'ZZZ');

const isMessageKey = (k: unknown): k is MessageKey => typeof k === 'string' && t(k as MessageKey) !== k && t(k as MessageKey).length > 0;

describe('property: number normaliser', () => {
  it('never throws; accepts only digits (and + * #) that are safe in a SIP URI', () => {
    fc.assert(
      fc.property(anyText, countries, (input, country) => {
        const r = normaliseNumber(input, country);
        if (r.ok) {
          expect(r.target.number).toMatch(SAFE_SIP_USER);
          expect(r.target.number).not.toMatch(/[;<>@\s:]/);
        } else {
          expect(r.reason).toBe('incorrectNumber');
        }
      }),
      RUNS,
    );
  });

  it('refuses every target that smuggles SIP syntax next to a real number', () => {
    const injection = fc.constantFrom(';', '<', '>', '\r\n', '\n', '@otherhost.example', ' @ x', ';transport=tcp', '>;tag=1', 'sip:');
    fc.assert(
      fc.property(fc.constantFrom('+16505550102', '1002', '+4930123456'), injection, fc.nat(14), (number, bad, at) => {
        const cut = Math.min(at, number.length);
        const r = normaliseNumber(number.slice(0, cut) + bad + number.slice(cut), 'US');
        if (r.ok) expect(r.target.number).toMatch(SAFE_SIP_USER);
      }),
      RUNS,
    );
  });
});

describe('property: page detector', () => {
  it('never throws; every candidate lies inside the text and holds digits; guards answer or pass', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const found = findCandidates(text);
        for (const c of found) {
          expect(c.start).toBeGreaterThanOrEqual(0);
          expect(c.end).toBeLessThanOrEqual(text.length);
          expect(c.start).toBeLessThan(c.end);
          expect(c.number).toMatch(/\d/);
          const r = rejection(text, c);
          expect(r === null || typeof r === 'string').toBe(true);
          const shorter = shorterAccepted(text, c);
          if (shorter) expect(shorter.end).toBeLessThanOrEqual(c.end);
        }
        const accepted = acceptedCandidates(text, found);
        expect(accepted.length).toBeLessThanOrEqual(found.length);
        if (found.length > 0) expect(mayHaveNumbers(text)).toBe(true);
      }),
      RUNS,
    );
  });

  it("the background's resolver never throws, and resolves only to E.164", () => {
    fc.assert(
      fc.property(anyText, countries, (written, country) => {
        const r = resolveNumber(written, country);
        if (r) expect(r.e164).toMatch(/^\+\d{6,15}$/);
      }),
      RUNS,
    );
  });
});

describe('property: settings validation', () => {
  const form = fc.record({
    wsUrl: anyText, domain: anyText, username: anyText, authorizationUser: anyText, displayName: anyText,
    secret: anyText, defaultCountry: anyText, callWaiting: fc.boolean(), debug: fc.boolean(),
    maxLines: fc.oneof(fc.integer({ min: -5, max: 10 }), fc.double()),
  });

  it('never throws; each refusal names fields with a message a user can read', () => {
    fc.assert(
      fc.property(form, fc.boolean(), (f, hasSecret) => {
        const r = validateSettings(f, hasSecret);
        if (r.ok) {
          expect(r.account.username).toMatch(/^[^\s;<>@:]+$/);
          expect([1, 2, 3]).toContain(r.account.maxLines);
          return;
        }
        const keys = Object.values(r.errors);
        expect(keys.length).toBeGreaterThan(0);
        for (const k of keys) expect(isMessageKey(k)).toBe(true);
      }),
      RUNS,
    );
  });

  it('Odoo settings: never throws; accepted addresses are bare http(s) origins', () => {
    const odoo = fc.record({ url: fc.oneof(anyText, fc.webUrl()), db: anyText, mode: fc.constantFrom('session' as const, 'apiKey' as const), login: anyText, key: anyText });
    fc.assert(
      fc.property(odoo, fc.boolean(), (f, hasKey) => {
        const r = validateOdooSettings(f, hasKey);
        if (r.ok) {
          expect(r.settings.url).toBe(new URL(r.settings.url).origin);
          expect(r.settings.url).toMatch(/^https?:\/\//);
        } else {
          for (const k of Object.values(r.errors)) expect(isMessageKey(k)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('property: message payload validation', () => {
  const types = [
    'phone:getState', 'phone:dial', 'phone:answer', 'phone:decline', 'phone:hangup', 'phone:dismiss', 'phone:mute', 'phone:hold',
    'phone:dtmf', 'phone:transfer', 'bg:getSettings', 'bg:saveSettings', 'bg:openOptions', 'bg:openMicPage',
    'bg:syncEmailAlarms', 'bg:missedSeen', 'bg:odooChanged', 'cs:resolve', 'cs:dial', 'cs:dialLink', 'cs:odooQueueState', 'cs:odooToggle',
  ];
  const message = fc.oneof(
    fc.anything(),
    fc.record(
      {
        type: fc.oneof(fc.constantFrom(...types), fc.string()),
        number: fc.oneof(anyText, fc.anything()), callId: fc.oneof(fc.string(), fc.anything()), digits: fc.oneof(anyText, fc.anything()),
        target: fc.oneof(anyText, fc.anything()), muted: fc.anything(), held: fc.anything(), granted: fc.anything(),
        href: fc.oneof(anyText, fc.constant('tel:+16505550102'), fc.anything()), items: fc.anything(), resIds: fc.anything(),
        resId: fc.anything(), add: fc.anything(), form: fc.anything(),
      },
      { requiredKeys: ['type'] },
    ),
  );

  it('extension-page messages: never throws; anything accepted has the declared shape', () => {
    fc.assert(
      fc.property(message, (m) => {
        const r = parseUiMessage(m);
        if (r === null) return;
        expect(types).toContain(r.type);
        if ('callId' in r) expect(typeof r.callId).toBe('string');
        if ('number' in r) expect(typeof r.number).toBe('string');
        if (r.type === 'phone:dtmf') expect(r.digits).toMatch(/^[0-9*#A-D]+$/);
      }),
      RUNS,
    );
  });

  it('content-script messages: never throws; accepted dial numbers are E.164 and links are tel:/callto:', () => {
    fc.assert(
      fc.property(message, (m) => {
        const r = parseContentMessage(m);
        if (r === null) return;
        if (r.type === 'cs:dial') expect(r.number).toMatch(/^\+\d{6,15}$/);
        if (r.type === 'cs:dialLink') expect(r.href).toMatch(/^(?:tel|callto):/i);
        if (r.type === 'cs:odooQueueState') for (const id of r.resIds) expect(Number.isSafeInteger(id) && id > 0).toBe(true);
        if (r.type === 'cs:odooToggle') expect(Number.isSafeInteger(r.resId) && r.resId > 0).toBe(true);
      }),
      RUNS,
    );
  });
});

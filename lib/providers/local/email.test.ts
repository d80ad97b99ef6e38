import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshProvider, reason, value } from './test-support';
import type { LocalDataProvider } from './index';

const NOW = 1_700_000_000_000;
const mail = { to: 'ann@acme.example', subject: 'Quote', body: 'Hello', contactId: null };

describe('local email', () => {
  let p: LocalDataProvider;

  beforeEach(() => {
    p = freshProvider({ now: () => NOW });
  });

  it('sends through the mail client', () => {
    expect(p.email.sendMode).toBe('mailto');
  });

  it('schedules only in the future, to valid addresses', async () => {
    expect(reason(await p.email.schedule(mail, NOW))).toMatch(/in the future/);
    expect(reason(await p.email.schedule(mail, NOW - 1))).toMatch(/in the future/);
    expect(reason(await p.email.schedule(mail, Number.NaN))).toMatch(/not a valid time/);
    expect(reason(await p.email.schedule({ ...mail, to: ' ' }, NOW + 1))).toMatch(/needs a recipient/);
    expect(reason(await p.email.schedule({ ...mail, to: 'ann@acme.example, bob' }, NOW + 1))).toMatch(/"bob" is not/);
    expect(value(await p.email.schedule({ ...mail, to: 'a@x.example; b@y.example' }, NOW + 1)).state).toBe('scheduled');
  });

  it('lists scheduled emails soonest first; cancelled and sent ones leave the list', async () => {
    const late = value(await p.email.schedule({ ...mail, subject: 'late' }, NOW + 3_000));
    const soon = value(await p.email.schedule({ ...mail, subject: 'soon' }, NOW + 1_000));
    const mid = value(await p.email.schedule({ ...mail, subject: 'mid' }, NOW + 2_000));
    expect(value(await p.email.scheduled()).map((e) => e.subject)).toEqual(['soon', 'mid', 'late']);
    value(await p.email.cancelScheduled(mid.id));
    value(await p.email.markSent(soon.id));
    expect(value(await p.email.scheduled()).map((e) => e.id)).toEqual([late.id]);
    expect(reason(await p.email.markSent(mid.id))).toMatch(/already cancelled/);
    expect(reason(await p.email.cancelScheduled(soon.id))).toMatch(/already sent/);
    expect(reason(await p.email.cancelScheduled('nope'))).toMatch(/no longer exists/);
  });
});

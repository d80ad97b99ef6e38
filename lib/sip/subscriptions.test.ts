import { afterEach, describe, expect, it } from 'vitest';
import { makePhone, stopPhone, until } from '../../tests/fakes/harness';
import { header } from '../../tests/fakes/sip-wire';
import { Registration } from './states';

type Phone = ReturnType<typeof makePhone>;
let phone: Phone | null = null;

afterEach(async () => {
  await stopPhone(phone);
  phone = null;
});

const SUMMARY = 'application/simple-message-summary';
const DIALOG = 'application/dialog-info+xml';
const summary = (n: number) => `Messages-Waiting: ${n > 0 ? 'yes' : 'no'}\r\nMessage-Account: sip:1001@lab.test\r\nVoice-Message: ${n}/1 (0/0)\r\n`;
const dialogInfo = (state: string) =>
  `<?xml version="1.0"?>\n<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="1" state="full" entity="sip:1003@lab.test">` +
  `<dialog id="a" direction="recipient"><state>${state}</state></dialog></dialog-info>`;

async function registered(subscribeExpires: number | null = null): Promise<Phone> {
  phone = makePhone({ resubscribeMs: 20 });
  phone.pbx.subscribeExpires = subscribeExpires;
  await phone.engine.start(phone.config);
  await until(() => phone!.engine.snapshot().registration === Registration.Registered, 'registration');
  return phone;
}

describe('voicemail (message-summary subscription)', () => {
  it('subscribes to its own mailbox once registered, and shows what the server publishes', async () => {
    const p = await registered();
    const sub = await until(() => p.pbx.live('message-summary', '1001')[0], 'SUBSCRIBE message-summary');
    const req = p.pbx.requests('SUBSCRIBE').find((r) => header(r, 'call-id') === sub.callId)!;
    expect(header(req, 'accept')).toBe(SUMMARY);
    expect(p.engine.snapshot().voicemail).toBeUndefined();
    p.pbx.publish('1001', 'message-summary', SUMMARY, summary(3));
    await until(() => p.engine.snapshot().voicemail?.newMessages === 3, '3 new');
    p.pbx.publish('1001', 'message-summary', SUMMARY, summary(0));
    await until(() => p.engine.snapshot().voicemail?.newMessages === 0, '0 new');
    expect(p.engine.snapshot().voicemail?.waiting).toBe(false);
  });

  it('a garbled or hostile body changes nothing, and the phone lives on', async () => {
    const p = await registered();
    await until(() => p.pbx.live('message-summary', '1001')[0], 'subscribed');
    p.pbx.publish('1001', 'message-summary', SUMMARY, summary(2));
    await until(() => p.engine.snapshot().voicemail?.newMessages === 2, '2 new');
    const sub = p.pbx.live('message-summary', '1001')[0]!;
    p.pbx.notify(sub.callId, 'active;expires=600', SUMMARY, 'Messages-Waiting: yes\r\nVoice-Message: <img src=x onerror=alert(1)>\r\n');
    p.pbx.notify(sub.callId, 'active;expires=600', 'text/html', '<h1>hi</h1>');
    p.pbx.publish('1001', 'message-summary', SUMMARY, summary(5));
    await until(() => p.engine.snapshot().voicemail?.newMessages === 5, 'the next good summary');
    const notifies = p.pbx.responses('NOTIFY').filter((r) => header(r, 'call-id') === sub.callId);
    expect(notifies.every((r) => r.status === 200)).toBe(true);
    expect(p.engine.snapshot().registration).toBe(Registration.Registered);
  });

  it('refreshes before it expires', async () => {
    const p = await registered(1);
    await until(() => p.pbx.live('message-summary', '1001')[0], 'subscribed');
    const callId = p.pbx.live('message-summary', '1001')[0]!.callId;
    await until(() => p.pbx.requests('SUBSCRIBE').filter((r) => header(r, 'call-id') === callId).length >= 2, 'a refresh in the same dialog', 5000);
  });

  it('subscribes again after the server ended it, and after a lost connection once registered again', async () => {
    const p = await registered();
    const first = await until(() => p.pbx.live('message-summary', '1001')[0], 'subscribed');
    p.pbx.notify(first.callId, 'terminated;reason=deactivated');
    first.ended = true;
    const second = await until(() => p.pbx.live('message-summary', '1001').find((s) => s.callId !== first.callId), 'a new subscription');
    p.pbx.publish('1001', 'message-summary', SUMMARY, summary(4));
    await until(() => p.engine.snapshot().voicemail?.newMessages === 4, '4 new on the new dialog');
    const registers = p.pbx.requests('REGISTER').length;
    p.pbx.dropAll();
    second.ended = true; // its connection is gone
    await until(() => p.pbx.requests('REGISTER').length > registers && p.engine.snapshot().registration === Registration.Registered, 'registered again', 8000);
    await until(() => p.pbx.live('message-summary', '1001').find((s) => s.callId !== second.callId && s.callId !== first.callId), 'subscribed on the new connection');
  });

  it('unsubscribes (Expires: 0) before it unregisters', async () => {
    const p = await registered();
    const sub = await until(() => p.pbx.live('message-summary', '1001')[0], 'subscribed');
    await p.engine.stop();
    const subs = p.pbx.requests('SUBSCRIBE').filter((r) => header(r, 'call-id') === sub.callId);
    expect(header(subs.at(-1)!, 'expires')).toBe('0');
    const unsubAt = p.pbx.received.indexOf(subs.at(-1)!);
    const unregAt = p.pbx.received.findIndex((m, i) => i > unsubAt && m.method === 'REGISTER');
    expect(unregAt).toBeGreaterThan(unsubAt);
    expect(p.engine.snapshot().voicemail).toBeUndefined();
  });
});

describe('colleagues (dialog subscriptions)', () => {
  it('watches only the extensions asked for, follows their state, and unsubscribes when asked for none', async () => {
    const p = await registered();
    expect(p.engine.watchColleagues(['1003', '1004', 'bad;x', '1003']).ok).toBe(true);
    await until(() => p.pbx.live('dialog', '1003')[0] && p.pbx.live('dialog', '1004')[0], 'two dialog subscriptions');
    expect(p.pbx.live('dialog')).toHaveLength(2);
    expect(p.engine.snapshot().colleagues).toEqual({ '1003': 'unknown', '1004': 'unknown' });
    p.pbx.publish('1003', 'dialog', DIALOG, dialogInfo('early'));
    await until(() => p.engine.snapshot().colleagues?.['1003'] === 'ringing', 'ringing');
    p.pbx.publish('1003', 'dialog', DIALOG, dialogInfo('confirmed'));
    await until(() => p.engine.snapshot().colleagues?.['1003'] === 'busy', 'on a call');
    p.pbx.publish('1003', 'dialog', DIALOG, '<dialog-info><dialog id="x"><state>garbage</state>');
    p.pbx.publish('1003', 'dialog', DIALOG, dialogInfo('terminated'));
    await until(() => p.engine.snapshot().colleagues?.['1003'] === 'available', 'available');
    const sub1004 = p.pbx.live('dialog', '1004')[0]!;
    p.engine.watchColleagues(['1003']);
    await until(() => p.pbx.requests('SUBSCRIBE').some((r) => header(r, 'call-id') === sub1004.callId && header(r, 'expires') === '0'), '1004 unsubscribed');
    expect(p.engine.snapshot().colleagues).toEqual({ '1003': 'available' });
    p.engine.watchColleagues([]);
    await until(() => p.pbx.live('dialog').length === 0, 'none watched');
    expect(p.engine.snapshot().colleagues).toBeUndefined();
  });

  it('caps how many are watched at once', async () => {
    const p = await registered();
    p.engine.watchColleagues(Array.from({ length: 16 }, (_, i) => String(2000 + i)));
    await until(() => p.pbx.live('dialog').length === 8, 'eight subscriptions');
    expect(Object.keys(p.engine.snapshot().colleagues ?? {})).toHaveLength(8);
  });
});

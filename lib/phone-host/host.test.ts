// The phone host's command handling over the in-memory fake PBX: what each command puts on the
// wire, what the host publishes, and that nothing it is sent leaves a caller without an answer.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeMediaFactory, type FakeMediaRecord } from '../../tests/fakes/fake-media';
import { FakePbx } from '../../tests/fakes/fake-pbx';
import { until } from '../../tests/fakes/harness';
import { header } from '../../tests/fakes/sip-wire';
import { MemoryTransport } from '../../tests/fakes/memory-transport';
import type { ConfigureCommand } from '../messaging/phone';
import { CallState, Registration } from '../sip/states';
import type { PhoneSnapshot } from '../sip/types';
import { PhoneHost } from './host';

let serial = 0;
let running: { host: PhoneHost; pbx: FakePbx } | null = null;

afterEach(async () => {
  await running?.host.handle({ ...configure(running.pbx), config: null, missing: [] });
  running?.pbx.stop();
  running = null;
});

function configure(pbx: FakePbx): ConfigureCommand {
  return {
    type: 'host:configure',
    config: {
      wsUrl: pbx.url, domain: 'lab.test', username: '1001', authorizationUser: '', secret: 'secret1001', displayName: 'Jane Seller',
      instanceId: '3f1c2d4e-0000-4000-8000-00000000abcd', contactName: 'abcd1234', callWaiting: false,
    },
    missing: [],
    debug: false,
    defaultCountry: 'US',
    odoo: null,
    devices: { microphone: null, speaker: null, ringer: null },
    dnd: null,
  };
}

function makeHost() {
  const pbx = new FakePbx(`ws://host-${++serial}.test/ws`, 'lab.test', { '1001': 'secret1001' });
  const published: PhoneSnapshot[] = [];
  const media: FakeMediaRecord[] = [];
  let history = 0;
  let ringing = false;
  const host = new PhoneHost(
    { publish: (s) => published.push(s), historyChanged: () => history++ },
    {
      engine: { transportConstructor: MemoryTransport, sessionDescriptionHandlerFactory: fakeMediaFactory({ rtpDtmf: true }, media), random: () => 0 },
      ringtone: { start: () => (ringing = true), stop: () => (ringing = false), state: 'stopped' },
    },
  );
  running = { host, pbx };
  const last = () => published.at(-1);
  return { host, pbx, published, last, history: () => history, ringing: () => ringing };
}

const e164 = (number: string) => ({ kind: 'e164' as const, number, display: number });

async function registeredHost() {
  const h = makeHost();
  expect(await h.host.handle(configure(h.pbx))).toEqual({ ok: true, value: undefined });
  await until(() => h.last()?.registration === Registration.Registered, 'Registered published');
  return h;
}

describe('PhoneHost.handle', () => {
  it('configure registers the account; the same account again leaves it running', async () => {
    const h = await registeredHost();
    const registers = h.pbx.requests('REGISTER').length;
    await h.host.handle(configure(h.pbx));
    await new Promise((r) => setTimeout(r, 50));
    expect(h.pbx.requests('REGISTER')).toHaveLength(registers);
  });

  it('a refused account saved again unchanged registers again; so does Try again (phone:retry)', async () => {
    const h = await registeredHost();
    h.pbx.registerAnswer = [404, 'Not Found'];
    h.pbx.dropAll();
    await until(() => h.last()?.registration === Registration.Failed, 'the refusal published');
    h.pbx.registerAnswer = null;
    await h.host.handle(configure(h.pbx));
    await until(() => h.last()?.registration === Registration.Registered, 'registered after saving the same settings');

    h.pbx.registerAnswer = [403, 'Forbidden'];
    h.pbx.dropAll();
    await until(() => h.last()?.registration === Registration.Failed, 'refused again');
    h.pbx.registerAnswer = null;
    expect(await h.host.handle({ type: 'phone:retry' })).toEqual({ ok: true, value: undefined });
    await until(() => h.last()?.registration === Registration.Registered, 'registered after Try again');
  });

  it('dial puts an INVITE for the target on the wire; getState shows the call; hangup sends BYE and the call reaches the history', async () => {
    const h = await registeredHost();
    const dialled = await h.host.handle({ type: 'phone:dial', number: e164('+4930123456') });
    expect(dialled.ok).toBe(true);
    const invite = await until(() => h.pbx.requests('INVITE')[0], 'INVITE');
    expect(invite.ruri).toBe('sip:+4930123456@lab.test');
    await until(() => h.last()?.calls[0]?.state === CallState.Established, 'established');
    const state = await h.host.handle({ type: 'phone:getState' });
    const call = state.ok ? (state.value as PhoneSnapshot).calls[0] : undefined;
    expect(call?.remoteNumber).toBe('+4930123456');
    expect(dialled.ok && dialled.value).toBe(call?.id);

    expect(await h.host.handle({ type: 'phone:hold', callId: call!.id, held: true })).toEqual({ ok: true, value: undefined });
    await until(() => h.pbx.requests('INVITE')[1], 're-INVITE');
    expect(h.pbx.requests('INVITE')[1]!.body).toContain('a=sendonly');

    expect((await h.host.handle({ type: 'phone:hangup', callId: call!.id })).ok).toBe(true);
    await until(() => h.pbx.requests('BYE')[0], 'BYE');
    await until(() => h.history() > 0, 'the call written to the history');
  });

  it('a transfer sends a REFER to the target at the PBX domain', async () => {
    const h = await registeredHost();
    await h.host.handle({ type: 'phone:dial', number: e164('+4930123456') });
    const call = await until(() => h.last()?.calls.find((c) => c.state === CallState.Established), 'established');
    const r = await h.host.handle({ type: 'phone:transfer', callId: call.id, target: { kind: 'extension', number: '1003', display: '1003' } });
    expect(r.ok).toBe(true);
    const refer = await until(() => h.pbx.requests('REFER')[0], 'REFER');
    expect(header(refer, 'refer-to')).toContain('sip:1003@lab.test');
  });

  it('an incoming call rings (ringtone on, state Incoming); decline answers 603 and stops the ringtone', async () => {
    const h = await registeredHost();
    h.pbx.callPhone('1001', '+16505550102');
    const ringing = await until(() => h.last()?.calls.find((c) => c.state === CallState.Incoming), 'incoming');
    expect(h.ringing()).toBe(true);
    expect(await h.host.handle({ type: 'phone:decline', callId: ringing.id })).toEqual({ ok: true, value: undefined });
    await until(() => h.pbx.received.find((m) => m.status === 603), '603 on the wire');
    await until(() => !h.ringing(), 'ringtone stopped');
  });

  it('a command for a call that does not exist is refused with a reason, and nothing goes on the wire', async () => {
    const h = await registeredHost();
    const before = h.pbx.received.length;
    const r = await h.host.handle({ type: 'phone:mute', callId: 'no-such-call', muted: true });
    expect(r.ok).toBe(false);
    expect(h.pbx.received).toHaveLength(before);
  });

  it('without an account, dial says why instead of throwing', async () => {
    const h = makeHost();
    await h.host.handle({ ...configure(h.pbx), config: null, missing: ['wsUrl'] });
    const r = await h.host.handle({ type: 'phone:dial', number: e164('+4930123456') });
    expect(r).toMatchObject({ ok: false, error: { code: expect.any(String) } });
    expect(h.pbx.requests('INVITE')).toHaveLength(0);
  });
});

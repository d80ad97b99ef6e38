import { afterEach, describe, expect, it } from 'vitest';
import { header } from '../../tests/fakes/sip-wire';
import { makePhone, stopPhone, until } from '../../tests/fakes/harness';
import { CallState, Registration } from './states';

type Phone = ReturnType<typeof makePhone>;
let phone: Phone | null = null;

afterEach(async () => {
  await stopPhone(phone);
  phone = null;
});

async function registered(opts: Parameters<typeof makePhone>[0] = {}): Promise<Phone> {
  phone = makePhone(opts);
  await phone.engine.start(phone.config);
  await until(() => phone!.engine.snapshot().registration === Registration.Registered, 'registration');
  return phone;
}

const e164 = (number: string) => ({ kind: 'e164' as const, number, display: number });
const call = (p: Phone) => p.engine.snapshot().calls[0]!;

/** A registered phone in an answered outgoing call. */
async function established(opts: Parameters<typeof makePhone>[0] = {}): Promise<Phone> {
  const p = await registered(opts);
  p.engine.dial(e164('+4930123456'));
  await until(() => call(p).state === CallState.Established, 'established');
  return p;
}

describe('registration', () => {
  it('registers with digest auth, one instance id, and reports Registered', async () => {
    const p = await registered();
    const registers = p.pbx.requests('REGISTER');
    expect(registers).toHaveLength(2);
    expect(header(registers[0]!, 'authorization')).toBe('');
    expect(header(registers[1]!, 'authorization')).toMatch(/^Digest .*username="1001"/);
    expect(header(registers[1]!, 'contact')).toContain('+sip.instance="<urn:uuid:3f1c2d4e-0000-4000-8000-00000000abcd>"');
    expect(header(registers[1]!, 'contact')).toContain('sip:abcd1234@');
    const seen = p.states.map((s) => s.registration);
    expect(seen).toEqual(expect.arrayContaining(['connecting', 'registering', 'registered']));
    expect(p.engine.snapshot()).toMatchObject({ error: null, aor: 'sip:1001@lab.test' });
  });

  it('a wrong secret ends in Failed with the auth message and the SIP status', async () => {
    phone = makePhone({ config: { secret: 'wrong' } });
    await phone.engine.start(phone.config);
    const s = await until(() => {
      const snap = phone!.engine.snapshot();
      return snap.registration === Registration.Failed && snap;
    }, 'auth failure');
    expect(s.error).toEqual({ code: 'authFailed', args: ['401 Unauthorized'] });
  });

  it('names the missing parameters, and a missing secret on its own', async () => {
    phone = makePhone();
    await phone.engine.start(null, ['wsUrl', 'username']);
    expect(phone.engine.snapshot()).toMatchObject({
      registration: 'unconfigured',
      error: { code: 'missingParameter', args: ['wsUrl, username'] },
    });
    await phone.engine.start(null, ['secret']);
    expect(phone.engine.snapshot().error).toEqual({ code: 'missingSecret', args: [] });
    expect(phone.pbx.received).toHaveLength(0);
  });

  it('an unreachable WebSocket server gives the start message and keeps retrying', async () => {
    phone = makePhone();
    phone.pbx.acceptsConnections = false;
    await phone.engine.start(phone.config);
    expect(phone.engine.snapshot()).toMatchObject({
      registration: 'reconnecting',
      error: { code: 'userAgentStart', args: [phone.config.wsUrl] },
    });
    phone.pbx.acceptsConnections = true;
    await until(() => phone!.engine.snapshot().registration === Registration.Registered, 'registration after retry');
    expect(phone.engine.snapshot().error).toBeNull();
  });

  it('a lost WebSocket reconnects and re-registers by itself', async () => {
    const p = await registered();
    p.pbx.dropAll();
    expect(p.engine.snapshot()).toMatchObject({
      registration: 'reconnecting',
      error: { code: 'websocketLost', args: ['1'] },
      reconnectAttempt: 1,
    });
    await until(() => p.engine.snapshot().registration === Registration.Registered, 're-registration');
    expect(p.pbx.requests('REGISTER').length).toBeGreaterThanOrEqual(3);
    expect(p.engine.snapshot().error).toBeNull();
  });

  it('the browser going offline shows the lost connection at once; back online, it registers without waiting', async () => {
    const p = await registered();
    p.pbx.acceptsConnections = false;
    p.engine.networkOffline();
    expect(p.engine.snapshot()).toMatchObject({ registration: 'reconnecting', error: { code: 'websocketLost' } });
    await until(() => p.pbx.links.size === 0, 'the WebSocket closed');
    // Many failed attempts later the backoff is long; online skips it.
    await new Promise((r) => setTimeout(r, 1500));
    p.pbx.acceptsConnections = true;
    const asked = Date.now();
    p.engine.networkOnline();
    await until(() => p.engine.snapshot().registration === Registration.Registered, 're-registration');
    expect(Date.now() - asked).toBeLessThan(500);
  });

  it('a connection lost while a REGISTER waits for its answer does not hold up the next one', async () => {
    const p = await registered();
    p.pbx.silentRegistrar = true;
    p.pbx.dropAll();
    await until(() => p.engine.snapshot().registration === Registration.Registering, 'REGISTER on the new connection');
    const unanswered = p.pbx.requests('REGISTER').length;
    p.pbx.silentRegistrar = false;
    p.pbx.dropAll();
    // SIP.js would refuse a new REGISTER for 32 s while the lost one is pending.
    await until(() => p.engine.snapshot().registration === Registration.Registered, 're-registration', 3000);
    expect(p.pbx.requests('REGISTER').length).toBeGreaterThan(unanswered);
  });
});

describe('outgoing calls', () => {
  it('dials E.164, rings, is answered, and hangs up with BYE', async () => {
    const p = await registered();
    const r = p.engine.dial(e164('+4930123456'));
    expect(r.ok).toBe(true);
    expect(call(p).state).toBe(CallState.Dialing);
    const invite = await until(() => p.pbx.requests('INVITE')[0], 'INVITE');
    expect(invite.ruri).toBe('sip:+4930123456@lab.test');
    await until(() => call(p).state === CallState.Established, 'established');
    expect(p.states.some((s) => s.calls[0]?.state === CallState.Ringing)).toBe(true);
    await until(() => p.pbx.requests('ACK')[0], 'ACK');
    p.engine.hangup(call(p).id);
    await until(() => p.pbx.requests('BYE')[0], 'BYE');
    await until(() => p.ended[0], 'ended');
    expect(p.ended[0]).toMatchObject({ outcome: 'answered', remoteNumber: '+4930123456', direction: 'outgoing' });
  });

  it('a busy far end ends the call with its SIP reason', async () => {
    const p = await registered();
    p.pbx.onInvite = (req, pbx) => pbx.reply(req, 486, 'Busy Here');
    p.engine.dial(e164('+4930123456'));
    const ended = await until(() => p.ended[0], 'end');
    expect(ended).toMatchObject({
      outcome: 'busy',
      endCode: 486,
      error: { code: 'callRejected', args: ['Busy Here', '486'] },
    });
  });

  it('hanging up while it rings sends CANCEL and is no error', async () => {
    const p = await registered();
    p.pbx.onInvite = (req, pbx) => pbx.reply(req, 180, 'Ringing');
    p.engine.dial(e164('+4930123456'));
    await until(() => call(p).state === CallState.Ringing, 'ringing');
    p.engine.hangup(call(p).id);
    await until(() => p.pbx.requests('CANCEL')[0], 'CANCEL');
    const ended = await until(() => p.ended[0], 'end');
    expect(ended).toMatchObject({ outcome: 'cancelled', error: null });
  });

  it('never puts a forged target on the wire: SIP syntax in a target is refused before any INVITE', async () => {
    const p = await registered();
    for (const bad of ['+4930123456;transport=tcp', '1002@evil.example', '<sip:1002@x>', '1002\r\nVia: x', '10 02', '+49 30', 'sip:1002', '']) {
      const r = p.engine.dial({ kind: 'e164', number: bad, display: bad });
      expect(r, JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'incorrectNumber' } });
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(p.pbx.requests('INVITE')).toHaveLength(0);
    expect(p.engine.dial({ kind: 'extension', number: '*97', display: '*97' }).ok).toBe(true);
  });

  it('refuses to dial when not registered', async () => {
    phone = makePhone();
    const r = phone.engine.dial(e164('+4930123456'));
    expect(r).toMatchObject({ ok: false, error: { code: 'notRegistered' } });
  });

  it('a blocked microphone fails the call with the microphone message', async () => {
    const p = await registered({ media: { failWith: 'NotAllowedError' } });
    p.engine.dial(e164('+4930123456'));
    const ended = await until(() => p.ended[0], 'end');
    expect(ended).toMatchObject({ outcome: 'failed', error: { code: 'micDenied' } });
    expect(p.pbx.requests('INVITE')).toHaveLength(0);
  });
});

describe('incoming calls', () => {
  it('rings with the caller, answers with 200 OK and SDP', async () => {
    const p = await registered();
    p.pbx.callPhone('1001', '+4989123456', 'Max Muster');
    const ringing = await until(() => p.engine.snapshot().calls.find((c) => c.state === CallState.Incoming), 'incoming');
    expect(ringing).toMatchObject({ remoteNumber: '+4989123456', remoteName: 'Max Muster', direction: 'incoming' });
    await until(() => p.pbx.responses('INVITE').find((r) => r.status === 180), '180 Ringing');
    p.engine.answer(ringing.id);
    const ok = await until(() => p.pbx.responses('INVITE').find((r) => r.status === 200), '200 OK');
    expect(ok.body).toContain('m=audio');
    await until(() => call(p).state === CallState.Established, 'established');
  });

  it('declines with 603', async () => {
    const p = await registered();
    p.pbx.callPhone('1001', '+4989123456');
    const c = await until(() => p.engine.snapshot().calls[0], 'incoming');
    p.engine.decline(c.id);
    await until(() => p.pbx.responses('INVITE').find((r) => r.status === 603), '603');
    expect((await until(() => p.ended[0], 'end')).outcome).toBe('declined');
  });

  it('a caller who hangs up first leaves a missed call', async () => {
    const p = await registered();
    const callId = p.pbx.callPhone('1001', '+4989123456');
    await until(() => p.engine.snapshot().calls[0], 'incoming');
    p.pbx.cancelCall(callId);
    expect((await until(() => p.ended[0], 'end')).outcome).toBe('missed');
  });

  it('answers 486 Busy to a second call while in a call, unless call waiting is on', async () => {
    const p = await registered();
    p.engine.dial(e164('+4930123456'));
    await until(() => call(p).state === CallState.Established, 'established');
    p.pbx.callPhone('1001', '+4989000000');
    await until(() => p.pbx.responses('INVITE').find((r) => r.status === 486), '486');
    expect((await until(() => p.ended.find((c) => c.direction === 'incoming'), 'busy call ended')).outcome).toBe('busy');
  });

  it('with call waiting a second call rings', async () => {
    const p = await registered({ config: { callWaiting: true } });
    p.engine.dial(e164('+4930123456'));
    await until(() => call(p).state === CallState.Established, 'established');
    p.pbx.callPhone('1001', '+4989000000');
    await until(() => p.engine.snapshot().calls.find((c) => c.state === CallState.Incoming), 'second call ringing');
    expect(p.pbx.responses('INVITE').find((r) => r.status === 486)).toBeUndefined();
  });
});

describe('in-call controls', () => {
  it('mute turns the microphone track off and back on', async () => {
    const p = await established();
    p.engine.setMute(call(p).id, true);
    expect(p.media[0]!.senderEnabled).toBe(false);
    expect(call(p).muted).toBe(true);
    p.engine.setMute(call(p).id, false);
    expect(p.media[0]!.senderEnabled).toBe(true);
  });

  it('hold sends a re-INVITE with a hold offer; resume another one', async () => {
    const p = await established();
    p.engine.setHold(call(p).id, true);
    await until(() => call(p).held, 'held');
    expect(p.pbx.requests('INVITE')).toHaveLength(2);
    expect(p.pbx.requests('INVITE')[1]!.body).toContain('a=sendonly');
    expect(p.media[0]!.receiverEnabled).toBe(false);
    p.engine.setHold(call(p).id, false);
    await until(() => !call(p).held, 'resumed');
    expect(p.pbx.requests('INVITE')[2]!.body).toContain('a=sendrecv');
  });

  it('DTMF goes as RFC 4733 when negotiated, with no INFO on the wire', async () => {
    const p = await established();
    p.engine.sendDtmf(call(p).id, '12#');
    expect(p.media[0]!.dtmfViaRtp).toEqual(['12#']);
    expect(call(p).dtmfMode).toBe('rfc4733');
    await new Promise((r) => setTimeout(r, 50));
    expect(p.pbx.requests('INFO')).toHaveLength(0);
  });

  it('DTMF falls back to SIP INFO, one digit per request, in order', async () => {
    const p = await established({ media: { rtpDtmf: false } });
    p.engine.sendDtmf(call(p).id, '5*9');
    await until(() => p.pbx.requests('INFO').length === 3, 'three INFOs');
    const infos = p.pbx.requests('INFO');
    expect(infos.map((m) => /Signal=(.)/.exec(m.body)?.[1])).toEqual(['5', '*', '9']);
    expect(header(infos[0]!, 'content-type')).toBe('application/dtmf-relay');
    expect(call(p).dtmfMode).toBe('info');
  });

  it('blind transfer: REFER, and our leg ends as soon as the far end accepts it (202), not when the target answers', async () => {
    const p = await established();
    let refer: ReturnType<typeof p.pbx.requests>[number] | undefined;
    p.pbx.onRefer = (req, pbx) => {
      refer = req;
      pbx.reply(req, 202, 'Accepted'); // and no NOTIFY: the target keeps ringing
    };
    const r = p.engine.transfer(call(p).id, { kind: 'extension', number: '1003', display: '1003' });
    expect(r.ok).toBe(true);
    await until(() => refer, 'REFER');
    expect(header(refer!, 'refer-to')).toContain('sip:1003@lab.test');
    await until(() => p.pbx.requests('BYE')[0], 'BYE');
    expect(await until(() => p.ended[0], 'end')).toMatchObject({ outcome: 'transferred', transferTarget: '1003' });
  });

  it('blind transfer: a first NOTIFY (100 Trying) is the far end taking the job too', async () => {
    const p = await established();
    p.pbx.onRefer = (req, pbx) => pbx.notifyRefer(req, 'SIP/2.0 100 Trying'); // the 202 never came
    p.engine.transfer(call(p).id, { kind: 'extension', number: '1003', display: '1003' });
    expect((await until(() => p.ended[0], 'end')).outcome).toBe('transferred');
  });

  it('a refused REFER keeps the call and says why', async () => {
    const p = await established();
    p.pbx.onRefer = (req, pbx) => pbx.reply(req, 603, 'Decline');
    p.engine.transfer(call(p).id, { kind: 'e164', number: '+16506913277', display: '+1 650 691 3277' });
    await until(() => call(p).error?.code === 'transferFailed', 'transfer failure');
    expect(call(p)).toMatchObject({
      state: CallState.Established,
      transferTarget: null,
      error: { code: 'transferFailed', args: ['+16506913277', '603 Decline'] },
    });
    expect(p.pbx.requests('BYE')).toHaveLength(0);
  });

  it('attended transfer: the caller waits on hold, the consult call is made; Complete sends REFER with Replaces and both legs end once connected', async () => {
    const p = await established();
    const callerId = call(p).id;
    const consult = p.engine.consult(callerId, { kind: 'extension', number: '1003', display: '1003' });
    expect(consult.ok).toBe(true);
    const consultId = consult.ok ? consult.value : '';
    const byId = (id: string) => p.engine.snapshot().calls.find((c) => c.id === id)!;
    await until(() => byId(consultId).state === CallState.Established && byId(callerId).held, 'consult answered, caller on hold');
    expect(byId(consultId).consultFor).toBe(callerId);
    let refer: ReturnType<typeof p.pbx.requests>[number] | undefined;
    p.pbx.onRefer = (req, pbx) => {
      refer = req;
      pbx.reply(req, 202, 'Accepted');
    };
    expect(p.engine.completeTransfer(callerId, consultId).ok).toBe(true);
    await until(() => refer, 'REFER');
    const invites = p.pbx.requests('INVITE').filter((m) => !/;tag=/.test(header(m, 'to')));
    const consultCallId = header(invites[1]!, 'call-id');
    expect(header(refer!, 'call-id')).toBe(header(invites[0]!, 'call-id'));
    const referTo = decodeURIComponent(header(refer!, 'refer-to'));
    expect(referTo).toMatch(/^<sip:1003@lab\.test\?Replaces=[^>]+>$/); // headers in a URI need the brackets
    expect(referTo).toContain(`${consultCallId};to-tag=`);
    // Accepted is not enough for an attended transfer: both calls stay until the far ends are connected.
    p.pbx.notifyRefer(refer!, 'SIP/2.0 100 Trying');
    await new Promise((res) => setTimeout(res, 50));
    expect(p.pbx.requests('BYE')).toHaveLength(0);
    p.pbx.notifyRefer(refer!, 'SIP/2.0 200 OK');
    await until(() => p.ended.length === 2, 'both legs end');
    expect(p.ended.map((c) => [c.id, c.outcome, c.transferTarget])).toEqual(expect.arrayContaining([
      [callerId, 'transferred', '1003'], [consultId, 'transferred', '+4930123456'],
    ]));
  });

  it('attended transfer that fails keeps both calls, and Cancel goes back to the caller', async () => {
    const p = await established();
    const callerId = call(p).id;
    const consult = p.engine.consult(callerId, { kind: 'extension', number: '1003', display: '1003' });
    const consultId = consult.ok ? consult.value : '';
    const byId = (id: string) => p.engine.snapshot().calls.find((c) => c.id === id)!;
    await until(() => byId(consultId).state === CallState.Established && byId(callerId).held, 'consult answered');
    p.pbx.onRefer = (req, pbx) => {
      pbx.reply(req, 202, 'Accepted');
      pbx.notifyRefer(req, 'SIP/2.0 481 Call Does Not Exist');
    };
    p.engine.completeTransfer(callerId, consultId);
    await until(() => byId(callerId).error?.code === 'transferFailed', 'failure shown');
    expect(byId(callerId)).toMatchObject({ state: CallState.Established, held: true });
    expect(byId(consultId)).toMatchObject({ state: CallState.Established, transferTarget: null });
    expect(p.pbx.requests('BYE')).toHaveLength(0);
    p.engine.cancelConsult(consultId);
    await until(() => !byId(callerId).held, 'caller back');
    expect(p.ended.map((c) => [c.id, c.outcome])).toEqual([[consultId, 'answered']]);
  });

  it('lines: a call waiting answered holds the current one; Swap brings the held one back and holds the other', async () => {
    const p = await established({ config: { callWaiting: true } });
    const first = call(p).id;
    p.pbx.callPhone('1001', '1004');
    const byId = (id: string) => p.engine.snapshot().calls.find((c) => c.id === id)!;
    const second = await until(() => p.engine.snapshot().calls.find((c) => c.state === CallState.Incoming)?.id, 'call waiting');
    p.engine.answer(second);
    await until(() => byId(second).state === CallState.Established && byId(first).held, 'answered, first on hold');
    p.engine.swap(first);
    await until(() => !byId(first).held && byId(second).held, 'swapped');
  });

  it('lines: with both lines taken, a third call gets 486 Busy Here', async () => {
    const p = await established({ config: { callWaiting: true } });
    p.pbx.callPhone('1001', '1004');
    const second = await until(() => p.engine.snapshot().calls.find((c) => c.state === CallState.Incoming)?.id, 'call waiting');
    p.engine.answer(second);
    p.pbx.callPhone('1001', '1005');
    expect((await until(() => p.ended[0], 'third refused'))).toMatchObject({ remoteNumber: '1005', outcome: 'busy' });
    await until(() => p.pbx.responses('INVITE').some((r) => r.status === 486), '486 on the wire');
  });

  it('lines: "Answer and end the current call" hangs up the call on and answers the one waiting', async () => {
    const p = await established({ config: { callWaiting: true } });
    const first = call(p).id;
    p.pbx.callPhone('1001', '1004');
    const second = await until(() => p.engine.snapshot().calls.find((c) => c.state === CallState.Incoming)?.id, 'call waiting');
    p.engine.answerEndingOthers(second);
    expect((await until(() => p.ended[0], 'first ends'))).toMatchObject({ id: first, outcome: 'answered' });
    await until(() => p.engine.snapshot().calls.find((c) => c.id === second)?.state === CallState.Established, 'second answered');
  });

  it('the far end hanging up ends the call as answered', async () => {
    const p = await established();
    const callId = header(p.pbx.requests('INVITE')[0]!, 'call-id');
    p.pbx.inDialog(callId, 'BYE');
    expect((await until(() => p.ended[0], 'end')).outcome).toBe('answered');
  });
});

describe('the WebSocket lost during a call', () => {
  it('says so on the call, then restores it with a re-INVITE once registered again', async () => {
    const p = await established();
    const registers = p.pbx.requests('REGISTER').length;
    p.pbx.dropAll();
    expect(call(p)).toMatchObject({ state: CallState.Established, reconnecting: true });
    await until(() => p.pbx.requests('INVITE').length === 2, 're-INVITE');
    expect(p.pbx.requests('REGISTER').length).toBeGreaterThan(registers);
    await until(() => !call(p).reconnecting, 'restored');
    expect(call(p).state).toBe(CallState.Established);
    expect(p.ended).toHaveLength(0);
    p.engine.hangup(call(p).id);
    expect((await until(() => p.ended[0], 'end')).outcome).toBe('answered');
  });

  it('drops the call, saying why, when the server is not back in time', async () => {
    const p = await established({ callRecoveryMs: 1000 });
    p.pbx.acceptsConnections = false;
    p.pbx.dropAll();
    const ended = await until(() => p.ended[0], 'end', 3000);
    expect(ended).toMatchObject({
      outcome: 'dropped',
      reconnecting: false,
      error: { code: 'callDropped', args: ['the server was not reachable again within 1 s'] },
    });
    expect(ended.answeredAt).not.toBeNull();
    expect(p.engine.snapshot().calls.every((c) => c.state === CallState.Ended)).toBe(true);
  });

  it('drops the call, saying why, when the server refuses to restore it', async () => {
    const p = await established();
    p.pbx.onReInvite = (req, pbx) => pbx.reply(req, 481, 'Call/Transaction Does Not Exist');
    p.pbx.dropAll();
    const ended = await until(() => p.ended[0], 'end');
    expect(ended).toMatchObject({
      outcome: 'dropped',
      error: { code: 'callDropped', args: ['the server refused to restore it (481 Call/Transaction Does Not Exist)'] },
    });
  });

  it('a call still ringing ends at once as failed: its INVITE cannot complete any more', async () => {
    const p = await registered();
    p.pbx.onInvite = (req, pbx) => pbx.reply(req, 180, 'Ringing');
    p.engine.dial(e164('+4930123456'));
    await until(() => call(p).state === CallState.Ringing, 'ringing');
    p.pbx.dropAll();
    expect(p.ended[0]).toMatchObject({
      outcome: 'failed',
      error: { code: 'callDropped', args: ['it had not been answered yet'] },
    });
  });
});

/**
 * A connection that stays open but carries nothing (a NAT that forgot it, a sleeping laptop) is
 * found and replaced; a REGISTER's failure is final only when the account is refused. The engine
 * runs over the in-memory transport against the fake PBX, which can stall one direction or both
 * without closing anything.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makePhone, stopPhone, until } from '../../tests/fakes/harness';
import { CallState, Registration } from './states';

type Phone = ReturnType<typeof makePhone>;
let phone: Phone | null = null;

afterEach(async () => {
  await stopPhone(phone);
  phone = null;
});

/** Short keep-alive timing so a stall shows in a fraction of a second. */
const lineTiming = { idleMs: 100, answerMs: 100 };
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const registration = (p: Phone) => p.engine.snapshot().registration;

async function registered(opts: Parameters<typeof makePhone>[0] = {}): Promise<Phone> {
  phone = makePhone({ lineTiming, ...opts });
  await phone.engine.start(phone.config);
  await until(() => registration(phone!) === Registration.Registered, 'registration');
  return phone;
}

/** The PBX rings the phone; resolves with the ringing call. */
async function rings(p: Phone) {
  p.pbx.callPhone('1001', '+4930999888');
  return until(() => p.engine.snapshot().calls.find((c) => c.state === CallState.Incoming), 'the phone ringing');
}

describe('keep-alives', () => {
  it('an idle phone sends double-CRLF keep-alives; answered, it stays registered on the same connection', async () => {
    const p = await registered();
    const registers = p.pbx.requests('REGISTER').length;
    await until(() => p.pbx.keepAlives >= 3, 'three keep-alives');
    expect(registration(p)).toBe(Registration.Registered);
    expect(p.pbx.connections).toBe(1);
    expect(p.pbx.requests('REGISTER')).toHaveLength(registers);
  });

  it('a busy line is not pinged: anything heard from the server counts as an answer', async () => {
    const p = await registered({ lineTiming: { idleMs: 300, answerMs: 100 } });
    const before = p.pbx.keepAlives;
    // The server speaks every 100 ms (an OPTIONS the phone answers): no keep-alive is needed.
    for (let i = 0; i < 8; i++) {
      p.pbx.send(
        `OPTIONS sip:abcd1234@x.invalid SIP/2.0\r\nVia: SIP/2.0/WS pbx.invalid;branch=z9hG4bK${i}x\r\nMax-Forwards: 70\r\n` +
          `From: <sip:lab.test>;tag=t${i}\r\nTo: <sip:1001@lab.test>\r\nCall-ID: ping${i}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n`,
      );
      await pause(100);
    }
    expect(p.pbx.keepAlives).toBe(before);
  });

  for (const stalled of ['both', 'up', 'down'] as const) {
    it(`a stall (${stalled === 'both' ? 'both directions' : stalled === 'up' ? 'phone → server' : 'server → phone'}) shows as a lost connection; once it ends the phone registers again and rings`, async () => {
      const p = await registered();
      p.pbx.stalled = stalled;
      const lost = await until(() => {
        const s = p.engine.snapshot();
        return s.registration === Registration.Reconnecting && s;
      }, 'the lost connection');
      expect(lost.error).toMatchObject({ code: 'websocketLost' });
      // Still stalled: it keeps trying, and never claims to be registered.
      const seen = p.states.length;
      await until(() => p.pbx.connections > 2, 'another attempt while stalled', 10_000);
      expect(p.states.slice(seen).some((s) => s.registration === Registration.Registered)).toBe(false);
      p.pbx.resume();
      await until(() => registration(p) === Registration.Registered, 'registered again', 10_000);
      expect(p.engine.snapshot().error).toBeNull();
      expect(p.pbx.connections).toBeGreaterThan(1);
      await rings(p);
    });
  }

  it('a call in progress outlives a short stall: restored by a re-INVITE once registered again', async () => {
    const p = await registered();
    p.engine.dial({ kind: 'e164', number: '+4930123456', display: '+4930123456' });
    await until(() => p.engine.snapshot().calls[0]?.state === CallState.Established, 'established');
    p.pbx.stalled = 'both';
    await until(() => p.engine.snapshot().calls[0]?.reconnecting, 'the call told of the lost connection');
    p.pbx.resume();
    await until(() => p.pbx.requests('INVITE').length === 2, 'the re-INVITE', 10_000);
    await until(() => p.engine.snapshot().calls[0]?.reconnecting === false, 'the call restored');
    expect(p.engine.snapshot().calls[0]?.state).toBe(CallState.Established);
  });
});

describe('waking from sleep', () => {
  it('the wall clock jumping ahead of the monotonic one: a new connection and a new REGISTER at once', async () => {
    let slept = 0;
    const p = await registered({
      lineTiming: { idleMs: 200, answerMs: 10_000 },
      now: () => Date.now() + slept,
    });
    const registers = p.pbx.requests('REGISTER').length;
    slept = 30 * 60_000;
    await until(() => p.pbx.connections === 2, 'a new connection', 2000);
    await until(() => registration(p) === Registration.Registered, 'registered again');
    expect(p.pbx.requests('REGISTER').length).toBeGreaterThan(registers);
  });
});

describe('what a REGISTER failure means', () => {
  async function refusedWith(code: number, reason: string): Promise<Phone> {
    const p = await registered({ lineTiming: { idleMs: 60_000, answerMs: 10_000 } });
    p.pbx.registerAnswer = [code, reason];
    // The next REGISTER goes on a new connection (what a refresh would meet).
    p.pbx.dropAll();
    return p;
  }

  it('408 (no answer) is a dead line: the connection is replaced and the phone keeps trying', async () => {
    const p = await refusedWith(408, 'Request Timeout');
    await until(() => p.pbx.connections >= 3, 'a connection replaced after the 408');
    expect(registration(p)).not.toBe(Registration.Failed);
    p.pbx.registerAnswer = null;
    await until(() => registration(p) === Registration.Registered, 'registered again', 10_000);
  });

  it('a server error is not final: the phone says it is not registered and tries again by itself', async () => {
    const p = await refusedWith(503, 'Service Unavailable');
    const s = await until(() => {
      const snap = p.engine.snapshot();
      return snap.error?.code === 'registrationRetry' && snap;
    }, 'the retry state');
    expect(s).toMatchObject({ registration: 'reconnecting', error: { args: ['503 Service Unavailable'] } });
    p.pbx.registerAnswer = null;
    await until(() => registration(p) === Registration.Registered, 'registered again', 10_000);
  });

  for (const [code, reason] of [[404, 'Not Found'], [403, 'Forbidden']] as const) {
    it(`${code} refuses the account for good, until Try again`, async () => {
      const p = await refusedWith(code, reason);
      const s = await until(() => {
        const snap = p.engine.snapshot();
        return snap.registration === Registration.Failed && snap;
      }, 'the refusal');
      expect(s.error).toEqual({ code: 'authFailed', args: [`${code} ${reason}`] });
      const sent = p.pbx.requests('REGISTER').length;
      await pause(1500);
      expect(p.pbx.requests('REGISTER')).toHaveLength(sent);
      p.pbx.registerAnswer = null;
      p.engine.retryNow();
      await until(() => registration(p) === Registration.Registered, 'registered after Try again');
    });
  }

  it('no retry storm while a REGISTER waits for its answer: one REGISTER, whatever is asked meanwhile', async () => {
    const p = await registered({ lineTiming: { idleMs: 60_000, answerMs: 10_000 } });
    p.pbx.silentRegistrar = true;
    p.pbx.dropAll();
    await until(() => registration(p) === Registration.Registering, 'a REGISTER on the new connection');
    const sent = p.pbx.requests('REGISTER').length;
    for (let i = 0; i < 10; i++) {
      p.engine.retryNow();
      p.engine.networkOnline();
      await pause(100);
    }
    expect(p.pbx.requests('REGISTER')).toHaveLength(sent);
    expect(registration(p)).toBe(Registration.Registering);
  });
});


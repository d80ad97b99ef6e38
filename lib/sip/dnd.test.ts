import { afterEach, describe, expect, it } from 'vitest';
import { makePhone, stopPhone, until } from '../../tests/fakes/harness';
import { historyFromCall } from '../phone-host/history';
import { CallState, Registration } from './states';

type Phone = ReturnType<typeof makePhone>;
let phone: Phone | null = null;

afterEach(async () => {
  await stopPhone(phone);
  phone = null;
});

async function registered(now: () => number): Promise<Phone> {
  phone = makePhone({ now });
  await phone.engine.start(phone.config);
  await until(() => phone!.engine.snapshot().registration === Registration.Registered, 'registration');
  return phone;
}

describe('do not disturb', () => {
  it('answers an incoming call 486 Busy Here; Recent keeps it as missed (do not disturb), unseen', async () => {
    const p = await registered(Date.now);
    p.engine.setDnd({ until: null });
    expect(p.engine.snapshot().dnd).toEqual({ until: null });
    p.pbx.callPhone('1001', '+4989000000');
    await until(() => p.pbx.responses('INVITE').find((r) => r.status === 486), '486');
    const ended = await until(() => p.ended.find((c) => c.direction === 'incoming'), 'call ended');
    expect(ended.doNotDisturb).toBe(true);
    const entry = historyFromCall(ended, null);
    expect(entry).toMatchObject({ outcome: 'missed', seen: false, doNotDisturb: true, reason: '' });
    expect(entry.whileOnCall).toBeUndefined();
  });

  it('ends by itself at its time: the next call rings', async () => {
    let clock = 1_000_000;
    const p = await registered(() => clock);
    p.engine.setDnd({ until: clock + 60_000 });
    expect(p.engine.snapshot().dnd).toBeDefined();
    clock += 60_000;
    expect(p.engine.snapshot().dnd).toBeUndefined();
    p.pbx.callPhone('1001', '+4989000000');
    await until(() => p.engine.snapshot().calls.find((c) => c.state === CallState.Incoming), 'ringing');
    expect(p.pbx.responses('INVITE').find((r) => r.status === 486)).toBeUndefined();
  });

  it('turned off, the next call rings', async () => {
    const p = await registered(Date.now);
    p.engine.setDnd({ until: null });
    p.engine.setDnd(null);
    expect(p.engine.snapshot().dnd).toBeUndefined();
    p.pbx.callPhone('1001', '+4989000000');
    await until(() => p.engine.snapshot().calls.find((c) => c.state === CallState.Incoming), 'ringing');
  });
});

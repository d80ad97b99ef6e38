// Conference bookkeeping in the engine (who is merged, mute for all, split, a party leaving),
// against the fake PBX; the audio mixing itself is lib/phone-host/conference-mixer.test.ts and
// the e2e tests/e2e/chrome-conference.test.mjs.
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

/** 1001 talking to +4930123456 (held) and to 1004 (in front): two answered lines. */
async function twoLines(maxLines = 2) {
  const p = (phone = makePhone({ config: { callWaiting: true, maxLines } }));
  await p.engine.start(p.config);
  await until(() => p.engine.snapshot().registration === Registration.Registered, 'registration');
  const first = p.engine.dial({ kind: 'e164', number: '+4930123456', display: '+4930123456' });
  if (!first.ok) throw new Error('dial refused');
  const byId = (id: string) => p.engine.snapshot().calls.find((c) => c.id === id)!;
  await until(() => byId(first.value).state === CallState.Established, 'first answered');
  p.pbx.callPhone('1001', '1004');
  const second = await until(() => p.engine.snapshot().calls.find((c) => c.state === CallState.Incoming)?.id, 'call waiting');
  p.engine.answer(second);
  await until(() => byId(second).state === CallState.Established && byId(first.value).held, 'second answered, first held');
  return { p, first: first.value, second, byId };
}

describe('conference', () => {
  it('Merge takes the held call off hold (re-INVITE sendrecv) and puts both in one group', async () => {
    const { p, first, second, byId } = await twoLines();
    const invites = p.pbx.requests('INVITE').length;
    expect(p.engine.merge(second, first)).toEqual({ ok: true, value: undefined });
    await until(() => !byId(first).held, 'first off hold');
    expect(p.pbx.requests('INVITE').slice(invites).map((r) => r.body.includes('a=sendrecv'))).toEqual([true]);
    expect(byId(first).conference).toBeDefined();
    expect(byId(first).conference).toBe(byId(second).conference);
  });

  it('Mute in a conference mutes both calls and leaves the mixed tracks sending (the host mutes the microphone in the mix)', async () => {
    const { p, first, second, byId } = await twoLines();
    p.engine.merge(second, first);
    await until(() => !byId(first).held, 'merged');
    const sending = p.media.map((m) => m.senderEnabled);
    p.engine.setMute(second, true);
    expect([byId(first).muted, byId(second).muted]).toEqual([true, true]);
    expect(p.media.map((m) => m.senderEnabled)).toEqual(sending);
  });

  it('Split keeps the call in front and holds the other; the group is gone; hold needs a split first', async () => {
    const { p, first, second, byId } = await twoLines();
    p.engine.merge(second, first);
    await until(() => !byId(first).held, 'merged');
    expect(p.engine.setHold(first, true)).toMatchObject({ ok: false, error: { code: 'conferenceFailed' } });
    p.engine.split(second);
    await until(() => byId(first).held, 'first held again');
    expect(byId(second)).toMatchObject({ held: false, state: CallState.Established });
    expect([byId(first).conference, byId(second).conference]).toEqual([undefined, undefined]);
    expect(p.pbx.requests('INVITE').at(-1)!.body).toContain('a=sendonly');
  });

  it('a party hanging up leaves the other call on, out of the conference and not on hold', async () => {
    const { p, first, second, byId } = await twoLines();
    p.engine.merge(second, first);
    await until(() => !byId(first).held, 'merged');
    p.pbx.inDialog(header(p.pbx.requests('INVITE')[0]!, 'call-id'), 'BYE');
    await until(() => byId(first).state === CallState.Ended, 'first ended');
    expect(byId(second)).toMatchObject({ state: CallState.Established, held: false });
    expect(byId(second).conference).toBeUndefined();
  });

  it('a third call answered during a conference holds the whole conference; Switch to one of its calls brings both back', async () => {
    const { p, first, second, byId } = await twoLines(3);
    p.engine.merge(second, first);
    await until(() => !byId(first).held, 'merged');
    p.pbx.callPhone('1001', '1003');
    const third = await until(() => p.engine.snapshot().calls.find((c) => c.state === CallState.Incoming)?.id, 'third rings');
    p.engine.answer(third);
    await until(() => byId(third).state === CallState.Established && byId(first).held && byId(second).held, 'conference held');
    expect(byId(first).conference).toBe(byId(second).conference);
    p.engine.swap(first);
    await until(() => !byId(first).held && !byId(second).held && byId(third).held, 'conference back, third held');
    expect(byId(first).conference).toBe(byId(second).conference);
  });

  it('a call not answered cannot be merged, and says so', async () => {
    const { p, second } = await twoLines();
    const r = p.engine.merge(second, second);
    expect(r).toMatchObject({ ok: false, error: { code: 'conferenceFailed' } });
    expect(p.engine.split(second)).toMatchObject({ ok: false, error: { code: 'conferenceFailed' } });
  });
});

import type { Logger } from '../../lib/log';
import { PhoneEngine, type EngineDeps } from '../../lib/sip/engine';
import type { CallSnapshot, PhoneSnapshot, SipConfig } from '../../lib/sip/types';
import { fakeMediaFactory, type FakeMediaOptions, type FakeMediaRecord } from './fake-media';
import { FakePbx } from './fake-pbx';
import { MemoryTransport } from './memory-transport';

export const quietLogger: Logger = { debug: () => {}, warn: () => {}, error: () => {} };

let serial = 0;

/** One engine wired to a fresh fake PBX over the memory transport. */
export function makePhone(
  opts: { media?: Partial<FakeMediaOptions>; config?: Partial<SipConfig>; callRecoveryMs?: number } & Pick<EngineDeps, 'lineTiming' | 'monotonic' | 'now' | 'resubscribeMs'> = {},
) {
  const url = `ws://memory-${++serial}.test/ws`;
  const pbx = new FakePbx(url, 'lab.test', { '1001': 'secret1001' });
  const media: FakeMediaRecord[] = [];
  const states: PhoneSnapshot[] = [];
  const ended: CallSnapshot[] = [];
  const engine = new PhoneEngine({
    logger: quietLogger,
    onChange: (s) => states.push(s),
    onCallEnded: (c) => ended.push(c),
    transportConstructor: MemoryTransport,
    sessionDescriptionHandlerFactory: fakeMediaFactory({ rtpDtmf: true, ...opts.media }, media),
    random: () => 0,
    ...(opts.callRecoveryMs !== undefined ? { callRecoveryMs: opts.callRecoveryMs } : {}),
    ...(opts.lineTiming ? { lineTiming: opts.lineTiming } : {}),
    ...(opts.monotonic ? { monotonic: opts.monotonic } : {}),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.resubscribeMs !== undefined ? { resubscribeMs: opts.resubscribeMs } : {}),
  });
  const config: SipConfig = {
    wsUrl: url,
    domain: 'lab.test',
    username: '1001',
    authorizationUser: '',
    secret: 'secret1001',
    displayName: 'Jane Seller',
    instanceId: '3f1c2d4e-0000-4000-8000-00000000abcd',
    contactName: 'abcd1234',
    callWaiting: false,
    ...opts.config,
  };
  return { engine, pbx, media, states, ended, config };
}

/** Waits until `check` returns a truthy value (polling; fails with `what` after `ms`). */
export async function until<T>(check: () => T | undefined | null | false, what: string, ms = 4000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Stops a phone made by `makePhone` (its engine, then its PBX); nothing for none. */
export async function stopPhone(phone: ReturnType<typeof makePhone> | null): Promise<void> {
  await phone?.engine.stop();
  phone?.pbx.stop();
}

// Saving the account twice in a row: the phone ends up on the last account, whole (its server,
// its user, its secret), never on a mix of the two, and the first server is told to forget us.
import { afterEach, describe, expect, it } from 'vitest';
import { FakePbx } from '../../tests/fakes/fake-pbx';
import { makePhone, until } from '../../tests/fakes/harness';
import { header } from '../../tests/fakes/sip-wire';
import { Registration } from './states';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

describe('reconfiguring while a start is under way', () => {
  it('two starts back to back: the second account wins, on its own server', async () => {
    const p = makePhone();
    const other = new FakePbx('ws://memory-second.test/ws', 'second.test', { '2002': 'secret2002' });
    cleanup = async () => {
      await p.engine.stop();
      p.pbx.stop();
      other.stop();
    };
    const second = { ...p.config, wsUrl: other.url, domain: 'second.test', username: '2002', secret: 'secret2002' };
    // First registered on the first account, then saved twice quickly: back to it, then the second.
    await p.engine.start(p.config);
    await until(() => p.engine.snapshot().registration === Registration.Registered, 'first registration');
    const a = p.engine.start({ ...p.config, displayName: 'Saved once' });
    const b = p.engine.start(second);
    await Promise.all([a, b]);
    await until(() => p.engine.snapshot().registration === Registration.Registered && p.engine.snapshot().aor === 'sip:2002@second.test', 'second account registered');
    await until(() => other.registrations.size === 1, 'bound on the second server');
    const last = other.requests('REGISTER').at(-1)!;
    expect(header(last, 'from')).toContain('sip:2002@second.test');
    // The first server was told to forget us (its last REGISTER unregisters), and heard no more.
    const toFirst = p.pbx.requests('REGISTER');
    expect(`${header(toFirst.at(-1)!, 'expires')} ${header(toFirst.at(-1)!, 'contact')}`).toMatch(/(^0 |expires=0)/);
    expect(other.requests('REGISTER').every((r) => header(r, 'from').includes('2002@second.test'))).toBe(true);
  });
});

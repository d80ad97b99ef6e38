import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { t } from '../i18n';
import { iceConfigOf, networkFromStorage, validateNetwork, type NetworkForm } from './network';

const blank: NetworkForm = { stunUrls: '', turnUrls: '', turnUsername: '', turnCredential: '', relayOnly: false };

describe('validateNetwork', () => {
  it('accepts no servers at all (the default: host candidates only)', () => {
    expect(validateNetwork(blank, false)).toEqual({
      ok: true,
      network: { stunUrls: [], turnUrls: [], turnUsername: '', relayOnly: false },
      credential: '',
    });
  });

  it('accepts STUN and TURN addresses, one a line, trimmed', () => {
    const r = validateNetwork(
      {
        stunUrls: ' stun:stun.example.com:3478 \n\nstuns:[2001:db8::1]:5349',
        turnUrls: 'turn:127.0.0.1:3478?transport=udp\nturns:turn.example.com:443?transport=tcp',
        turnUsername: ' agent ',
        turnCredential: 's3cret',
        relayOnly: true,
      },
      false,
    );
    expect(r).toEqual({
      ok: true,
      network: {
        stunUrls: ['stun:stun.example.com:3478', 'stuns:[2001:db8::1]:5349'],
        turnUrls: ['turn:127.0.0.1:3478?transport=udp', 'turns:turn.example.com:443?transport=tcp'],
        turnUsername: 'agent',
        relayOnly: true,
      },
      credential: 's3cret',
    });
  });

  it('names the address that is wrong, per field', () => {
    const r = validateNetwork({ ...blank, stunUrls: 'stun:ok.example.com\nhttp://stun.example.com', turnUrls: 'turn:host:99999' }, false);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(t(r.errors.stunUrls!.key, ...r.errors.stunUrls!.args)).toContain('“http://stun.example.com” is not a STUN address');
    expect(t(r.errors.turnUrls!.key, ...r.errors.turnUrls!.args)).toContain('“turn:host:99999” is not a TURN address');
  });

  it('refuses a STUN address in the TURN list and the other way round, and user parts or paths', () => {
    for (const [field, url] of [['stunUrls', 'turn:t.example.com'], ['turnUrls', 'stun:s.example.com'], ['turnUrls', 'turn:user@t.example.com'], ['stunUrls', 'stun:s.example.com/path'], ['turnUrls', 'turn:t.example.com?transport=sctp']] as const) {
      const r = validateNetwork({ ...blank, [field]: url, turnUsername: 'u', turnCredential: 'p' }, false);
      expect(r.ok ? 'accepted' : Object.keys(r.errors), url).toEqual([field]);
    }
  });

  it('a TURN server needs a username and a credential; a saved credential is kept when left blank', () => {
    const r = validateNetwork({ ...blank, turnUrls: 'turn:t.example.com' }, false);
    expect(r.ok ? [] : Object.keys(r.errors).sort()).toEqual(['turnCredential', 'turnUsername']);
    const kept = validateNetwork({ ...blank, turnUrls: 'turn:t.example.com', turnUsername: 'u' }, true);
    expect(kept.ok && kept.credential).toBe(undefined);
  });

  it('relay only needs a TURN server', () => {
    const r = validateNetwork({ ...blank, stunUrls: 'stun:s.example.com', relayOnly: true }, false);
    expect(r.ok ? [] : Object.keys(r.errors)).toEqual(['relayOnly']);
  });

  it('removing the TURN servers clears the credential instead of keeping it unseen', () => {
    const r = validateNetwork({ ...blank, turnUsername: 'old' }, true);
    expect(r.ok && r.credential).toBe('');
    expect(r.ok && r.network.turnUsername).toBe('');
  });

  it('at most five servers a list', () => {
    const many = Array.from({ length: 6 }, (_, i) => `stun:s${i}.example.com`).join('\n');
    const r = validateNetwork({ ...blank, stunUrls: many }, false);
    expect(r.ok ? null : r.errors.stunUrls?.key).toBe('network.validation.tooMany');
  });
});

describe('stored network settings', () => {
  it('reads damaged values as unset, field by field', () => {
    expect(networkFromStorage(null)).toEqual({ stunUrls: [], turnUrls: [], turnUsername: '', relayOnly: false });
    expect(networkFromStorage({ stunUrls: 'stun:x', turnUrls: ['turn:t', 7], turnUsername: 3, relayOnly: 'yes' })).toEqual({
      stunUrls: [],
      turnUrls: ['turn:t'],
      turnUsername: '',
      relayOnly: false,
    });
  });

  it('gives the peer connection the servers, TURN with its credential', () => {
    const network = { stunUrls: ['stun:s'], turnUrls: ['turn:t'], turnUsername: 'u', relayOnly: true };
    expect(iceConfigOf(network, 'p')).toEqual({
      iceServers: [{ urls: ['stun:s'] }, { urls: ['turn:t'], username: 'u', credential: 'p' }],
      relayOnly: true,
    });
  });
});

describe('validateNetwork on any input (fast-check)', () => {
  const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 10_000) };
  it('never throws; what it accepts is a plain server address (no user part, path, spaces or line breaks), each refusal a message', () => {
    const text = fc.oneof(fc.string(), fc.constantFrom('stun:', 'turn:', 'turns:', 'stuns:').chain((p) => fc.string().map((r) => p + r)));
    fc.assert(
      fc.property(text, text, fc.string(), fc.string(), fc.boolean(), (stunUrls, turnUrls, turnUsername, turnCredential, relayOnly) => {
        const r = validateNetwork({ stunUrls, turnUrls, turnUsername, turnCredential, relayOnly }, false);
        if (!r.ok) {
          for (const p of Object.values(r.errors)) expect(t(p.key, ...p.args)).not.toBe('');
          return;
        }
        for (const u of [...r.network.stunUrls, ...r.network.turnUrls]) expect(u).toMatch(/^(stuns?|turns?):[^\s@/#]+$/);
        if (r.network.relayOnly) expect(r.network.turnUrls.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });
});

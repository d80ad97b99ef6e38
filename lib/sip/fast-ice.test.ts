import { describe, expect, it } from 'vitest';
import { candidateEndsGathering, gatheringTimeoutMs, serverKinds } from './fast-ice';

const none = { stun: false, turn: false };
const stun = { stun: true, turn: false };
const turn = { stun: true, turn: true };

describe('candidateEndsGathering', () => {
  it('without STUN/TURN, a UDP host candidate is enough', () => {
    expect(candidateEndsGathering({ protocol: 'udp', type: 'host' }, none)).toBe(true);
    expect(candidateEndsGathering({ protocol: 'tcp', type: 'host' }, none)).toBe(false);
  });

  it('with STUN only, waits for the reflexive UDP candidate', () => {
    expect(candidateEndsGathering({ protocol: 'udp', type: 'host' }, stun)).toBe(false);
    expect(candidateEndsGathering({ protocol: 'udp', type: 'srflx' }, stun)).toBe(true);
    expect(candidateEndsGathering({ protocol: 'tcp', type: 'srflx' }, stun)).toBe(false);
  });

  it('with TURN, waits for the relayed candidate (TCP or UDP to the server)', () => {
    expect(candidateEndsGathering({ protocol: 'udp', type: 'host' }, turn)).toBe(false);
    expect(candidateEndsGathering({ protocol: 'udp', type: 'srflx' }, turn)).toBe(false);
    expect(candidateEndsGathering({ protocol: 'udp', type: 'relay' }, turn)).toBe(true);
  });
});

describe('ICE servers', () => {
  it('tells STUN from TURN servers, whatever the list shape', () => {
    expect(serverKinds([])).toEqual(none);
    expect(serverKinds([{ urls: 'stun:s.example.com' }])).toEqual(stun);
    expect(serverKinds([{ urls: ['turns:t.example.com:443?transport=tcp'], username: 'u', credential: 'p' }])).toEqual({ stun: false, turn: true });
  });

  it('keeps the short fallback without servers, a longer one with them (never SIP.js’s 5 s)', () => {
    expect(gatheringTimeoutMs({ iceServers: [], relayOnly: false })).toBe(500);
    expect(gatheringTimeoutMs({ iceServers: [{ urls: 'stun:s.example.com' }], relayOnly: false })).toBeLessThan(5_000);
  });
});

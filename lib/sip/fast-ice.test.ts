import { describe, expect, it } from 'vitest';
import { candidateEndsGathering } from './fast-ice';

describe('candidateEndsGathering', () => {
  it('without STUN/TURN, a UDP host candidate is enough', () => {
    expect(candidateEndsGathering({ protocol: 'udp', type: 'host' }, false)).toBe(true);
    expect(candidateEndsGathering({ protocol: 'tcp', type: 'host' }, false)).toBe(false);
  });

  it('with STUN/TURN, waits for a reflexive or relayed UDP candidate', () => {
    expect(candidateEndsGathering({ protocol: 'udp', type: 'host' }, true)).toBe(false);
    expect(candidateEndsGathering({ protocol: 'udp', type: 'srflx' }, true)).toBe(true);
    expect(candidateEndsGathering({ protocol: 'udp', type: 'relay' }, true)).toBe(true);
    expect(candidateEndsGathering({ protocol: 'tcp', type: 'relay' }, true)).toBe(false);
  });
});

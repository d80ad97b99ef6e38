// The conference mixer's wiring with a recording stand-in for Web Audio and the RTP senders:
// which tracks each call's sender gets, mute, and what is put back (the real audio, tones heard
// by frequency at the far ends, is tests/e2e/chrome-conference.test.mjs).
import { describe, expect, it, vi } from 'vitest';
import { quietLogger } from '../../tests/fakes/harness';
import { CallState } from '../sip/states';
import type { CallSnapshot } from '../sip/types';
import { ConferenceMixer, type MixContext } from './conference-mixer';
import { conferencePlan } from './conference-plan';

type Track = { id: string; enabled: boolean; stop: () => void };
const track = (id: string): Track => ({ id, enabled: true, stop: vi.fn() });

// Node has no MediaStream: a stream here is just its tracks.
vi.stubGlobal('MediaStream', class { constructor(readonly tracks: Track[]) {} });

function call(id: string, extra: Partial<CallSnapshot> = {}): CallSnapshot {
  return { id, direction: 'outgoing', state: CallState.Established, remoteNumber: id, remoteName: '', startedAt: 0, answeredAt: 0, endedAt: null,
    muted: false, held: false, outcome: null, endCode: null, endReason: '', dtmfMode: null, transferTarget: null, reconnecting: false, error: null, ...extra };
}

/** Two calls A and B, each with its own microphone track, a far-end track and a sender. */
function setUp() {
  const mixes: { out: Track; inputs: string[] }[] = [];
  const ctx: MixContext = {
    createMediaStreamDestination: () => {
      const mix = { out: track(`mix${mixes.length + 1}`), inputs: [] as string[] };
      mixes.push(mix);
      return { stream: { getAudioTracks: () => [mix.out] }, disconnect: vi.fn() } as unknown as MediaStreamAudioDestinationNode;
    },
    createMediaStreamSource: (stream) => {
      const [input] = (stream as unknown as { tracks: Track[] }).tracks;
      return { connect: (out: MediaStreamAudioDestinationNode) => mixes.find((m) => m.out === out.stream.getAudioTracks()[0] as unknown)!.inputs.push(input!.id), disconnect: vi.fn() } as unknown as MediaStreamAudioSourceNode;
    },
    resume: async () => undefined,
    close: vi.fn(async () => undefined),
  };
  const media = Object.fromEntries(
    ['A', 'B'].map((id) => {
      const sender = { track: track(`mic-${id}`) as unknown as MediaStreamTrack, replaceTrack: vi.fn(async (t: MediaStreamTrack | null) => void (sender.track = t!)) };
      return [id, { sender, remote: track(`far-${id}`) as unknown as MediaStreamTrack, mic: sender.track as unknown as Track }];
    }),
  );
  const mixer = new ConferenceMixer({ audioOf: (id) => media[id], context: () => ctx, log: quietLogger });
  const sent = (id: string) => (media[id]!.sender.track as unknown as Track).id;
  return { mixer, mixes, media, sent, ctx };
}

describe('conference plan', () => {
  it('each call of a group hears the others; calls in no group, ended, or alone in one are not mixed', () => {
    expect(conferencePlan([call('A', { conference: 'g' }), call('B', { conference: 'g', muted: true }), call('C')])).toEqual([
      { callId: 'A', hears: ['B'], micOff: true },
      { callId: 'B', hears: ['A'], micOff: true },
    ]);
    expect(conferencePlan([call('A', { conference: 'g' }), call('B', { conference: 'g', state: CallState.Ended })])).toEqual([]);
    // A conference on hold (we talk on another line) hears nothing of us.
    expect(conferencePlan([call('A', { conference: 'g', held: true }), call('B', { conference: 'g', held: true })]).map((m) => m.micOff)).toEqual([true, true]);
  });
});

describe('the conference mixer', () => {
  it('A sends our microphone mixed with B’s far end, B ours mixed with A’s', () => {
    const { mixer, mixes, sent } = setUp();
    mixer.sync([call('A', { conference: 'g' }), call('B', { conference: 'g' })]);
    expect(mixes.map((m) => m.inputs)).toEqual([['mic-A', 'far-B'], ['mic-B', 'far-A']]);
    expect([sent('A'), sent('B')]).toEqual(['mix1', 'mix2']);
    expect(mixer.mixing()).toEqual(['A', 'B']);
  });

  it('mute silences our microphone in both mixes, not the other far end', () => {
    const { mixer, media, mixes } = setUp();
    mixer.sync([call('A', { conference: 'g' }), call('B', { conference: 'g' })]);
    mixer.sync([call('A', { conference: 'g', muted: true }), call('B', { conference: 'g', muted: true })]);
    expect([media.A!.mic.enabled, media.B!.mic.enabled]).toEqual([false, false]);
    expect(mixes.map((m) => m.out.enabled)).toEqual([true, true]);
  });

  it('split: each call sends its own microphone again (off for the one going on hold), and the mix stops', () => {
    const { mixer, media, mixes, sent, ctx } = setUp();
    mixer.sync([call('A', { conference: 'g' }), call('B', { conference: 'g' })]);
    mixer.sync([call('A'), call('B', { held: true })]);
    expect([sent('A'), sent('B')]).toEqual(['mic-A', 'mic-B']);
    expect([media.A!.mic.enabled, media.B!.mic.enabled]).toEqual([true, false]);
    expect(mixes.every((m) => vi.mocked(m.out.stop).mock.calls.length === 1)).toBe(true);
    expect(ctx.close).toHaveBeenCalled();
    expect(mixer.mixing()).toEqual([]);
  });

  it('a party hanging up: the other call gets its own microphone back; nothing is sent to the ended one', () => {
    const { mixer, media, sent } = setUp();
    mixer.sync([call('A', { conference: 'g' }), call('B', { conference: 'g' })]);
    mixer.sync([call('A', { conference: 'g', state: CallState.Ended }), call('B', { conference: 'g' })]);
    expect(sent('B')).toBe('mic-B');
    expect(media.A!.sender.replaceTrack).toHaveBeenCalledTimes(1);
  });
});

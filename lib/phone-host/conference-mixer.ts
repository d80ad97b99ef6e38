/**
 * A conference mixed here with Web Audio: each call of the conference sends, in place of its own
 * microphone track (`RTCRtpSender.replaceTrack`, no re-INVITE), a track that mixes that microphone
 * with the far ends of the other calls, so each far end hears us and the others. We hear every far
 * end through its own audio element as usual (remote-audio.ts). Leaving the conference (Split, a
 * party hanging up) puts the call's own microphone back. Which track goes where: conference-plan.ts.
 */
import type { Logger } from '../log';
import type { CallSnapshot } from '../sip/types';
import { conferencePlan, type CallMix } from './conference-plan';

/** A call's audio on the wire: what we send it, and what its far end sends us. */
export interface CallAudio {
  sender: Pick<RTCRtpSender, 'track' | 'replaceTrack'>;
  remote: MediaStreamTrack;
}

export type MixContext = Pick<AudioContext, 'createMediaStreamSource' | 'createMediaStreamDestination' | 'resume' | 'close'>;

export interface MixerDeps {
  audioOf(callId: string): CallAudio | undefined;
  /** Where the mixing happens (an AudioContext of the host document by default). */
  context?: () => MixContext;
  log: Logger;
}

interface Mix {
  /** The call's own microphone track, sent again when the call leaves the conference. */
  own: MediaStreamTrack;
  sender: CallAudio['sender'];
  nodes: AudioNode[];
  mixed: MediaStreamTrack;
  /** The calls it hears, as planned (a change rebuilds the mix). */
  hears: string;
}

export class ConferenceMixer {
  private ctx: MixContext | null = null;
  private readonly mixes = new Map<string, Mix>();

  constructor(private readonly deps: MixerDeps) {}

  /** Follows the phone state: mixes the calls merged, restores the ones that left. */
  sync(calls: readonly CallSnapshot[]): void {
    const plan = new Map(conferencePlan(calls).map((m) => [m.callId, m]));
    for (const [callId, mix] of this.mixes) {
      if (plan.get(callId)?.hears.join() !== mix.hears) this.restore(callId, mix, calls.find((c) => c.id === callId));
    }
    for (const m of plan.values()) {
      const mix = this.mixes.get(m.callId) ?? this.mix(m);
      // Mute in a conference silences our microphone in the mix; the other far ends still go through.
      if (mix) mix.own.enabled = !m.micOff;
    }
    if (this.mixes.size === 0 && this.ctx) {
      void this.ctx.close().catch(() => undefined);
      this.ctx = null;
    }
  }

  /** Calls mixed now (diagnostics and tests). */
  mixing(): string[] {
    return [...this.mixes.keys()];
  }

  private context(): MixContext {
    if (!this.ctx) {
      this.ctx = this.deps.context?.() ?? new AudioContext();
      void this.ctx.resume().catch((e: unknown) => this.deps.log.warn('conference audio did not start', String(e)));
    }
    return this.ctx;
  }

  private mix(plan: CallMix): Mix | undefined {
    const audio = this.deps.audioOf(plan.callId);
    const heard = plan.hears.map((id) => this.deps.audioOf(id)?.remote);
    const own = audio?.sender.track;
    if (!audio || !own || heard.some((t) => !t)) {
      this.deps.log.warn('conference: a call has no audio to mix yet', plan.callId);
      return undefined;
    }
    let ctx: MixContext;
    try {
      ctx = this.context();
    } catch (e) {
      this.deps.log.warn('conference: no audio context to mix in', String(e));
      return undefined;
    }
    const out = ctx.createMediaStreamDestination();
    const nodes: AudioNode[] = [own, ...(heard as MediaStreamTrack[])].map((track) => {
      const source = ctx.createMediaStreamSource(new MediaStream([track]));
      source.connect(out);
      return source;
    });
    const mixed = out.stream.getAudioTracks()[0];
    if (!mixed) return undefined;
    const mix: Mix = { own, sender: audio.sender, nodes: [...nodes, out], mixed, hears: plan.hears.join() };
    this.mixes.set(plan.callId, mix);
    audio.sender.replaceTrack(mixed).catch((e: unknown) => this.deps.log.warn('conference: mix not sent', String(e)));
    return mix;
  }

  private restore(callId: string, mix: Mix, call: CallSnapshot | undefined): void {
    this.mixes.delete(callId);
    for (const node of mix.nodes) node.disconnect();
    mix.mixed.stop();
    if (!call || call.state === 'ended') return;
    mix.own.enabled = !call.muted && !call.held;
    mix.sender.replaceTrack(mix.own).catch((e: unknown) => this.deps.log.warn('conference: microphone not restored', String(e)));
  }
}

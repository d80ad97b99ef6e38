import { callStats, NO_STATS, type CallStats } from './call-stats';
import { dominantTone, type ToneReading } from './audio-probe';
import type { ConfigureCommand, HostCommand } from '../messaging/phone';
import { done, fail, type Result } from '../result';
import { phoneError } from '../errors';
import { runPhoneCommand } from './commands';
import { createLogger, setDebug } from '../log';
import { PhoneEngine, type EngineDeps } from '../sip/engine';
import { CallState } from '../sip/states';
import type { CallSnapshot, PhoneSnapshot } from '../sip/types';
import { RemoteAudio } from './remote-audio';
import { ConferenceMixer, type CallAudio, type MixContext } from './conference-mixer';
import { Ringtone } from './ringtone';
import { AudioDevices, type LiveMedia } from './audio-devices';
import { historyFromCall } from './history';
import { QualitySampler } from './quality-sampler';
import { HistoryKeeper, type KeeperStorage } from './history-keeper';
import { dataProvider, providerFor, type DataProvider } from '../providers';
import type { StoredOdoo } from '../providers/odoo/store';
import type { HistoryEntry } from '../providers/types';

/** The host document's localStorage, where it exists and works. */
function hostStorage(): KeeperStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export interface HostOutput {
  /** Tell the rest of the extension the phone changed. */
  publish(state: PhoneSnapshot): void;
  /** A call was written to the history (the badge counts unseen missed calls). */
  historyChanged?(): void;
}

/** What tests put in place of the network, WebRTC and Web Audio. */
export interface HostDeps {
  engine?: Pick<EngineDeps, 'transportConstructor' | 'sessionDescriptionHandlerFactory' | 'mediaStreamFactory' | 'random'>;
  ringtone?: HostRingtone;
  /** Where conference audio is mixed (an AudioContext of the host document by default); null: nowhere, Merge is refused. */
  mixContext?: (() => MixContext) | null;
}

type HostRingtone = Pick<Ringtone, 'start' | 'stop' | 'state'> & Partial<Pick<Ringtone, 'setSink' | 'sink'>>;

/** Exposed in the host document for diagnostics and e2e checks (never the secret). */
export interface HostDiagnostics {
  ringtone(): string;
  rtpStats(callId: string): Promise<CallStats>;
  /** What the user hears from the far end: its strongest frequency now (null without a call). */
  remoteTone(callId: string): Promise<ToneReading | null>;
  /** The devices a call uses: its microphone track's label, its audio output, the ringer's output. */
  callDevices(callId: string): { microphone: string; speaker: string | null; ringer: string };
}

/**
 * The phone host: owns the engine, the ringtone and the remote audio, and executes commands.
 * Runs in a document (Chrome offscreen document, Firefox background page); imports no
 * extension API: its caller wires `output` to the runtime.
 */
export class PhoneHost implements HostDiagnostics {
  private readonly log = createLogger('host');
  private readonly ringtoneEl: HostRingtone;
  private readonly audio = new RemoteAudio();
  private readonly engine: PhoneEngine;
  private configKey = '';
  /** The user's default country, for matching callers' national numbers to contacts. */
  private country = 'US';
  private odoo: StoredOdoo | null = null;
  private providerP: Promise<DataProvider> | null = null;
  private readonly keeper: HistoryKeeper;
  private readonly devices: AudioDevices;
  private readonly mixer: ConferenceMixer;
  /** This host can mix a conference (not Firefox's background page: lib/phone-host/in-process.ts). */
  private readonly canMix: boolean;
  private readonly quality = new QualitySampler({
    stats: async (callId) => (this.peerOf(callId) ? this.rtpStats(callId) : null),
    changed: () => this.onChange(this.engine.snapshot()),
  });

  constructor(
    private readonly output: HostOutput,
    deps: HostDeps = {},
  ) {
    this.ringtoneEl = deps.ringtone ?? new Ringtone();
    this.canMix = deps.mixContext !== null;
    this.mixer = new ConferenceMixer({ audioOf: (id) => this.callAudio(id), log: this.log, ...(deps.mixContext ? { context: deps.mixContext } : {}) });
    this.keeper = new HistoryKeeper({
      save: async (entry) => (await this.provider()).history.add(entry),
      saved: (entry) => {
        this.output.historyChanged?.();
        void this.logInErp(entry);
      },
      changed: () => this.onChange(this.engine.snapshot()),
      storage: hostStorage(),
    });
    this.devices = new AudioDevices(
      {
        setSpeaker: (id) => this.audio.setSink(id),
        setRinger: (id) => this.ringtoneEl.setSink?.(id),
        liveMedia: () =>
          this.engine
            .snapshot()
            // A call in a conference sends a mix of its microphone (conference-mixer.ts): a new
            // microphone would replace the mix, so it keeps the one it has until split.
            .calls.filter((c) => c.state !== CallState.Ended && !c.conference)
            .flatMap((c) => {
              const sdh = this.engine.sessionOf(c.id)?.sessionDescriptionHandler as LiveMedia | undefined;
              return sdh?.peerConnection ? [{ sdh, muted: c.muted }] : [];
            }),
        changed: () => this.onChange(this.engine.snapshot()),
      },
      this.log,
      deps.engine?.mediaStreamFactory,
    );
    this.engine = new PhoneEngine({
      logger: this.log,
      onChange: (state) => this.onChange(state),
      onCallEnded: (call) => {
        this.audio.detach(call.id);
        void this.record(call);
      },
      onIncoming: (callId, number) => void this.identify(callId, number),
      onRemoteMedia: (callId, session) => this.audio.attach(callId, session),
      ...deps.engine,
      mediaStreamFactory: this.devices.factory,
    });
  }

  /** The data provider: Odoo's when the background says Odoo is connected, else the local one. */
  private provider(): Promise<DataProvider> {
    this.providerP ??= providerFor(this.odoo, this.country).catch((e: unknown) => {
      this.log.warn('Odoo provider unavailable', String(e));
      return dataProvider(this.country);
    });
    return this.providerP;
  }

  /** Caller ID: the saved contact (or Odoo partner) for an incoming number, shown while it rings. */
  private async identify(callId: string, number: string): Promise<void> {
    const r = await (await this.provider()).contacts.matchNumber(number);
    if (r.ok && r.value) this.engine.setRemoteName(callId, r.value.name);
  }

  private async record(call: CallSnapshot): Promise<void> {
    const provider = await this.provider();
    const quality = this.quality.take(call.id);
    const match = call.remoteNumber ? await provider.contacts.matchNumber(call.remoteNumber) : null;
    const entry = historyFromCall(call, match?.ok ? match.value : null);
    this.keeper.keep(quality ? { ...entry, quality } : entry);
  }

  private async logInErp(entry: HistoryEntry): Promise<void> {
    const provider = await this.provider();
    if (!provider.logCall) return;
    const logged = await provider.logCall(entry);
    if (!logged.ok) this.log.warn('call not logged in the ERP', logged.reason);
  }

  state(): PhoneSnapshot {
    return this.withUnsaved(this.engine.snapshot());
  }

  private onChange(state: PhoneSnapshot): void {
    const ringing = state.calls.some((c) => c.state === CallState.Incoming);
    // A call waiting rings softly over the call in progress.
    const onACall = state.calls.some((c) => c.state !== CallState.Incoming && c.state !== CallState.Ended);
    if (ringing) this.ringtoneEl.start(onACall ? 'soft' : 'full');
    else this.ringtoneEl.stop();
    this.mixer.sync(state.calls);
    this.quality.sync(state.calls.filter((c) => c.state === CallState.Established && !c.held).map((c) => c.id));
    this.output.publish(this.withUnsaved(state));
  }

  private withUnsaved(state: PhoneSnapshot): PhoneSnapshot {
    const calls = this.keeper.waiting();
    const missing = this.devices.missing;
    const quality = this.quality.readings();
    const withQuality = Object.keys(quality).length > 0 ? { ...state, quality } : state;
    const withDevices = missing.length > 0 ? { ...withQuality, devicesMissing: missing } : withQuality;
    return calls > 0 ? { ...withDevices, unsaved: { calls, reason: this.keeper.reason() } } : withDevices;
  }

  /** The account and Odoo connection the background hands over; an unchanged account is left running. */
  private async configure(cmd: ConfigureCommand): Promise<Result> {
    setDebug(cmd.debug);
    if (cmd.defaultCountry !== this.country || JSON.stringify(cmd.odoo) !== JSON.stringify(this.odoo)) this.providerP = null;
    this.country = cmd.defaultCountry;
    this.odoo = cmd.odoo;
    await this.devices.set(cmd.devices);
    this.engine.setDnd(cmd.dnd);
    const key = JSON.stringify({ config: cmd.config, missing: cmd.missing });
    if (key !== this.configKey) {
      this.configKey = key;
      await this.engine.start(cmd.config, cmd.missing);
    } else {
      // The same account saved again (or the background woke): a phone that is not registered
      // tries again now — a refused account too, the user may have fixed it on the server.
      this.engine.retryNow();
    }
    // Calls a previous phone host could not write: now that the provider is known.
    void this.keeper.flush();
    return done;
  }

  /** Runs a command from the background (already checked, numbers normalised). */
  async handle(cmd: HostCommand): Promise<Result<unknown>> {
    try {
      if (cmd.type === 'host:configure') return await this.configure(cmd);
      return runPhoneCommand(cmd, { engine: this.engine, state: () => this.state(), canMix: this.canMix });
    } catch (e) {
      // A command never leaves its sender waiting for an answer that will not come.
      this.log.error('command failed', cmd.type, String(e));
      return fail(phoneError('internal', e instanceof Error ? e.message : String(e)));
    }
  }

  /** The browser's network came back or went away (the host's own document sees it). */
  networkOnline(): void {
    this.engine.networkOnline();
  }

  networkOffline(): void {
    this.engine.networkOffline();
  }

  ringtone(): string {
    return this.ringtoneEl.state;
  }

  private peerOf(callId: string): RTCPeerConnection | undefined {
    const sdh = this.engine.sessionOf(callId)?.sessionDescriptionHandler as { peerConnection?: RTCPeerConnection } | undefined;
    return sdh?.peerConnection;
  }

  /** What a call sends and receives, for the conference mixer. */
  private callAudio(callId: string): CallAudio | undefined {
    const pc = this.peerOf(callId);
    const sender = pc?.getSenders().find((s) => s.track?.kind === 'audio');
    const remote = pc?.getReceivers().find((r) => r.track.kind === 'audio')?.track;
    return sender && remote ? { sender, remote } : undefined;
  }

  async rtpStats(callId: string): Promise<CallStats> {
    const pc = this.peerOf(callId);
    return pc ? callStats(pc) : { ...NO_STATS };
  }

  callDevices(callId: string): { microphone: string; speaker: string | null; ringer: string } {
    const sdh = this.engine.sessionOf(callId)?.sessionDescriptionHandler as { peerConnection?: RTCPeerConnection } | undefined;
    const track = sdh?.peerConnection?.getSenders().find((s) => s.track?.kind === 'audio')?.track;
    return { microphone: track?.label ?? '', speaker: this.audio.sinkOf(callId), ringer: this.ringtoneEl.sink ?? '' };
  }

  async remoteTone(callId: string): Promise<ToneReading | null> {
    const sdh = this.engine.sessionOf(callId)?.sessionDescriptionHandler as { peerConnection?: RTCPeerConnection } | undefined;
    const track = sdh?.peerConnection?.getReceivers().find((r) => r.track.kind === 'audio')?.track;
    return track ? dominantTone(track) : null;
  }

}

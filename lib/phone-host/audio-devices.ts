/**
 * The host's end of the audio device choice (lib/devices/choice.ts): the microphone for calls
 * (a `deviceId` constraint on each capture, switched mid-call by replacing the sent track),
 * the speaker for the far end's audio and the ringer for the ring (`setSinkId` where the browser
 * has it). When a chosen device is unplugged, the default takes over and the snapshot says so;
 * when it comes back it is used again (`devicechange`).
 */
import { Web } from 'sip.js';
import { DEVICE_ROLES, DEFAULT_DEVICES, resolveDevice, type DeviceChoices, type DeviceInfo, type DeviceRole } from '../devices/choice';
import type { Logger } from '../log';

/** A role whose chosen device is not there: the default is used instead. */
export interface DeviceFallback {
  role: DeviceRole;
  label: string;
}

/** What the devices act on in the host. */
export interface DeviceTargets {
  /** Far-end audio goes to this output ('' = default). */
  setSpeaker(sinkId: string): void;
  setRinger(sinkId: string): void;
  /** The live calls' media handlers, whose microphone is swapped when the choice changes. */
  liveMedia(): { sdh: LiveMedia; muted: boolean }[];
  /** The fallbacks changed: publish the phone state again. */
  changed(): void;
}

/**
 * A live call's SIP.js media handler. `setLocalMediaStream` (protected in SIP.js's types, public in
 * its code) replaces each sent track with `RTCRtpSender.replaceTrack`: no re-INVITE.
 */
export type LiveMedia = Web.SessionDescriptionHandler & { setLocalMediaStream(stream: MediaStream): Promise<void> };

/** How long the device list may take before the choice is passed on unjudged. */
const LIST_TIMEOUT_MS = 1500;

type MediaDevicesLike = Pick<MediaDevices, 'enumerateDevices' | 'addEventListener'>;

export class AudioDevices {
  private choices: DeviceChoices = { ...DEFAULT_DEVICES };
  private fallbacks: DeviceFallback[] = [];
  /** The microphone the calls now send ('' = default). */
  private micInUse = '';
  private inner: Web.MediaStreamFactory;

  constructor(
    private readonly targets: DeviceTargets,
    private readonly log: Logger,
    inner?: Web.MediaStreamFactory,
    private readonly media: MediaDevicesLike | undefined = globalThis.navigator?.mediaDevices,
  ) {
    this.inner = inner ?? Web.defaultMediaStreamFactory();
    this.media?.addEventListener('devicechange', () => void this.apply());
  }

  get missing(): DeviceFallback[] {
    return this.fallbacks;
  }

  /** New choices from the settings or the call screen: applied now, live calls included. */
  set(choices: DeviceChoices): Promise<void> {
    this.choices = choices;
    return this.apply();
  }

  private async list(): Promise<DeviceInfo[] | null> {
    try {
      // Firefox's background page: enumerateDevices may never settle; a choice is then passed on.
      const devices = await Promise.race([
        this.media?.enumerateDevices() ?? Promise.resolve([]),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), LIST_TIMEOUT_MS)),
      ]);
      if (devices === null) return null;
      // Without the microphone permission in this document, labels are empty and ids may be
      // placeholders: the choice cannot be judged here, it is passed on as a preference.
      return devices.some((d) => d.label !== '') ? devices.map((d) => ({ deviceId: d.deviceId, kind: d.kind, label: d.label })) : null;
    } catch {
      return null;
    }
  }

  /** The microphone constraint for a capture now, and the id it stands for. */
  private async micConstraint(): Promise<{ audio: MediaTrackConstraints | true; id: string }> {
    const choice = this.choices.microphone;
    if (!choice) return { audio: true, id: '' };
    const devices = await this.list();
    if (!devices) return { audio: { deviceId: { ideal: choice.id } }, id: choice.id };
    const r = resolveDevice(choice, 'microphone', devices);
    return r.deviceId ? { audio: { deviceId: { exact: r.deviceId } }, id: r.deviceId } : { audio: true, id: '' };
  }

  /** SIP.js's media stream factory: the chosen microphone (the given factory does the capture). */
  readonly factory: Web.MediaStreamFactory = async (constraints, sdh, options) => {
    if (!constraints.audio) return this.inner(constraints, sdh, options);
    const mic = await this.micConstraint();
    this.micInUse = mic.id;
    return this.inner({ ...constraints, audio: mic.audio }, sdh, options);
  };

  /** Resolves every role against the devices there now, and acts on what changed. */
  async apply(): Promise<void> {
    const devices = await this.list();
    const resolved = Object.fromEntries(
      DEVICE_ROLES.map((role) => [role, devices ? resolveDevice(this.choices[role], role, devices) : { deviceId: this.choices[role]?.id, label: '', missing: false }]),
    ) as Record<DeviceRole, { deviceId: string | undefined; label: string; missing: boolean }>;
    this.targets.setSpeaker(resolved.speaker.deviceId ?? '');
    this.targets.setRinger(resolved.ringer.deviceId ?? '');
    const fallbacks = DEVICE_ROLES.filter((role) => resolved[role].missing).map((role) => ({ role, label: resolved[role].label }));
    const changed = JSON.stringify(fallbacks) !== JSON.stringify(this.fallbacks);
    this.fallbacks = fallbacks;
    if ((resolved.microphone.deviceId ?? '') !== this.micInUse) await this.switchMicrophone();
    if (changed) {
      if (fallbacks.length) this.log.warn('audio devices missing, using the default', fallbacks.map((f) => f.role).join(','));
      this.targets.changed();
    }
  }

  /** A new capture for every live call, sent in place of the old one (no renegotiation). */
  private async switchMicrophone(): Promise<void> {
    const calls = this.targets.liveMedia();
    if (calls.length === 0) return;
    for (const call of calls) {
      try {
        const stream = await this.factory({ audio: true, video: false }, call.sdh);
        for (const track of stream.getAudioTracks()) track.enabled = !call.muted;
        await call.sdh.setLocalMediaStream(stream);
      } catch (e) {
        this.log.warn('microphone switch failed', String(e));
      }
    }
  }
}

/**
 * `phone:*` — what the phone host does, asked by an extension page (popup, pop-out). The
 * background checks each message, turns written numbers into dial targets, and passes it on;
 * the host runs it (lib/phone-host/commands.ts). Adding a phone command: an entry here, its
 * handler there, the engine method, and the screen that uses it.
 */
import type { DialTarget } from '../phone-number';
import type { Result } from '../result';
import { isDtmf } from '../sip/dtmf';
import type { DoNotDisturb, PhoneSnapshot, SipConfig } from '../sip/types';
import type { StoredOdoo } from '../providers/odoo/store';
import type { DeviceChoices } from '../devices/choice';
import { bare, entry, type Entry, type MessageOf, type PayloadOf } from './define';
import { bool, callId, str } from './validate';

const forCall = <R>() => entry<{ callId: string }, R>((m) => (callId(m.callId) ? { callId: m.callId } : null));

export const phoneChannel = {
  'phone:getState': bare<Result<PhoneSnapshot>>(),
  /** Try again: register now (a refused account too; a reconnect skips its wait). */
  'phone:retry': bare<Result>(),
  'phone:dial': entry<{ number: string }, Result<string>>((m) => (str(m.number, 64) ? { number: m.number } : null)),
  'phone:answer': forCall<Result>(),
  'phone:decline': forCall<Result>(),
  /** Answers a call waiting and ends every other call. */
  'phone:answerEnd': forCall<Result>(),
  /** Brings a line to the front (the others go on hold). */
  'phone:swap': forCall<Result>(),
  'phone:hangup': forCall<Result>(),
  'phone:dismiss': forCall<Result>(),
  'phone:mute': entry<{ callId: string; muted: boolean }, Result>((m) =>
    callId(m.callId) && bool(m.muted) ? { callId: m.callId, muted: m.muted } : null,
  ),
  'phone:hold': entry<{ callId: string; held: boolean }, Result>((m) =>
    callId(m.callId) && bool(m.held) ? { callId: m.callId, held: m.held } : null,
  ),
  'phone:dtmf': entry<{ callId: string; digits: string }, Result>((m) =>
    callId(m.callId) && str(m.digits, 32) && isDtmf(m.digits) ? { callId: m.callId, digits: m.digits } : null,
  ),
  'phone:transfer': entry<{ callId: string; target: string }, Result>((m) =>
    callId(m.callId) && str(m.target, 64) ? { callId: m.callId, target: m.target } : null,
  ),
  /** Attended transfer: the call goes on hold and `target` is called; replies the new call's id. */
  'phone:consult': entry<{ callId: string; target: string }, Result<string>>((m) =>
    callId(m.callId) && str(m.target, 64) ? { callId: m.callId, target: m.target } : null,
  ),
  /** Connects the far ends of two answered calls (REFER with Replaces) and drops out. */
  'phone:completeTransfer': entry<{ callId: string; otherId: string }, Result>((m) =>
    callId(m.callId) && callId(m.otherId) ? { callId: m.callId, otherId: m.otherId } : null,
  ),
  /** Ends a consult call and takes the caller off hold. */
  'phone:cancelConsult': forCall<Result>(),
  /** A conference: `otherId` joins `callId`'s call, both off hold (mixed in the phone host). */
  'phone:merge': entry<{ callId: string; otherId: string }, Result>((m) =>
    callId(m.callId) && callId(m.otherId) ? { callId: m.callId, otherId: m.otherId } : null,
  ),
  /** Splits a conference back into lines: `callId` stays in front, the other goes on hold. */
  'phone:split': forCall<Result>(),
  /** Watches these colleagues' lines (extensions the transfer list shows); an empty list stops. */
  'phone:watchColleagues': entry<{ extensions: string[] }, Result>((m) =>
    Array.isArray(m.extensions) && m.extensions.length <= 16 && m.extensions.every((e) => str(e, 16) && /^\d{2,15}$/.test(e))
      ? { extensions: [...(m.extensions as string[])] }
      : null,
  ),
};

export type PhoneChannel = typeof phoneChannel;
export type PhoneName = keyof PhoneChannel;
export type PhoneCommand<K extends PhoneName = PhoneName> = MessageOf<PhoneChannel, K>;

/** The payload fields that hold a number as the user wrote it; the host gets them as dial targets. */
export const WRITTEN_NUMBER_FIELDS = ['number', 'target'] as const;
type WrittenField = (typeof WRITTEN_NUMBER_FIELDS)[number];
type Normalised<P> = { [F in keyof P]: F extends WrittenField ? DialTarget : P[F] };

/** A phone command as the host receives it: the same, with numbers already normalised. */
export type HostPhoneCommand<K extends PhoneName = PhoneName> = K extends PhoneName
  ? { type: K } & Normalised<PayloadOf<PhoneChannel[K]>>
  : never;

/** Only the background sends this: the saved account (never shown to a page) and the country. */
export interface ConfigureCommand {
  type: 'host:configure';
  config: SipConfig | null;
  missing: string[];
  debug: boolean;
  defaultCountry: string;
  /** The Odoo connection (no secret), for caller ID and call logs; null without Odoo. */
  odoo: StoredOdoo | null;
  /** The microphone, speaker and ringer chosen (applied without touching the account). */
  devices: DeviceChoices;
  /** Do not disturb while on (kept by the background: lib/background/dnd.ts); null when off. */
  dnd: DoNotDisturb | null;
}

/** Everything the phone host accepts from the background. */
export type HostCommand = HostPhoneCommand | ConfigureCommand;
export type HostReply<K extends PhoneName> = PhoneChannel[K] extends Entry<object, infer R> ? R : never;

/** Background → Chrome's offscreen phone host: one envelope, so the host answers nothing else. */
export interface HostEnvelope {
  type: 'host:cmd';
  cmd: HostCommand;
}

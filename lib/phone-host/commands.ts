/**
 * What the phone host does for each phone command: one handler per entry of the phone channel
 * (lib/messaging/phone.ts), checked by the compiler, each a call into the engine.
 */
import type { HostPhoneCommand, HostReply, PhoneName } from '../messaging/phone';
import { phoneError } from '../errors';
import { t } from '../i18n';
import { done, fail, ok } from '../result';
import type { PhoneEngine } from '../sip/engine';
import type { PhoneSnapshot } from '../sip/types';

export interface CommandTarget {
  engine: PhoneEngine;
  /** The state as the UI sees it (with the calls waiting to be written). */
  state(): PhoneSnapshot;
  /** A conference can be mixed here. */
  canMix: boolean;
}

type PhoneHandlers = { [K in PhoneName]: (cmd: HostPhoneCommand<K>, host: CommandTarget) => HostReply<K> };

const phoneHandlers: PhoneHandlers = {
  'phone:getState': (_cmd, host) => ok(host.state()),
  'phone:retry': (_cmd, { engine }) => {
    engine.retryNow();
    return done;
  },
  'phone:dial': (cmd, { engine }) => engine.dial(cmd.number),
  'phone:answer': (cmd, { engine }) => engine.answer(cmd.callId),
  'phone:decline': (cmd, { engine }) => engine.decline(cmd.callId),
  'phone:answerEnd': (cmd, { engine }) => engine.answerEndingOthers(cmd.callId),
  'phone:swap': (cmd, { engine }) => engine.swap(cmd.callId),
  'phone:hangup': (cmd, { engine }) => engine.hangup(cmd.callId),
  'phone:dismiss': (cmd, { engine }) => {
    engine.dismiss(cmd.callId);
    return done;
  },
  'phone:mute': (cmd, { engine }) => engine.setMute(cmd.callId, cmd.muted),
  'phone:hold': (cmd, { engine }) => engine.setHold(cmd.callId, cmd.held),
  'phone:dtmf': (cmd, { engine }) => engine.sendDtmf(cmd.callId, cmd.digits),
  'phone:transfer': (cmd, { engine }) => engine.transfer(cmd.callId, cmd.target),
  'phone:consult': (cmd, { engine }) => engine.consult(cmd.callId, cmd.target),
  'phone:completeTransfer': (cmd, { engine }) => engine.completeTransfer(cmd.callId, cmd.otherId),
  'phone:cancelConsult': (cmd, { engine }) => engine.cancelConsult(cmd.callId),
  'phone:merge': (cmd, { engine, canMix }) =>
    canMix ? engine.merge(cmd.callId, cmd.otherId) : fail(phoneError('conferenceFailed', t('conference.notHere'))),
  'phone:split': (cmd, { engine }) => engine.split(cmd.callId),
  'phone:watchColleagues': (cmd, { engine }) => engine.watchColleagues(cmd.extensions),
};

export function runPhoneCommand(cmd: HostPhoneCommand, host: CommandTarget): HostReply<PhoneName> {
  const handler = phoneHandlers[cmd.type] as (c: HostPhoneCommand, h: CommandTarget) => HostReply<PhoneName>;
  return handler(cmd, host);
}

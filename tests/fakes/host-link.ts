import type { HostCommand } from '../../lib/messaging/phone';
import type { HostEvent, HostLink } from '../../lib/phone-host/link';
import type { Result } from '../../lib/result';

/** A phone host that records what the background sends it and answers as told. */
export class RecordingLink implements HostLink {
  readonly sent: HostCommand[] = [];
  answer: (cmd: HostCommand) => Result<unknown> = () => ({ ok: true, value: undefined });
  onEvent: ((event: HostEvent) => void) | null = null;

  start(onEvent: (event: HostEvent) => void): void {
    this.onEvent = onEvent;
  }

  async ensure(): Promise<void> {}

  async send(cmd: HostCommand): Promise<Result<unknown>> {
    this.sent.push(cmd);
    return this.answer(cmd);
  }

  /** The commands sent, without the account configuration and the state queries. */
  commands(): HostCommand[] {
    return this.sent.filter((c) => c.type !== 'host:configure' && c.type !== 'phone:getState');
  }
}

import type { CommandResult, HostCommand } from '../messaging/protocol';
import type { PhoneHost } from '../phone-host/host';
import type { HostLink } from './host-link';

/** Firefox: the background page is the phone host, so commands are plain calls. */
export class InProcessLink implements HostLink {
  constructor(private readonly host: PhoneHost) {}

  async ensure(): Promise<void> {}

  send(cmd: HostCommand): Promise<CommandResult<unknown>> {
    return this.host.handle(cmd);
  }
}

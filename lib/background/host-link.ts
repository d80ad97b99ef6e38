import type { CommandResult, HostCommand } from '../messaging/protocol';
import type { PhoneSnapshot } from '../sip/types';

/**
 * How the background reaches the phone host. Chrome: messages to the offscreen document.
 * Firefox: direct calls, the host lives in the background page itself.
 */
export interface HostLink {
  /** Makes sure the host exists (creating the offscreen document if needed). */
  ensure(): Promise<void>;
  send(cmd: HostCommand): Promise<CommandResult<unknown>>;
}

export type StateListener = (state: PhoneSnapshot) => void;

/** The engine's calls: which exist, which are live, and running a command on one by its id. */
import { phoneError } from '../errors';
import { done, fail, type Result } from '../result';
import type { CallSession } from './call-session';
import { CallState } from './states';
import type { CallSnapshot } from './types';

export class CallBook {
  private readonly calls = new Map<string, CallSession>();

  constructor(private readonly changed: () => void) {}

  snapshots(): CallSnapshot[] {
    return [...this.calls.values()].map((c) => c.snapshot());
  }

  all(): CallSession[] {
    return [...this.calls.values()];
  }

  live(): CallSession[] {
    return this.all().filter((c) => c.state !== CallState.Ended);
  }

  get(callId: string): CallSession | undefined {
    return this.calls.get(callId);
  }

  /** A new call: ended ones make room (the UI has shown why they ended). */
  track(call: CallSession): void {
    for (const [id, c] of this.calls) if (c.state === CallState.Ended) this.calls.delete(id);
    this.calls.set(call.id, call);
    this.changed();
  }

  /** Puts every live call but `except` on hold (a second call starts or is answered; a line or a conference comes to the front). */
  holdOthers(except: CallSession | CallSession[] = []): void {
    const keep = Array.isArray(except) ? except : [except];
    for (const other of this.live()) if (!keep.includes(other)) other.setHold(true);
  }

  /** Runs a command on the call, or says there is no such call. */
  act(callId: string, command: (call: CallSession) => Result | void): Result {
    const call = this.calls.get(callId);
    if (!call) return fail(phoneError('internal', 'No such call.'));
    return command(call) ?? done;
  }

  /** Forgets an ended call once the UI has shown it. */
  dismiss(callId: string): void {
    if (this.calls.get(callId)?.state !== CallState.Ended) return;
    this.calls.delete(callId);
    this.changed();
  }

  clear(): void {
    this.calls.clear();
  }
}

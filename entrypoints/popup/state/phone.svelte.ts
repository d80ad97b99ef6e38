import type { ErrorAction, PhoneError } from '../../../lib/errors';
import { CallState } from '../../../lib/sip/states';
import type { CallSnapshot, PhoneSnapshot } from '../../../lib/sip/types';
import { onPhoneState, request } from '../../../lib/messaging/client';
import type { DndChoice } from '../../../lib/dnd/choice';

/**
 * The popup's view of the phone. Re-reads the host's state on open (the popup may have been
 * closed mid-call) and follows its broadcasts; only this class sends phone commands.
 */
export class PhoneState {
  // Replaced whole on every broadcast: raw state, no proxy.
  #snapshot = $state.raw<PhoneSnapshot | null>(null);
  #commandError = $state.raw<PhoneError | null>(null);
  #lastDialled = $state('');

  readonly #lines = $derived<CallSnapshot[]>(
    this.#snapshot?.calls.filter((c) => c.state !== CallState.Ended && c.state !== CallState.Incoming) ?? [],
  );
  // With several lines, the one in front is the one not on hold.
  readonly #liveCall = $derived<CallSnapshot | undefined>(this.#lines.find((c) => !c.held) ?? this.#lines[0]);
  readonly #incomingCall = $derived<CallSnapshot | undefined>(
    this.#snapshot?.calls.find((c) => c.state === CallState.Incoming),
  );
  readonly #endedCall = $derived<CallSnapshot | undefined>(
    this.#snapshot?.calls.find((c) => c.state === CallState.Ended),
  );

  #unsubscribe: (() => void) | null = null;

  get snapshot(): PhoneSnapshot | null {
    return this.#snapshot;
  }

  /** An error from the last command (e.g. Incorrect Number), shown until dismissed. */
  get commandError(): PhoneError | null {
    return this.#commandError;
  }

  get lastDialled(): string {
    return this.#lastDialled;
  }

  get liveCall(): CallSnapshot | undefined {
    return this.#liveCall;
  }

  /** Every call on the lines (answered, on hold, being placed), in the engine's order. */
  get lines(): CallSnapshot[] {
    return this.#lines;
  }

  get incomingCall(): CallSnapshot | undefined {
    return this.#incomingCall;
  }

  get endedCall(): CallSnapshot | undefined {
    return this.#endedCall;
  }

  get inCall(): boolean {
    return Boolean(this.#liveCall || this.#incomingCall);
  }

  get registrationError(): PhoneError | null {
    return this.#snapshot?.error ?? null;
  }

  /** Why the last call failed or ended badly (shown beside a live call, or alone once it ended). */
  get callError(): PhoneError | null {
    return this.#endedCall?.error ?? this.#liveCall?.error ?? null;
  }

  async connect(): Promise<void> {
    this.#unsubscribe = onPhoneState((s) => (this.#snapshot = s));
    const result = await request({ type: 'phone:getState' });
    if (result.ok) this.#snapshot = result.value;
    else this.#commandError = result.error;
  }

  /** Try again: the phone registers now; a failed command's state is read again. */
  async retry(): Promise<void> {
    const r = await request({ type: 'phone:retry' });
    if (!r.ok) this.#commandError = r.error;
    const state = await request({ type: 'phone:getState' });
    if (state.ok) this.#snapshot = state.value;
  }

  disconnect(): void {
    this.#unsubscribe?.();
  }

  dismissCommandError(): void {
    this.#commandError = null;
  }

  /** What an error panel's button asks for. */
  act(action: ErrorAction): void {
    if (action === 'openSettings') void this.openOptions();
    else if (action === 'openMicPage') void this.openMicPage();
    else if (action === 'retry') void this.retry();
  }

  async #run(result: Promise<{ ok: boolean; error?: PhoneError }>): Promise<boolean> {
    const r = await result;
    if (!r.ok && r.error) this.#commandError = r.error;
    return r.ok;
  }

  /** Places a call; the new call's id, or null when the phone refused (the error is shown). */
  async dial(number: string): Promise<string | null> {
    // No dismiss of the last ended call first: the engine drops ended calls when a new one
    // starts, and an extra round trip here would delay the INVITE.
    this.#commandError = null;
    const r = await request({ type: 'phone:dial', number });
    if (!r.ok) {
      this.#commandError = r.error;
      return null;
    }
    this.#lastDialled = number;
    return r.value ?? '';
  }

  answer = (callId: string) => this.#run(request({ type: 'phone:answer', callId }));
  answerEnd = (callId: string) => this.#run(request({ type: 'phone:answerEnd', callId }));
  swap = (callId: string) => this.#run(request({ type: 'phone:swap', callId }));
  decline = (callId: string) => this.#run(request({ type: 'phone:decline', callId }));
  hangup = (callId: string) => this.#run(request({ type: 'phone:hangup', callId }));
  mute = (callId: string, muted: boolean) => this.#run(request({ type: 'phone:mute', callId, muted }));
  hold = (callId: string, held: boolean) => this.#run(request({ type: 'phone:hold', callId, held }));
  dtmf = (callId: string, digits: string) => this.#run(request({ type: 'phone:dtmf', callId, digits }));
  transfer = (callId: string, target: string) => {
    this.#commandError = null;
    return this.#run(request({ type: 'phone:transfer', callId, target }));
  };
  consult = (callId: string, target: string) => {
    this.#commandError = null;
    return this.#run(request({ type: 'phone:consult', callId, target }));
  };
  completeTransfer = (callId: string, otherId: string) => this.#run(request({ type: 'phone:completeTransfer', callId, otherId }));
  cancelConsult = (callId: string) => this.#run(request({ type: 'phone:cancelConsult', callId }));
  merge = (callId: string, otherId: string) => this.#run(request({ type: 'phone:merge', callId, otherId }));
  split = (callId: string) => this.#run(request({ type: 'phone:split', callId }));
  dismiss = (callId: string) => this.#run(request({ type: 'phone:dismiss', callId }));
  /** Colleagues' lines to watch (the transfer list's extensions); none stops watching. */
  watchColleagues = (extensions: string[]) => request({ type: 'phone:watchColleagues', extensions });
  /** Do not disturb on for a duration, or off; the phone's next state shows it. */
  setDnd = (choice: DndChoice | 'off') => this.#run(request({ type: 'bg:setDnd', choice }));
  openOptions = () => request({ type: 'bg:openOptions' });
  openMicPage = () => request({ type: 'bg:openMicPage' });
}

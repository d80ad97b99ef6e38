/**
 * Is the line to the PBX alive? A TCP connection whose path went silent (a NAT that forgot it, a
 * laptop that slept, Wi-Fi gone bad) stays "open" for minutes or hours; only an answer proves it
 * carries data. After `idleMs` without hearing anything from the server we send a keep-alive that
 * asks for one (RFC 5626 §4.4.1: a double CRLF, answered by a single CRLF; Kamailio does, checked
 * on the lab's), and a line that stays silent `answerMs` more is dead. Anything heard counts as an
 * answer (a SIP message, the CRLF), so a busy line is never pinged.
 *
 * Worst case from the last thing heard to "dead": idleMs + answerMs (see DEFAULT_LINE_TIMING).
 *
 * The same timer notices a sleep: the wall clock runs on while the computer sleeps but the
 * monotonic one (performance.now) does not, and a timer that fires far later than asked (on
 * systems whose monotonic clock counts sleep) tells the same story. Either way the old
 * connection is not to be trusted and the phone should register again at once.
 */

export interface LineTiming {
  /** Quiet this long: send a keep-alive. */
  idleMs: number;
  /** No answer this long after a keep-alive: the line is dead. */
  answerMs: number;
}

/**
 * 20 s + 10 s: a dead line is found within 30 s, so the phone shows it cannot receive calls
 * before most callers give up ringing (a PBX's no-answer timeout is 20–30 s), and is registered
 * again as soon as the path comes back instead of at the next refresh (minutes). RFC 5626's
 * 95–120 s suits a NAT's needs only; detection is what we want, and ~170 pings an hour cost
 * next to nothing: a 10-byte frame each and a 4-byte answer, 2.3 KB an hour, 0.15× the
 * registration refreshes (~20 KB with TCP/IP headers, about as much as they; `npm run bench`,
 * docs/benchmarks.md). 10 s for an answer is 10× a slow mobile round trip.
 */
export const DEFAULT_LINE_TIMING: LineTiming = { idleMs: 20_000, answerMs: 10_000 };

/** Wall time ahead of monotonic time by this much: the computer slept. */
const SLEEP_GAP_MS = 5_000;
/**
 * A timer this late slept too: well beyond Chrome's intensive throttling of hidden pages, which
 * batches timers to once a minute.
 */
const LATE_TIMER_MS = 75_000;

export interface LineWatchHooks {
  /** Send the keep-alive. */
  ping(): void;
  /** The line carries nothing: close it and connect again. */
  dead(reason: string): void;
  /** The computer slept: register again now. */
  woke(): void;
  wall: () => number;
  monotonic: () => number;
}

export class LineWatch {
  private lastHeard = 0;
  /** When the keep-alive awaiting an answer was sent; 0 for none. */
  private pingedAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private expectAt = { wall: 0, monotonic: 0 };

  constructor(
    private readonly timing: LineTiming,
    private readonly hooks: LineWatchHooks,
  ) {}

  start(): void {
    this.heard();
    this.arm(this.timing.idleMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pingedAt = 0;
  }

  /** Something arrived from the server. Cheap: called for every message. */
  heard(): void {
    this.lastHeard = this.hooks.monotonic();
    this.pingedAt = 0;
  }

  /** Ask for an answer now (the network changed, a refresh failed): a dead line shows within answerMs. */
  probe(): void {
    if (!this.timer || this.pingedAt) return;
    this.ping();
  }

  private ping(): void {
    this.pingedAt = this.hooks.monotonic();
    this.hooks.ping();
    this.arm(this.timing.answerMs);
  }

  private arm(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.expectAt = { wall: this.hooks.wall() + ms, monotonic: this.hooks.monotonic() + ms };
    this.timer = setTimeout(() => this.tick(), ms);
  }

  private tick(): void {
    this.timer = null;
    const wallLate = this.hooks.wall() - this.expectAt.wall;
    const monotonicLate = this.hooks.monotonic() - this.expectAt.monotonic;
    if (wallLate - monotonicLate > SLEEP_GAP_MS || wallLate > LATE_TIMER_MS) {
      this.pingedAt = 0;
      this.hooks.woke();
      return;
    }
    const now = this.hooks.monotonic();
    if (this.pingedAt) {
      // heard() clears pingedAt: still set means nothing came since the keep-alive.
      if (now - this.pingedAt >= this.timing.answerMs) {
        this.pingedAt = 0;
        this.hooks.dead(`no answer to a keep-alive in ${this.timing.answerMs / 1000} s`);
        return;
      }
      this.arm(this.pingedAt + this.timing.answerMs - now);
      return;
    }
    const quiet = now - this.lastHeard;
    if (quiet >= this.timing.idleMs) this.ping();
    else this.arm(this.timing.idleMs - quiet);
  }
}

import type { Activity } from '../../../lib/providers/types';
import { t } from '../../../lib/i18n';
import { formatDuration } from '../../../lib/dates';
import type { ListsState } from './lists.svelte';
import type { NavigationState } from './navigation.svelte';
import type { PhoneState } from './phone.svelte';
import { partyOfActivity, type OnTheLine, type Party } from './on-the-line.svelte';

/**
 * Calls placed from the widget, and what follows a call made from an activity: with auto-call on,
 * the next due activity is offered; else the activity opens again, its done form told how the
 * call went.
 */
export class FollowUpState {
  #autoCall = $state(false);
  #offer = $state.raw<Activity | null>(null);
  #lastCall = $state.raw<{ activity: Activity; seconds: number } | null>(null);
  /** The activity the current call was started from. */
  #callActivity: Activity | null = null;
  #wasInCall = false;
  readonly #phone: PhoneState;
  readonly #lists: ListsState;
  readonly #nav: NavigationState;
  readonly #line: OnTheLine;

  constructor(phone: PhoneState, lists: ListsState, nav: NavigationState, line: OnTheLine) {
    this.#phone = phone;
    this.#lists = lists;
    this.#nav = nav;
    this.#line = line;
  }

  get autoCall(): boolean {
    return this.#autoCall;
  }

  /** The next activity offered after a call, until the user calls, skips or stops. */
  get offer(): Activity | null {
    return this.#offer;
  }

  /** What the done form of the activity just called starts with ("Called, 2:05", "No answer"). */
  get doneFeedback(): string {
    const last = this.#lastCall;
    const sel = this.#nav.selection;
    if (!last || sel?.kind !== 'activity' || last.activity.id !== sel.activity.id) return '';
    return last.seconds > 0 ? t('done.called', formatDuration(last.seconds)) : t('done.noAnswer');
  }

  setAutoCall(on: boolean): void {
    this.#autoCall = on;
  }

  /**
   * Dials `number`; `activity` is the one the call is for, if any, `party` who it is with (the
   * activity's contact when not given). False when the phone refused.
   */
  async call(number: string, activity: Activity | null = null, party: Party | null = null): Promise<boolean> {
    this.#offer = null;
    const callId = await this.#phone.dial(number);
    if (callId === null) return false;
    this.#callActivity = activity;
    const who = party ?? (activity ? partyOfActivity(activity) : null);
    if (callId && who) void this.#line.remember(callId, who);
    return true;
  }

  skip(): void {
    this.#offer = this.next(this.#offer?.id ?? null);
  }

  stop(): void {
    this.#offer = null;
    this.#autoCall = false;
  }

  /** Escape on the offer: it goes, auto-call stays on. False when there was none. */
  dismiss(): boolean {
    if (!this.#offer) return false;
    this.#offer = null;
    return true;
  }

  /** The next due activity after `activityId` that has a number to call, or the first one. */
  next(activityId: string | null): Activity | null {
    const list = this.#lists.activities.filter((a) => a.state === 'open' && a.phone);
    const i = list.findIndex((a) => a.id === activityId);
    return list[i + 1] ?? (i === -1 ? list[0] ?? null : null);
  }

  /** Run in an effect: reacts when the call in progress ends. */
  observe(): void {
    const live = Boolean(this.#phone.liveCall);
    const activity = this.#callActivity;
    if (this.#wasInCall && !live && activity) {
      const ended = this.#phone.endedCall;
      const seconds = ended?.answeredAt && ended.endedAt ? Math.round((ended.endedAt - ended.answeredAt) / 1000) : 0;
      this.#lastCall = { activity, seconds };
      if (this.#autoCall) this.#offer = this.next(activity.id);
      else void this.#nav.openActivity(activity);
      this.#callActivity = null;
      void this.#lists.refresh();
    }
    this.#wasInCall = live;
  }
}

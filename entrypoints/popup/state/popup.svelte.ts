import type { DataProvider } from '../../../lib/providers/types';
import { openTab } from '../../../lib/extension-pages';
import { ActivityActions } from './activity-actions.svelte';
import { CallPopState } from './call-pop.svelte';
import { CallSettingsState } from './call-settings.svelte';
import { ColleagueSearch } from './colleagues';
import { DataSource } from './data-source.svelte';
import { EmailActions } from './email-actions.svelte';
import { FollowUpState } from './follow-up.svelte';
import { ListsState } from './lists.svelte';
import { onHistoryChanged } from '../../../lib/messaging/client';
import { MissedLive } from './missed-live.svelte';
import { NavigationState } from './navigation.svelte';
import { OnTheLine } from './on-the-line.svelte';
import { CallNotes } from './call-notes.svelte';
import { Notice } from './notice.svelte';
import { OutboxState } from './outbox.svelte';
import { PhoneState } from './phone.svelte';
import { SiteSwitchState } from './site-switch.svelte';
import { UndoableWrites } from './undo.svelte';
import { WrapUpState } from './wrap-up.svelte';
import { downloadText, RecentExport } from './recent-export.svelte';

/** The popup's state classes, wired together once; screens get them from the context. */
export function createPopup(provider: DataProvider | Promise<DataProvider>) {
  const source = new DataSource(provider);
  const notice = new Notice();
  const phone = new PhoneState();
  const lists = new ListsState(source);
  const nav = new NavigationState(source);
  const outbox = new OutboxState(source);
  const line = new OnTheLine(source);
  const notes = new CallNotes();
  const missed = new MissedLive(source);
  const undo = new UndoableWrites(source, (w, end) => void activities.ended(w, end));
  const activities = new ActivityActions({ source, nav, lists, notice, undo });
  // The popup closes within an undo window: the held write goes now (and, should it not finish, on the next open).
  const sendHeld = () => void undo.flush();
  const callSettings = new CallSettingsState();
  const callPop = new CallPopState({ phone, source, settings: () => callSettings.value, openTab });
  let stopListening = () => {};
  return {
    phone,
    lists,
    nav,
    notice,
    activities,
    undo,
    email: new EmailActions({ source, nav, lists, notice }),
    outbox,
    line,
    notes,
    missed,
    followUp: new FollowUpState(phone, lists, nav, line),
    colleagues: new ColleagueSearch(source),
    site: new SiteSwitchState(),
    callPop,
    callSettings,
    recentExport: new RecentExport({ source, lists, notice, download: downloadText }),
    wrapUp: new WrapUpState({ phone, source, nav, notice, callPop, line, settings: callSettings, notes }),
    /** Once mounted: the phone's state, Recent's badge, and what waits for the ERP. */
    start(): void {
      void phone.connect();
      void line.load();
      void notes.load();
      void callSettings.load();
      void lists.loadUnseenMissed();
      // Changes kept while Odoo was out of reach go out now, in order.
      void outbox.flush();
      const stopLists = lists.listen();
      // A call missed now shows now: a banner, and Recent's badge counts it.
      const stopMissed = onHistoryChanged(() => {
        void missed.check();
        void lists.loadUnseenMissed();
      });
      stopListening = () => {
        stopLists();
        stopMissed();
      };
      void undo.resume();
      globalThis.addEventListener?.('pagehide', sendHeld);
    },
    stop(): void {
      phone.disconnect();
      stopListening();
      globalThis.removeEventListener?.('pagehide', sendHeld);
    },
  };
}

export type Popup = ReturnType<typeof createPopup>;

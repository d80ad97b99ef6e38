import type { Panel, Selection } from './navigation.svelte';

/**
 * The one screen the widget shows under its header (the toolbar popup), or beside the lists
 * (a wide widget window). `list`: the lists alone, nothing beside them.
 */
export type Screen = 'incoming' | 'call' | 'offer' | Panel;

export interface ScreenInputs {
  incoming: boolean;
  live: boolean;
  offer: boolean;
  panel: Panel;
  selection: Selection | null;
}

/** Which screen wins: a ringing call, then the call on the line, the follow-up offer, then the panel chosen. */
export function screenOf(s: ScreenInputs): Screen {
  if (s.incoming) return 'incoming';
  if (s.live) return 'call';
  if (s.offer) return 'offer';
  if (s.panel === 'dialer' || s.panel === 'scheduledEmails') return s.panel;
  if (!s.selection) return 'list';
  if (s.panel === 'contactInfo' && !s.selection.contact) return 'list';
  if ((s.panel === 'edit' || s.panel === 'done') && s.selection.kind !== 'activity') return 'list';
  return s.panel;
}

/**
 * The key of the row whose details are open (the id its list keys it by): that row is marked
 * as the current one while its details show beside the list.
 */
export function selectedRowKey(selection: Selection | null): string {
  if (!selection) return '';
  if (selection.kind === 'activity') return selection.activity.id;
  if (selection.call) return selection.call.id;
  return selection.kind === 'contact' ? selection.contact.id : selection.number;
}

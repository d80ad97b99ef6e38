import type { Activity, ActivityDraft, ActivityPatch, ActivityType } from '../../../lib/providers/types';
import { t } from '../../../lib/i18n';
import { formatDay } from '../../../lib/dates';
import type { ActionDeps } from './action-deps';
import type { HeldEnd, HeldWrite } from './undo.svelte';

/**
 * The edit form hands back every field; a note sent back unchanged would lose in the ERP what
 * plain text cannot hold (Odoo's lists, links), so it goes only when the user changed it. The
 * summary (plain text either way) always goes: it names the change if it has to wait.
 */
function changedFields(before: Activity, edited: ActivityPatch): ActivityPatch {
  const patch: ActivityPatch = {};
  if (edited.dueDate !== undefined && edited.dueDate !== before.dueDate) patch.dueDate = edited.dueDate;
  if (edited.summary !== undefined) patch.summary = edited.summary;
  if (edited.note !== undefined && edited.note.trim() !== before.note.trim()) patch.note = edited.note;
  return patch;
}

/**
 * What the user does to activities: mark done, edit, cancel, schedule. Each resolves to null, or
 * to the reason it failed (shown in its form).
 */
export class ActivityActions {
  // Replaced whole, never changed in place.
  #types = $state.raw<ActivityType[]>([]);
  readonly #d: ActionDeps;

  constructor(deps: ActionDeps) {
    this.#d = deps;
  }

  /** Activity types to choose from when scheduling; empty when every activity is a call. */
  get types(): ActivityType[] {
    return this.#types;
  }

  /** Shows the schedule form at once; its types follow when the provider has them. */
  async openSchedule(): Promise<void> {
    this.#types = [];
    this.#d.nav.show('schedule');
    const activities = (await this.#d.source.get()).activities;
    if (!activities.types) return;
    const r = await activities.types();
    this.#types = r.ok ? r.value : [];
  }

  /** Marks the selected activity done: it leaves the list at once, the write waits out the undo window. */
  async markDone(feedback: string): Promise<string | null> {
    const sel = this.#d.nav.selection;
    if (sel?.kind !== 'activity') return t('widget.error.noActivity');
    return this.#hold({ kind: 'done', activityId: sel.activity.id, feedback, label: t('widget.notice.markedDone', sel.activity.summary || t('activity.defaultSummary')) });
  }

  async update(edited: ActivityPatch): Promise<string | null> {
    const sel = this.#d.nav.selection;
    if (sel?.kind !== 'activity') return t('widget.error.noActivity');
    const patch = changedFields(sel.activity, edited);
    const r = await (await this.#d.source.get()).activities.update(sel.activity.id, patch);
    if (!r.ok) return r.reason;
    // Kept for later (Odoo out of reach): the widget shows the change it knows of.
    this.#d.nav.updateActivity(r.notice ? { ...sel.activity, ...patch } : r.value);
    this.#d.nav.show('details');
    this.#d.notice.say(r.notice ?? t('widget.notice.activitySaved'));
    await this.#d.lists.refresh();
    return null;
  }

  /** Cancels the selected activity, as Mark done does: gone at once, written after the undo window. */
  async cancel(): Promise<string | null> {
    const sel = this.#d.nav.selection;
    if (sel?.kind !== 'activity') return t('widget.error.noActivity');
    return this.#hold({ kind: 'cancel', activityId: sel.activity.id, feedback: '', label: t('widget.notice.activityCancelled') });
  }

  async #hold(w: HeldWrite): Promise<null> {
    this.#d.lists.hide(w.activityId);
    this.#d.nav.close();
    await this.#d.undo?.hold(w);
    return null;
  }

  /** A held write ended: the row comes back (undone, refused) or the list follows the ERP (sent). */
  async ended(w: HeldWrite, end: HeldEnd): Promise<void> {
    if (end.kind === 'failed') this.#d.notice.say(t('undo.failed', end.reason));
    else if (end.kind === 'sent' && end.notice) this.#d.notice.say(end.notice);
    await this.#d.lists.refresh();
    this.#d.lists.unhide(w.activityId);
  }

  async schedule(draft: Omit<ActivityDraft, 'contactId'>): Promise<string | null> {
    const sel = this.#d.nav.selection;
    const contact = this.#d.nav.selectedContact;
    // Following an activity: the new one goes on the same document (the lead), as in Odoo.
    const record = sel?.kind === 'activity' ? sel.activity.record : undefined;
    if (!contact && !record) return t('widget.error.noContact');
    const r = await (await this.#d.source.get()).activities.schedule({
      ...draft, contactId: contact?.id ?? (sel?.kind === 'activity' ? sel.activity.contactId : ''), ...(record ? { record } : {}),
    });
    if (!r.ok) return r.reason;
    this.#d.notice.say(t('widget.notice.callScheduled', formatDay(r.value.dueDate)));
    this.#d.nav.show('details');
    await this.#d.lists.refresh();
    return null;
  }
}

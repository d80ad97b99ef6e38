import type { DataSource } from './data-source.svelte';
import type { ListsState } from './lists.svelte';
import type { NavigationState } from './navigation.svelte';
import type { Notice } from './notice.svelte';
import type { UndoableWrites } from './undo.svelte';

/** What the action classes act through: the data, where the user is, the lists, and the confirmation line. */
export interface ActionDeps {
  source: DataSource;
  nav: NavigationState;
  lists: ListsState;
  notice: Notice;
  /** Mark done and Cancel wait out an undo window here (activity actions only). */
  undo?: UndoableWrites;
}

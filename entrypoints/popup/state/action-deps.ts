import type { DataSource } from './data-source.svelte';
import type { ListsState } from './lists.svelte';
import type { NavigationState } from './navigation.svelte';
import type { Notice } from './notice.svelte';

/** What the action classes act through: the data, where the user is, the lists, and the confirmation line. */
export interface ActionDeps {
  source: DataSource;
  nav: NavigationState;
  lists: ListsState;
  notice: Notice;
}

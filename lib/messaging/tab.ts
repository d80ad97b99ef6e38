/** `tab:*` — what an extension page (the popup) asks the click-to-call script of a tab. */
import { bare, parserFor, type MessageOf } from './define';

export interface PageSite {
  /** The tab's site as click-to-call keys its switches; null where it has none. */
  site: string | null;
  /** Call buttons are on in this page. */
  active: boolean;
}

export const tabChannel = {
  'tab:site': bare<PageSite>(),
};

export type TabChannel = typeof tabChannel;
export type TabMessage = MessageOf<TabChannel>;
export const parseTabMessage = parserFor(tabChannel);

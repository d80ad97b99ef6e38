import type { PageSite } from '../../../lib/messaging/tab';
import { activeSite, loadClickToCall, setSiteEnabled } from '../../../lib/click-to-call/site-switch';

/** "Disable on this site" for the page in the active tab. */
export class SiteSwitchState {
  #page = $state.raw<PageSite | null>(null);
  #globallyOn = $state(true);

  /** The site to offer the switch for; null where there is no web page or click-to-call is off everywhere. */
  get site(): string | null {
    return this.#globallyOn ? this.#page?.site || null : null;
  }

  /** Click-to-call is on for that site. */
  get active(): boolean {
    return this.#page?.active ?? false;
  }

  /** Asks the active tab's content script which site it is on (none answers on browser pages). */
  async load(): Promise<void> {
    this.#page = await activeSite();
    this.#globallyOn = (await loadClickToCall()).enabled;
  }

  async toggle(): Promise<void> {
    const page = this.#page;
    if (!page?.site) return;
    const on = !page.active;
    await setSiteEnabled(page.site, on);
    this.#page = { ...page, active: on };
  }
}

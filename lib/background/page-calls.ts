/**
 * Calls that a web page starts (a call button, a tel:/callto: link) or the user picks there (a
 * selection in the context menu). A page can write any number and dress any element as a button,
 * so a call from a site the user has not trusted goes through a confirmation the page cannot
 * reach (./confirm-call.ts), as do premium-rate, shared-cost and UAN numbers, PBX feature codes
 * and clicks on something the user could not see, whatever the site; one call at a time per number.
 */
import browser from 'webextension-polyfill';
import { siteOf } from '../click-to-call/settings';
import { loadClickToCall } from '../click-to-call/site-switch';
import { phoneError } from '../errors';
import { callRisk, normaliseNumber, type DialTarget } from '../phone-number';
import type { HostLink } from '../phone-host/link';
import { loadOdoo } from '../providers/odoo/store';
import { done, fail, type Result } from '../result';
import { loadAccount } from '../settings/store';
import { CallState } from '../sip/states';
import type { PhoneSnapshot } from '../sip/types';
import { askToConfirm } from './confirm-call';
import { showErrorNotice } from './error-notice';

/** Where a page call came from. */
export interface PageCall {
  /** The site of the frame that asked (its host name); null where there is none. */
  site: string | null;
  /** A selection is picked by the user in the browser's own menu; buttons and links are the page's. */
  via: 'button' | 'link' | 'selection';
  /**
   * Whether the user saw what they clicked where they clicked (the content script's check); a
   * click on something hidden, covered, moved or stretched is always confirmed, whatever the site.
   */
  seen: boolean;
}

/** Numbers a page call is being placed to right now (a double-click sends two requests at once). */
const dialling = new Set<string>();

/** A call to this number is on (ringing, answered). */
async function callingNow(link: HostLink, number: string): Promise<boolean> {
  const state = await link.send({ type: 'phone:getState' });
  const calls = state.ok ? ((state.value as PhoneSnapshot | undefined)?.calls ?? []) : [];
  return calls.some((c) => c.state !== CallState.Ended && c.remoteNumber === number);
}

/** Places a page's call, one at a time per number: a second click while it is on adds none. */
export async function placeOnce(link: HostLink, target: DialTarget): Promise<Result> {
  // Claimed before any await: the two requests of a double-click arrive together.
  if (dialling.has(target.number)) return done;
  dialling.add(target.number);
  try {
    if (await callingNow(link, target.number)) return done;
    const result = (await link.send({ type: 'phone:dial', number: target })) as Result;
    // Show the in-call screen where the browser allows opening the popup without a click on it.
    if (result.ok) await (browser.action?.openPopup?.() ?? Promise.resolve()).catch(() => undefined);
    return result;
  } finally {
    dialling.delete(target.number);
  }
}

/** Sites whose calls go without asking: the ones the user trusted, and the connected Odoo. */
async function isTrusted(site: string | null): Promise<boolean> {
  if (site === null) return false;
  if ((await loadClickToCall()).trustedSites.includes(site)) return true;
  const odoo = await loadOdoo().catch(() => null);
  return odoo !== null && siteOf(odoo.settings.url) === site;
}

/**
 * Dials what a page offered: at once on a trusted site (or a selection the user picked) for a
 * click the user saw, after a confirmation otherwise. A number that is not one gets the
 * Incorrect Number notice.
 */
export async function dialFromPage(link: HostLink, written: string, from: PageCall): Promise<Result> {
  const { defaultCountry } = await loadAccount();
  const parsed = normaliseNumber(written, defaultCountry);
  if (!parsed.ok) {
    const error = phoneError('incorrectNumber', written);
    await showErrorNotice(error);
    return fail(error);
  }
  const risk = callRisk(parsed.target);
  const direct = !risk && from.seen && (from.via === 'selection' || (await isTrusted(from.site)));
  const result = direct ? await placeOnce(link, parsed.target) : await askToConfirm({ target: parsed.target, site: from.site, risk, unseen: !from.seen });
  if (!result.ok) await showErrorNotice(result.error);
  return result;
}

/**
 * Click-to-call preferences, under their own `storage.local` key: content scripts read this key
 * and nothing else (the account and the secret are not theirs to see).
 */
export const CLICK_TO_CALL_KEY = 'clickToCall';
/** How many sites each list keeps (the oldest go first). */
export const MAX_DISABLED_SITES = 500;

export interface ClickToCallSettings {
  enabled: boolean;
  /** Host names where the user turned click-to-call off ("crm.example.com"). */
  disabledSites: string[];
  /** Host names whose calls go without asking ("Always call without asking on …"). */
  trustedSites: string[];
}

export const DEFAULT_CLICK_TO_CALL: ClickToCallSettings = { enabled: true, disabledSites: [], trustedSites: [] };

const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$|^\[[0-9a-f:.]+\]$/;

/**
 * The site key of a page URL: its host name, lower-case; null for non-web pages. A frame with no
 * address of its own (`about:blank`, `about:srcdoc`: a webmail's message, an ad) belongs to the
 * site that made it, which its document's origin names (`self.origin`; `location.origin` says 'null').
 */
export function siteOf(url: string | undefined, origin?: string): string | null {
  if (!url) return null;
  if (/^about:/i.test(url)) return origin && origin !== 'null' ? siteOf(origin) : null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'file:') return null;
    return u.protocol === 'file:' ? 'file' : u.hostname.toLowerCase();
  } catch {
    return null;
  }
}

export function isSiteName(value: unknown): value is string {
  return typeof value === 'string' && (value === 'file' || HOST.test(value));
}

/** Stored data as it is, old or damaged, made safe: unknown values fall back to the defaults. */
export function readClickToCall(stored: unknown): ClickToCallSettings {
  if (typeof stored !== 'object' || stored === null) return { ...DEFAULT_CLICK_TO_CALL };
  const s = stored as Partial<Record<keyof ClickToCallSettings, unknown>>;
  const sites = (v: unknown) => (Array.isArray(v) ? [...new Set(v.filter(isSiteName))].slice(0, MAX_DISABLED_SITES) : []);
  return {
    enabled: typeof s.enabled === 'boolean' ? s.enabled : true,
    disabledSites: sites(s.disabledSites),
    trustedSites: sites(s.trustedSites),
  };
}

export function isActiveOn(settings: ClickToCallSettings, site: string | null): boolean {
  return settings.enabled && site !== null && !settings.disabledSites.includes(site);
}

/** The settings with `site` trusted (calls without asking) or not. */
export function withTrust(settings: ClickToCallSettings, site: string, trusted: boolean): ClickToCallSettings {
  const others = settings.trustedSites.filter((s) => s !== site);
  return { ...settings, trustedSites: trusted ? [...others, site].slice(-MAX_DISABLED_SITES) : others };
}

/** The settings with `site` turned on or off. */
export function withSite(settings: ClickToCallSettings, site: string, on: boolean): ClickToCallSettings {
  const others = settings.disabledSites.filter((s) => s !== site);
  return { ...settings, disabledSites: on ? others : [...others, site].slice(-MAX_DISABLED_SITES) };
}

/**
 * Whether a frame's script is on: where it is on for the tab's top page (the site in the address
 * bar, the one the user turns off) and for the frame's own site. A top page this frame cannot
 * know (`undefined`) might be any site: then only while no site is turned off.
 */
export function isActiveInFrame(settings: ClickToCallSettings, site: string | null, topSite: string | null | undefined): boolean {
  if (!isActiveOn(settings, site)) return false;
  return topSite === undefined ? settings.disabledSites.length === 0 : isActiveOn(settings, topSite);
}

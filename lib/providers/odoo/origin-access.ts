/**
 * Host access to an Odoo origin is asked for when connecting (an optional permission) and given
 * back when the user connects elsewhere or disconnects: the extension keeps no reach into a site it
 * no longer uses. An origin the manifest itself grants (the lab build's) cannot be removed and is
 * left alone.
 */
import browser from 'webextension-polyfill';

export interface OriginAccessApi {
  permissions: { remove(p: { origins: string[] }): Promise<boolean> };
  runtime: { getManifest(): { host_permissions?: string[]; permissions?: string[] } };
}

/**
 * The host permission asked for, checked and given back for an Odoo origin. Firefox (ESR 153
 * measured) takes a pattern with a port (`http://host:8069/*`) but never counts it as covering
 * that origin (`permissions.contains` answers false even with `http://host/*` granted) and never
 * injects a content script on it, while a pattern without a port covers the host on every port:
 * there the permission goes by host. Chrome honours the exact origin.
 */
export function originPattern(origin: string, firefox: boolean = import.meta.env.FIREFOX): string {
  if (!firefox) return `${origin}/*`;
  // `hostname` keeps an IPv6 host's brackets.
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/** Does a match pattern ("http://127.0.0.1/*", "*://*.example.com/*", "<all_urls>") cover this origin? */
export function patternCovers(pattern: string, origin: string): boolean {
  if (pattern === '<all_urls>') return true;
  const m = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/:*]+)(?::(\d+|\*))?\//.exec(pattern);
  if (!m) return false;
  const url = new URL(origin);
  const [, scheme, host, port] = m as unknown as [string, string, string, string | undefined];
  const schemeOk = scheme === '*' ? url.protocol === 'http:' || url.protocol === 'https:' : url.protocol === `${scheme}:`;
  const hostOk = host === '*' || url.hostname === host || (host.startsWith('*.') && (url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1))));
  const portOk = port === undefined || port === '*' || url.port === port;
  return schemeOk && hostOk && portOk;
}

/** Gives the browser back the access to `origin`, unless the manifest grants it. Never throws. */
export async function releaseOrigin(origin: string, api: OriginAccessApi = browser as unknown as OriginAccessApi): Promise<void> {
  try {
    const manifest = api.runtime.getManifest();
    const granted = [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])];
    if (granted.some((p) => patternCovers(p, origin))) return;
    // Removing an origin the browser counts as required fails: it stays, and that is fine.
    await api.permissions.remove({ origins: [originPattern(origin)] });
  } catch {
    // Nothing to give back, or not ours to give.
  }
}

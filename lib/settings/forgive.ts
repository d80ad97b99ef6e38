/**
 * Forgiving account fields. A server name typed where a WebSocket URL belongs gets a suggestion
 * the user accepts with one click (never rewritten behind their back: the path is a guess). A web
 * address typed as the SIP domain is cut to the server's name, and the form says what it removed.
 */

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(:\d+)?$/i;

/**
 * A WebSocket URL for what was typed, or null when it already is one (or is nothing like a
 * server address). `pbx.example.com` → `wss://pbx.example.com/ws`; `https://pbx.example.com:8089/ws`
 * → `wss://pbx.example.com:8089/ws`.
 */
export function suggestWsUrl(typed: string): string | null {
  const value = typed.trim();
  if (value === '' || /^wss?:\/\//i.test(value)) return null;
  const web = /^(https?):\/\/(.*)$/i.exec(value);
  const rest = web ? (web[2] ?? '') : value;
  if (!web && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return null;
  const [hostPort = '', ...path] = rest.split('/');
  if (!/^[a-z0-9.-]+(:\d{1,5})?$/i.test(hostPort) && !/^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(hostPort)) return null;
  if (!hostPort.includes('.') && !LOOPBACK.test(hostPort)) return null;
  // Plain ws:// is for a server on this machine only (the settings refuse it elsewhere).
  const scheme = web?.[1]?.toLowerCase() === 'http' && LOOPBACK.test(hostPort) ? 'ws' : 'wss';
  const tail = path.join('/');
  return `${scheme}://${hostPort.toLowerCase()}/${tail === '' ? 'ws' : tail}`;
}

export interface CleanDomain {
  domain: string;
  /** What was taken off (none when nothing was), for the note under the field. */
  removed: string[];
}

/** The SIP domain without a scheme (`https://`, `sip:`), a user part, a path or a trailing dot. */
export function cleanDomain(typed: string): CleanDomain {
  const value = typed.trim();
  const m = /^(?:([a-z][a-z0-9+.-]*:(?:\/\/)?))?(?:([^@/]*)@)?([^/?#]*)(.*)$/i.exec(value);
  // "pbx.example.com:5060" has no scheme: a colon followed by digits only is a port.
  if (!m || /^[^/@]+:\d{1,5}$/.test(value)) return { domain: value, removed: [] };
  const [, scheme = '', user = '', host = '', tail = ''] = m;
  const domain = host.replace(/\.$/, '');
  const removed = [scheme, user && `${user}@`, tail, domain !== host ? '.' : ''].filter(Boolean);
  return { domain, removed };
}

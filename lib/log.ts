/**
 * The one logger. Quiet unless debug is switched on; every argument passes through `redact`
 * so a SIP secret or an Authorization header can never reach the console.
 */
let debugEnabled = false;

export function setDebug(on: boolean): void {
  debugEnabled = on;
}

const SECRET_KEYS = /^(password|secret|authorizationPassword|voipSecret)$/i;
const SIP_AUTH_HEADER = /^((?:Proxy-)?Authorization:\s*Digest\s).*$/gim;

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(SIP_AUTH_HEADER, '$1[redacted]');
  if (value === null || typeof value !== 'object' || depth > 4) return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEYS.test(k) ? '[redacted]' : redact(v, depth + 1);
  }
  return out;
}

export interface Logger {
  debug(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

export function createLogger(scope: string): Logger {
  const tag = `[softphone:${scope}]`;
  return {
    debug: (...args) => {
      if (debugEnabled) console.debug(tag, ...args.map((a) => redact(a)));
    },
    warn: (...args) => console.warn(tag, ...args.map((a) => redact(a))),
    error: (...args) => console.error(tag, ...args.map((a) => redact(a))),
  };
}

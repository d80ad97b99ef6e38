/**
 * "Test connection" in the settings: opens a SIP WebSocket (subprotocol `sip`, RFC 7118) to the
 * address typed, before anything is saved, and says whether the server answered.
 */
export type Probe = { ok: true } | { ok: false; reason: 'invalid' | 'noAnswer' };

/** How long the server has to accept the WebSocket. */
export const PROBE_TIMEOUT_MS = 8000;

export function probeWebSocket(url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<Probe> {
  let socket: WebSocket;
  try {
    if (!/^wss?:$/.test(new URL(url).protocol)) return Promise.resolve({ ok: false, reason: 'invalid' });
    socket = new WebSocket(url, 'sip');
  } catch {
    return Promise.resolve({ ok: false, reason: 'invalid' });
  }
  return new Promise((resolve) => {
    const end = (result: Probe) => {
      clearTimeout(timer);
      socket.onopen = socket.onerror = socket.onclose = null;
      socket.close();
      resolve(result);
    };
    const timer = setTimeout(() => end({ ok: false, reason: 'noAnswer' }), timeoutMs);
    socket.onopen = () => end({ ok: true });
    socket.onerror = socket.onclose = () => end({ ok: false, reason: 'noAnswer' });
  });
}

/**
 * The keep-alive needs to know when *anything* arrives, the CRLF answer included, which SIP.js's
 * WebSocket transport swallows before the user agent sees it (it only clears a timer of its
 * own and acts on no missing answer). This transport is SIP.js's, plus `onHeard` for every
 * frame its WebSocket receives. The in-memory transport of the tests has the same hook.
 */
import { Web, type Transport } from 'sip.js';

export interface HeardTransport extends Transport {
  /** Called for every frame from the server, before SIP.js reads it. */
  onHeard?: () => void;
}

/** A double CRLF: RFC 5626's keep-alive over a stream; the server answers a single CRLF. */
export const KEEP_ALIVE = '\r\n\r\n';

export class HeardWebSocketTransport extends Web.Transport implements HeardTransport {
  onHeard?: () => void;
  private readonly watched = new WeakSet<WebSocket>();

  override async connect(): Promise<void> {
    await super.connect();
    // Each (re)connect opens a new WebSocket; `connect()` on an open one returns at once.
    const ws = this.ws;
    if (!ws || this.watched.has(ws)) return;
    this.watched.add(ws);
    ws.addEventListener('message', () => this.onHeard?.());
  }
}

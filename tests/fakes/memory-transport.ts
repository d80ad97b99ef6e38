import { EmitterImpl, TransportState, type Transport } from 'sip.js';

/** A server end the memory transport can attach to (see FakePbx). */
export interface MemoryServer {
  acceptsConnections: boolean;
  attach(link: MemoryTransport): void;
  detach(link: MemoryTransport): void;
  receive(message: string, from: MemoryTransport): void;
}

const servers = new Map<string, MemoryServer>();

export function listen(url: string, server: MemoryServer): () => void {
  servers.set(url, server);
  return () => servers.delete(url);
}

/**
 * An in-memory SIP transport with the same contract as SIP.js's WebSocket transport: the
 * engine under test sends real SIP text and the fake PBX answers with real SIP text.
 */
export class MemoryTransport implements Transport {
  readonly protocol = 'WS';
  state: TransportState = TransportState.Disconnected;
  readonly stateChange = new EmitterImpl<TransportState>();
  onConnect: (() => void) | undefined;
  onDisconnect: ((error?: Error) => void) | undefined;
  onMessage: ((message: string) => void) | undefined;
  /** Anything arrived, a keep-alive's CRLF answer included (as lib/sip/heard-transport.ts). */
  onHeard: (() => void) | undefined;
  private readonly url: string;

  constructor(_logger: unknown, options: { server: string }) {
    this.url = options.server;
  }

  private setState(state: TransportState, error?: Error): void {
    if (this.state === state) return;
    this.state = state;
    this.stateChange.emit(state);
    if (state === TransportState.Connected) this.onConnect?.();
    if (state === TransportState.Disconnected) this.onDisconnect?.(error);
  }

  async connect(): Promise<void> {
    const server = servers.get(this.url);
    this.setState(TransportState.Connecting);
    await Promise.resolve();
    if (!server || !server.acceptsConnections) {
      const error = new Error(`WebSocket closed ${this.url} (code: 1006)`);
      this.setState(TransportState.Disconnected, error);
      throw error;
    }
    server.attach(this);
    this.setState(TransportState.Connected);
  }

  async disconnect(): Promise<void> {
    servers.get(this.url)?.detach(this);
    this.setState(TransportState.Disconnected);
  }

  async dispose(): Promise<void> {
    await this.disconnect();
  }

  isConnected(): boolean {
    return this.state === TransportState.Connected;
  }

  async send(message: string): Promise<void> {
    if (!this.isConnected()) throw new Error('not connected');
    const server = servers.get(this.url);
    queueMicrotask(() => server?.receive(message, this));
  }

  /** Server → client. A bare CRLF (a keep-alive's answer) is heard but, as SIP.js does, not parsed. */
  deliver(message: string): void {
    if (!this.isConnected()) return;
    this.onHeard?.();
    if (!/^(\r\n)+$/.test(message)) this.onMessage?.(message);
  }

  /** The network dropped the connection (abnormal close). */
  drop(): void {
    servers.get(this.url)?.detach(this);
    this.setState(TransportState.Disconnected, new Error('WebSocket closed (code: 1006)'));
  }
}

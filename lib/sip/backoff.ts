/**
 * Reconnect delays: 1 s, 2 s, then every 4 s, with ±20 % jitter so a PBX restart is not met by
 * every client at the same instant. The cap is low on purpose: a phone must be registered again
 * within 5 s of its PBX coming back (one WebSocket attempt every 4 s costs next to nothing).
 * There is no give-up limit: a phone must come back.
 */
const RECONNECT_CAP_MS = 4_000;

export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(RECONNECT_CAP_MS, 1000 * 2 ** Math.max(0, attempt - 1));
  const jitter = 1 + (random() * 0.4 - 0.2);
  return Math.round(base * jitter);
}

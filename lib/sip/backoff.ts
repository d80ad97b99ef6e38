/**
 * Reconnect delays: 1 s, 2 s, 4 s … capped at 30 s, with ±20 % jitter so a PBX restart is not
 * met by every client at the same instant. There is no give-up limit: a phone must come back.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
  const jitter = 1 + (random() * 0.4 - 0.2);
  return Math.round(base * jitter);
}

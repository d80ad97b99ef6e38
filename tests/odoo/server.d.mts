// Types of the Odoo test double (server.mjs), for the TypeScript tests that start it.
export interface OdooDouble {
  url: string;
  port: number;
  db: string;
  version: number;
  /** Every ORM call; `ms`: how long the double took to answer it. */
  calls: { model: string; method: string; ms?: number }[];
  table(model: string): Record<string, unknown>[];
  expireSessions(): void;
  down(): void;
  up(): void;
  close(): Promise<void>;
}
export function startOdoo(opts?: {
  version?: 16 | 17 | 18 | 19; enterprise?: boolean; port?: number; db?: string; sessionTtlMs?: number;
  /** Adds rows to the demo data before the server starts (benchmarks: a large database). */
  extend?: (seed: Record<string, Record<string, unknown>[]>) => void;
}): Promise<OdooDouble>;

// Types of the Odoo test double (server.mjs), for the TypeScript tests that start it.
export interface OdooDouble {
  url: string;
  port: number;
  db: string;
  /** The major version played (a SaaS build plays its major). */
  version: number;
  /** What the server says it is: "18.0", "saas~18.2"… */
  serverVersion: string;
  /** Every ORM call; `ms`: how long the double took to answer it; `json2`: came on /json/2/. */
  calls: { model: string; method: string; context: Record<string, unknown>; ms?: number; json2?: boolean }[];
  table(model: string): Record<string, unknown>[];
  expireSessions(): void;
  down(): void;
  up(): void;
  close(): Promise<void>;
}
export function startOdoo(opts?: {
  /** 16 … 19, "16.0" … "19.0", or an Odoo Online build such as "saas~18.2". */
  version?: 16 | 17 | 18 | 19 | string; enterprise?: boolean; port?: number; db?: string; sessionTtlMs?: number;
  /** Adds rows to the demo data before the server starts (benchmarks: a large database). */
  extend?: (seed: Record<string, Record<string, unknown>[]>) => void;
}): Promise<OdooDouble>;

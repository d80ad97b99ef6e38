// Types of the large-database generator (bulk.mjs), for the TypeScript tests that use it.
export function bulkSeed(size: { partners: number; leads?: number; activities: number }): (seed: Record<string, Record<string, unknown>[]>) => void;

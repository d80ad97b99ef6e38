/** The checks every payload goes through before use: shapes, sizes and characters. */
export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown, max = 256): v is string => typeof v === 'string' && v.length <= max;
export const bool = (v: unknown): v is boolean => typeof v === 'boolean';
/** A call id as the engine makes them: no path, markup or SIP syntax. */
export const callId = (v: unknown): v is string => str(v, 128) && /^[\w.@:-]+$/.test(v);
/** A database record id (Odoo): a positive safe integer. */
export const recordId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

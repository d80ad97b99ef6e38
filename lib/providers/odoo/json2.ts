/**
 * Odoo 19's JSON-2 API takes named arguments only (addons/rpc/controllers/json2.py binds the
 * body to the method's signature): the connector's positional calls are named here, from the
 * ORM methods' signatures. A method not listed cannot be sent this way, and says so.
 */
/** Positional parameters after `self`, in order. */
const SIGNATURES: Record<string, readonly string[]> = {
  search_read: ['domain', 'fields', 'offset', 'limit', 'order'],
  search_count: ['domain', 'limit'],
  read: ['fields', 'load'],
  create: ['vals_list'],
  write: ['vals'],
  unlink: [],
  fields_get: ['allfields', 'attributes'],
  action_feedback: ['feedback', 'attachment_ids'],
  message_post: [],
};
/** Methods called on records: their first positional argument is the ids. */
const ON_RECORDS = new Set(['read', 'write', 'unlink', 'action_feedback', 'message_post']);

/** The JSON-2 body of a call_kw-style call, or null for a method it does not know. */
export function json2Body(method: string, args: readonly unknown[], kwargs: Record<string, unknown>): Record<string, unknown> | null {
  const names = SIGNATURES[method];
  if (!names) return null;
  const rest = [...args];
  const body: Record<string, unknown> = {};
  if (ON_RECORDS.has(method)) {
    const ids = rest.shift();
    body.ids = Array.isArray(ids) ? ids : ids === undefined ? [] : [ids];
  }
  if (rest.length > names.length) return null;
  rest.forEach((value, i) => (body[names[i] as string] = value));
  // create takes a list of values (one record is a list of one).
  if (method === 'create' && body.vals_list !== undefined && !Array.isArray(body.vals_list)) body.vals_list = [body.vals_list];
  return { ...body, ...kwargs };
}

// Odoo 19's JSON-2 API as the double serves it (addons/rpc/controllers/json2.py, 19.0):
// POST /json/2/<model>/<method> with `Authorization: bearer <api key>` (and `X-Odoo-Database`
// when the server hosts several), a JSON object of *named* arguments plus `ids` and `context`,
// the method's return value as the whole answer, errors as HTTP statuses with
// serialize_exception's object ({name, message, arguments, context, debug}; odoo/http.py,
// Json2Dispatcher.handle_error). Positional arguments do not exist there: the controller binds
// the body to the method's signature, and anything else is 422 Unprocessable Entity.

/** The named parameters of the ORM methods the double knows, in their positional order. */
const SIGNATURES = {
  search_read: ['domain', 'fields', 'offset', 'limit', 'order'],
  search_count: ['domain', 'limit'],
  read: ['fields', 'load'],
  create: ['vals_list'],
  write: ['vals'],
  unlink: [],
  fields_get: ['allfields', 'attributes'],
  action_feedback: ['feedback', 'attachment_ids'],
  message_post: null, // keyword-only (**kwargs)
};
/** Methods on records (`ids`); the others are @api.model and refuse ids. */
const ON_RECORDS = new Set(['read', 'write', 'unlink', 'action_feedback', 'message_post']);

export class Json2Error extends Error {
  constructor(status, name, message) {
    super(message);
    this.status = status;
    this.odooName = name;
  }
}

/**
 * Turns a JSON-2 body into the (args, kwargs) the double's call_kw takes, refusing what the real
 * controller refuses.
 * @param {string} model @param {string} method @param {Record<string, any>} body
 */
export function json2Call(model, method, body) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new Json2Error(400, 'werkzeug.exceptions.BadRequest', 'could not parse the body, expecting a json object');
  }
  const { ids = [], context = {}, ...named } = body;
  const signature = SIGNATURES[method];
  if (signature === undefined) throw new Json2Error(404, 'werkzeug.exceptions.NotFound', `The method '${method}' does not exist on the model '${model}'`);
  if (!ON_RECORDS.has(method) && ids.length > 0) throw new Json2Error(422, 'werkzeug.exceptions.UnprocessableEntity', `cannot call ${model}.${method} with ids`);
  if (signature !== null) {
    for (const k of Object.keys(named)) {
      if (!signature.includes(k)) throw new Json2Error(422, 'werkzeug.exceptions.UnprocessableEntity', `got an unexpected keyword argument '${k}'`);
    }
  }
  const kwargs = { ...named, context };
  if (method === 'create') return { args: [named.vals_list], kwargs: { context } };
  if (method === 'write') return { args: [ids, named.vals], kwargs: { context } };
  if (method === 'search_count') return { args: [named.domain ?? []], kwargs: { context } };
  return { args: ON_RECORDS.has(method) ? [ids] : [], kwargs };
}

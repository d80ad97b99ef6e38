// Odoo domains (Polish notation, '&' implicit between terms) evaluated over the test double's
// records, for the operators the connector uses. Field paths follow many2one links ("a.b").
// Unknown operators raise a ValueError, as Odoo does.

/** @typedef {Record<string, any>} Rec */

export class DomainError extends Error {}

const OPERATORS = new Set(['=', '!=', '<', '<=', '>', '>=', 'in', 'not in', 'like', 'ilike', 'not like', 'not ilike', '=like', '=ilike', '=?']);

/** The value at a dotted path; many2one fields hold ids, `resolve(model, id)` reads the target. */
function valueAt(rec, path, fields, resolve) {
  const [head, ...rest] = path.split('.');
  const value = rec[head];
  if (rest.length === 0) return value;
  const target = fields?.[head]?.relation;
  if (!target || !value) return false;
  const id = Array.isArray(value) ? value[0] : value;
  const next = resolve(target, id);
  return next ? valueAt(next.rec, rest.join('.'), next.fields, resolve) : false;
}

/**
 * SQL LIKE as Odoo issues it: `like`/`ilike` wrap the value in %…%, and a % or _ the caller put
 * inside the value stays a wildcard (Odoo does not escape them).
 */
function like(value, pattern, insensitive) {
  if (value === false || value === null || value === undefined) return false;
  const source = String(pattern).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
  return new RegExp(source, insensitive ? 'is' : 's').test(String(value));
}

function compare(value, op, arg) {
  const v = Array.isArray(value) ? value[0] : value; // a many2one compares by id
  switch (op) {
    case '=': return (v === false || v === null || v === undefined) ? arg === false || arg === null : v === arg;
    case '!=': return !compare(value, '=', arg);
    case '=?': return arg === false || arg === null || arg === undefined ? true : compare(value, '=', arg);
    case '<': return v !== false && v < arg;
    case '<=': return v !== false && v <= arg;
    case '>': return v !== false && v > arg;
    case '>=': return v !== false && v >= arg;
    case 'in': return Array.isArray(arg) && arg.includes(v);
    case 'not in': return Array.isArray(arg) && !arg.includes(v);
    case 'like': return like(v, arg, false);
    case 'ilike': return like(v, arg, true);
    case 'not like': return !like(v, arg, false);
    case 'not ilike': return !like(v, arg, true);
    case '=like': return v === arg;
    case '=ilike': return typeof v === 'string' && v.toLowerCase() === String(arg).toLowerCase();
    default: throw new DomainError(`Invalid operator ${JSON.stringify(op)}`);
  }
}

/**
 * Returns a predicate for `domain` over records of a model.
 * @param {any[]} domain
 * @param {Record<string, {type: string, relation?: string}>} fields
 * @param {(model: string, id: number) => ({rec: Rec, fields: Record<string, any>} | null)} resolve
 */
export function compileDomain(domain, fields, resolve) {
  if (!Array.isArray(domain)) throw new DomainError('A domain is a list.');
  let i = 0;
  const next = () => {
    if (i >= domain.length) throw new DomainError('Domain ends too early.');
    const item = domain[i++];
    if (item === '&' || item === '|') {
      const a = next();
      const b = next();
      return item === '&' ? (r) => a(r) && b(r) : (r) => a(r) || b(r);
    }
    if (item === '!') {
      const a = next();
      return (r) => !a(r);
    }
    if (!Array.isArray(item) || item.length !== 3) throw new DomainError(`Invalid leaf ${JSON.stringify(item)}`);
    const [path, op, arg] = item;
    if (!OPERATORS.has(op)) throw new DomainError(`Invalid operator ${JSON.stringify(op)}`);
    const head = String(path).split('.')[0];
    if (head !== 'id' && !(head in fields)) throw new DomainError(`Invalid field ${JSON.stringify(path)}`);
    return (r) => compare(valueAt(r, path, fields, resolve), op, arg);
  };
  const terms = [];
  while (i < domain.length) terms.push(next());
  return (r) => terms.every((t) => t(r));
}

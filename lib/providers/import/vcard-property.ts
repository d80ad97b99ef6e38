/** One content line → group, name, parameters and the still-encoded value. */
import type { ContentLine } from './vcard-unfold';

export interface VProperty {
  line: number;
  /** Apple's "item1." prefix ties a TEL or URL to its X-ABLabel; '' when absent. */
  group: string;
  /** Upper case: FN, TEL … */
  name: string;
  /** Lower-case TYPE values, from TYPE=a,b, repeated TYPE= and 2.1's bare ";CELL". */
  types: string[];
  /** Upper case, '' when absent. */
  encoding: string;
  charset: string;
  value: string;
}

const NAME = /^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)$/;
const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', '8BIT', '7BIT', 'B']);

/** Splits at `separator` outside double quotes (4.0 quotes parameter values: TYPE="cell,voice"). */
function splitOutsideQuotes(text: string, separator: string, limit = Infinity): string[] {
  const parts: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < text.length && parts.length < limit - 1; i++) {
    const char = text.charAt(i);
    if (char === '"') inQuotes = !inQuotes;
    else if (char === separator && !inQuotes) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function addParameter(property: VProperty, parameter: string): void {
  const eq = parameter.indexOf('=');
  if (eq < 0) {
    const bare = parameter.trim().toUpperCase();
    if (BARE_ENCODINGS.has(bare)) property.encoding = bare;
    else if (bare !== '') property.types.push(bare.toLowerCase());
    return;
  }
  const key = parameter.slice(0, eq).trim().toUpperCase();
  const value = parameter.slice(eq + 1).replace(/"/g, '').trim();
  if (key === 'TYPE') {
    property.types.push(...value.split(',').map((t) => t.trim().toLowerCase()).filter((t) => t !== ''));
  } else if (key === 'ENCODING') {
    property.encoding = value.toUpperCase();
  } else if (key === 'CHARSET') {
    property.charset = value;
  }
}

/** Null for a line that is not a property at all (no colon, or no valid name before it). */
export function parseProperty(content: ContentLine): VProperty | null {
  const [head, value] = splitOutsideQuotes(content.text, ':', 2);
  if (head === undefined || value === undefined) return null;
  const [namepart = '', ...parameters] = splitOutsideQuotes(head, ';');
  const match = NAME.exec(namepart.trim());
  if (!match) return null;
  const property: VProperty = {
    line: content.line,
    group: (match[1] ?? '').toLowerCase(),
    name: (match[2] ?? '').toUpperCase(),
    types: [],
    encoding: '',
    charset: '',
    value,
  };
  for (const parameter of parameters) addParameter(property, parameter);
  return property;
}

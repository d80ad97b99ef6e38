/** vCard text values: escaping (RFC 6350 §3.4, 2426 §5.8.4) and structured components. */
import { decodeQuotedPrintable } from './quoted-printable';
import type { VProperty } from './vcard-property';

/** The value as text: QUOTED-PRINTABLE decoded, still escaped. */
export function decodedValue(property: VProperty): string {
  if (property.encoding === 'QUOTED-PRINTABLE') return decodeQuotedPrintable(property.value, property.charset);
  return property.value;
}

/** "\," "\;" "\:" "\\" → the character, "\n" / "\N" → a line break. */
export function unescapeText(escaped: string): string {
  return escaped.replace(/\\(.)/gs, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

/** Splits N or ORG at unescaped semicolons, then unescapes each component. */
export function components(escaped: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < escaped.length; i++) {
    const char = escaped.charAt(i);
    if (char === '\\' && i + 1 < escaped.length) {
      current += char + escaped.charAt(i + 1);
      i++;
    } else if (char === ';') {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map(unescapeText);
}

/** The reverse of `unescapeText`, for text and structured-component values. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\n|\r/g, '\\n');
}

/** Line folding for writing vCards (RFC 2426 §2.6 / RFC 6350 §3.2). */

const MAX_OCTETS = 75;

/** UTF-8 length of one code point, by arithmetic: a TextEncoder call per character is slow. */
function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  return code < 0x10000 ? 3 : 4;
}

/**
 * Splits a content line so no physical line exceeds 75 octets of UTF-8, continuation lines
 * starting with one space. It splits between code points, never inside a character's UTF-8
 * bytes or a surrogate pair, so every line is valid UTF-8 on its own.
 */
export function foldLine(line: string): string[] {
  // Most lines are short ASCII; at most 75 UTF-16 units of ASCII is at most 75 octets.
  if (line.length <= MAX_OCTETS && /^[\x20-\x7e]*$/.test(line)) return [line];
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    // Continuation lines carry the leading space, so they hold one octet less of content.
    const limit = out.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.map((part, i) => (i === 0 ? part : ` ${part}`));
}

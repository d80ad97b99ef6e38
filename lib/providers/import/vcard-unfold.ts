/** Physical lines → vCard content lines, keeping the number of the line each one starts on. */
import { physicalLines } from './text';

export interface ContentLine {
  line: number;
  text: string;
}

/** Before the value's colon; 2.1 writes the encoding bare (";QUOTED-PRINTABLE:") or as ENCODING=. */
const QP_HEAD = /^[^:]*quoted-printable[^:]*:/i;

function endsWithSoftBreak(line: ContentLine): boolean {
  return line.text.endsWith('=') && QP_HEAD.test(line.text);
}

/**
 * Joins folded lines (RFC 6350 §3.2 and 2426 §5.8.1: a line break followed by one space or tab
 * continues the line, and that one whitespace character is removed) and QUOTED-PRINTABLE soft
 * breaks (a 2.1 value ending in "=" continues on the next line, which need not be indented).
 */
export function unfold(text: string): ContentLine[] {
  const out: ContentLine[] = [];
  for (const [index, raw] of physicalLines(text).entries()) {
    const last = out[out.length - 1];
    if (last && endsWithSoftBreak(last)) {
      last.text = last.text.slice(0, -1) + raw;
    } else if (last && last.text !== '' && (raw.startsWith(' ') || raw.startsWith('\t'))) {
      last.text += raw.slice(1);
    } else {
      out.push({ line: index + 1, text: raw });
    }
  }
  return out;
}

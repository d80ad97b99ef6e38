/** QUOTED-PRINTABLE, as vCard 2.1 (Android, old Nokia and Outlook exports) encodes non-ASCII text. */

const HEX_PAIR = /^[0-9A-Fa-f]{2}$/;

function decoderFor(charset: string): TextDecoder {
  try {
    return new TextDecoder(charset === '' ? 'utf-8' : charset);
  } catch {
    // An unknown CHARSET label: UTF-8 is what every current phone writes.
    return new TextDecoder('utf-8');
  }
}

/**
 * "=C3=89lodie" → "Élodie". The =XX escapes are bytes in `charset`, so they are gathered into
 * bytes first and decoded together (one character may span several escapes). Soft line breaks
 * ("=" at a line end) are normally joined by the unfolder already; any left are dropped here.
 */
export function decodeQuotedPrintable(encoded: string, charset: string): string {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  let i = 0;
  while (i < encoded.length) {
    const char = encoded.charAt(i);
    const pair = encoded.slice(i + 1, i + 3);
    if (char === '=' && HEX_PAIR.test(pair)) {
      bytes.push(Number.parseInt(pair, 16));
      i += 3;
    } else if (char === '=' && /^(\r\n|\n|\r)/.test(encoded.slice(i + 1))) {
      i += encoded.startsWith('\r\n', i + 1) ? 3 : 2;
    } else {
      const codePoint = encoded.codePointAt(i) ?? 0;
      const text = String.fromCodePoint(codePoint);
      bytes.push(...encoder.encode(text));
      i += text.length;
    }
  }
  return decoderFor(charset.trim().toLowerCase()).decode(new Uint8Array(bytes));
}

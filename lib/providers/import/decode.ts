/**
 * File bytes → text. `File.text()` always assumes UTF-8, but Outlook writes CSV in the
 * Windows code page and Excel's "Unicode text" is UTF-16; both would arrive garbled.
 */

/**
 * Windows-1252's 0x80–0x9F (€, „, “, ” …), written out because some runtimes' TextDecoder
 * (Node before 23) decode "windows-1252" as Latin-1 there, which the unit tests run on.
 * Undefined positions (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay as their C1 code points, as in WHATWG.
 */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += byte >= 0x80 && byte <= 0x9f ? HIGH.charAt(byte - 0x80) : String.fromCharCode(byte);
  }
  return text;
}

export function decodeFileBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    // The UTF-8 BOM is removed by the decoder (ignoreBOM is false by default).
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not valid UTF-8: the legacy Western code page is what Outlook and old Excel write.
    return decodeWindows1252(bytes);
  }
}

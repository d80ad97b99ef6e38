// Reads SIP-over-WebSocket traffic as it crosses the wire (the bytes a TCP proxy passes on, e.g.
// stall-proxy.mjs's `onData`) and records every WebSocket frame: when, which way, its size on
// the wire (frame header, mask and payload) and what it carries. Nothing is re-encoded: the
// sizes are the extension's and Kamailio's own frames. The HTTP upgrade is recorded as one
// 'handshake' entry per direction.
//
// Kinds: 'keepalive' (a payload of CR/LF only: RFC 5626's double-CRLF ping and its CRLF pong),
// 'register' (a REGISTER request or a response whose CSeq is REGISTER), 'sip' (any other SIP
// message), 'control' (WebSocket ping, pong, close), 'handshake'.

/** @typedef {{ at: number, connection: number, direction: 'up'|'down', kind: string, bytes: number, text: string }} MeteredFrame */

const epoch = () => performance.timeOrigin + performance.now();

/** @param {string} text */
function kindOf(text) {
  if (/^[\r\n]+$/.test(text)) return 'keepalive';
  const isRegister = text.startsWith('REGISTER ') || (text.startsWith('SIP/2.0 ') && /\r\nCSeq:\s*\d+\s+REGISTER\r\n/i.test(text));
  return isRegister ? 'register' : 'sip';
}

/**
 * Parses one direction of one connection. Returns a function to feed it chunks.
 * @param {(frame: Omit<MeteredFrame, 'at'|'connection'|'direction'>) => void} emit
 */
function directionParser(emit) {
  let buffer = Buffer.alloc(0);
  let upgraded = false;
  return (/** @type {Buffer} */ chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    if (!upgraded) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      emit({ kind: 'handshake', bytes: end + 4, text: buffer.subarray(0, end).toString() });
      buffer = buffer.subarray(end + 4);
      upgraded = true;
    }
    for (;;) {
      if (buffer.length < 2) return;
      const opcode = buffer[0] & 0x0f;
      const masked = (buffer[1] & 0x80) !== 0;
      let length = buffer[1] & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffer.length < 4) return;
        length = buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffer.length < 10) return;
        length = Number(buffer.readBigUInt64BE(2));
        offset = 10;
      }
      const maskAt = offset;
      if (masked) offset += 4;
      if (buffer.length < offset + length) return;
      const payload = Buffer.from(buffer.subarray(offset, offset + length));
      if (masked) for (let i = 0; i < payload.length; i++) payload[i] ^= buffer[maskAt + (i % 4)];
      const text = payload.toString();
      emit({ kind: opcode >= 8 ? 'control' : kindOf(text), bytes: offset + length, text });
      buffer = buffer.subarray(offset + length);
    }
  };
}

/** A meter: pass `onData` to startStallProxy; `frames` fills as traffic crosses. */
export function startWsMeter() {
  /** @type {MeteredFrame[]} */
  const frames = [];
  /** @type {Map<string, (chunk: Buffer) => void>} */
  const parsers = new Map();
  return {
    frames,
    /** @param {number} connection @param {'up'|'down'} direction @param {Buffer} chunk */
    onData(connection, direction, chunk) {
      const key = `${connection}/${direction}`;
      let parse = parsers.get(key);
      if (!parse) {
        parse = directionParser((f) => frames.push({ at: epoch(), connection, direction, ...f }));
        parsers.set(key, parse);
      }
      parse(chunk);
    },
  };
}

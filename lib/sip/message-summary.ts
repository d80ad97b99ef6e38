/**
 * RFC 3842 `application/simple-message-summary`: whether a mailbox has messages waiting, and how
 * many new and old voice messages it holds. A body that is not one (garbled, hostile, too long)
 * gives null, never an exception: the caller logs it and keeps what it knew.
 */
export interface MessageSummary {
  /** "Messages-Waiting: yes". */
  waiting: boolean;
  /** New voice messages ("Voice-Message: new/old"); null when the summary gives no count. */
  newMessages: number | null;
  oldMessages: number | null;
}

/** A summary is a few lines; anything far longer is not one. */
const MAX_BODY = 8192;
/** More than any mailbox holds: a count beyond it is garbage. */
const MAX_COUNT = 99_999;

function count(text: string): number | null {
  if (!/^\d{1,6}$/.test(text)) return null;
  const n = Number(text);
  return n <= MAX_COUNT ? n : null;
}

export function parseMessageSummary(body: string): MessageSummary | null {
  if (typeof body !== 'string' || body.length > MAX_BODY) return null;
  let waiting: boolean | null = null;
  let voice: { newMessages: number; oldMessages: number } | null = null;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'messages-waiting') {
      const v = value.toLowerCase();
      if (v !== 'yes' && v !== 'no') return null;
      waiting = v === 'yes';
    } else if (name === 'voice-message') {
      // "new/old" with an optional "(urgent-new/urgent-old)"
      const m = /^(\d+)\s*\/\s*(\d+)(?:\s*\(\s*\d+\s*\/\s*\d+\s*\))?$/.exec(value);
      const n = m ? count(m[1]!) : null;
      const o = m ? count(m[2]!) : null;
      if (n === null || o === null) return null;
      voice = { newMessages: n, oldMessages: o };
    }
  }
  // The status line is the one thing RFC 3842 requires.
  if (waiting === null) return null;
  return { waiting, newMessages: voice?.newMessages ?? null, oldMessages: voice?.oldMessages ?? null };
}

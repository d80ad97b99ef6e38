/** The one DTMF rule: what a keypad may send (RFC 4733 events 0–9, *, #, A–D). */
export const isDtmf = (digits: string): boolean => /^[0-9*#A-D]+$/.test(digits);

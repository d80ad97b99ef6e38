import type { MessageKey } from './i18n';

/**
 * What a SIP final response means to the person who placed the call, in plain words; the code and
 * its reason phrase go to a small details line, never in the sentence.
 */
const CALL_REASONS: [codes: number[], key: MessageKey][] = [
  [[404, 484, 604], 'sip.reason.notFound'],
  [[486, 600], 'sip.reason.busy'],
  [[480, 408], 'sip.reason.noAnswer'],
  [[603], 'sip.reason.declined'],
  [[401, 403, 407], 'sip.reason.forbidden'],
  [[488, 606], 'sip.reason.media'],
  [[500, 502, 503, 504], 'sip.reason.serverDown'],
];

export function callFailureKey(statusCode: number): MessageKey {
  return CALL_REASONS.find(([codes]) => codes.includes(statusCode))?.[1] ?? 'sip.reason.other';
}

/** "SIP 404 Not Found": the details line under a plain sentence. */
export function sipDetails(statusCode: string, reasonPhrase: string): string {
  return ['SIP', statusCode, reasonPhrase].filter(Boolean).join(' ');
}

/** A browser's word for "no answer from that server" (Chrome, Firefox, Safari), not for people. */
export function isNetworkFailure(message: string): boolean {
  return /^(Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed)$/.test(message);
}

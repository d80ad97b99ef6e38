import { phoneError, type PhoneError } from '../errors';

/**
 * What a REGISTER's failure answer means for the phone. Only a refusal of the account itself is
 * final (the phone waits for the user: new settings, or Try again); a timeout says the line is
 * dead (SIP.js makes its own 408 when no answer came in 32 s); anything else is the server's
 * trouble of the moment, and the phone keeps trying.
 */
export type RegisterRefusal =
  | { kind: 'final'; error: PhoneError }
  | { kind: 'deadLine'; reason: string }
  | { kind: 'retry'; error: PhoneError };

/** 401/407: the credentials are wrong (SIP.js has already answered the first challenge); 403: refused; 404: no such user. */
const ACCOUNT_REFUSED = [401, 403, 404, 407];

export function registerRefusal(statusCode: number, reasonPhrase: string): RegisterRefusal {
  const reason = `${statusCode} ${reasonPhrase}`.trim();
  if (ACCOUNT_REFUSED.includes(statusCode)) return { kind: 'final', error: phoneError('authFailed', reason) };
  if (statusCode === 408) return { kind: 'deadLine', reason: `REGISTER: ${reason}` };
  return { kind: 'retry', error: phoneError('registrationRetry', reason) };
}

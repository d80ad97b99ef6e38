import { t, type MessageKey } from './i18n';
import { callFailureKey, sipDetails } from './plain-words';

/** Every failure a user can meet, mirroring Odoo's troubleshooting list, each with a fix. */
export const ERROR_CODES = [
  'missingParameter',
  'incorrectNumber',
  'websocketLost',
  'registrationRetry',
  'userAgentStart',
  'missingSecret',
  'authFailed',
  'micDenied',
  'micMissing',
  'callRejected',
  'callDropped',
  'transferFailed',
  'conferenceFailed',
  'notRegistered',
  'busy',
  'turnFailed',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** What the user should do next; the UI turns each into a button. */
export type ErrorAction = 'openSettings' | 'openMicPage' | 'retry' | 'dismiss';

export interface PhoneError {
  code: ErrorCode;
  /** Fills the message placeholders (never contains a secret). */
  args: string[];
}

export function phoneError(code: ErrorCode, ...args: string[]): PhoneError {
  return { code, args };
}

const ACTIONS: Record<ErrorCode, ErrorAction> = {
  missingParameter: 'openSettings',
  incorrectNumber: 'dismiss',
  websocketLost: 'retry',
  registrationRetry: 'retry',
  userAgentStart: 'openSettings',
  missingSecret: 'openSettings',
  authFailed: 'openSettings',
  micDenied: 'openMicPage',
  micMissing: 'retry',
  callRejected: 'dismiss',
  callDropped: 'dismiss',
  transferFailed: 'dismiss',
  conferenceFailed: 'dismiss',
  notRegistered: 'openSettings',
  busy: 'dismiss',
  turnFailed: 'openSettings',
  internal: 'dismiss',
};

export interface ErrorText {
  title: string;
  message: string;
  hint: string;
  /** The technical words behind it (a SIP code, the engine's own phrase) for a small details line; '' when none. */
  details: string;
  action: ErrorAction;
}

/** Missing Parameter names settings fields by key; show their labels instead. */
function fieldLabels(keys: string): string {
  return keys
    .split(/,\s*/)
    .map((k) => t(`field.${k}` as MessageKey) || k)
    .join(', ');
}

/** The technical words a user does not need to read, but support may ask for. */
function details(error: PhoneError): string {
  const [first = '', second = ''] = error.args;
  switch (error.code) {
    case 'callRejected': return sipDetails(second, first);
    case 'authFailed':
    case 'registrationRetry': return sipDetails(first, '');
    case 'transferFailed': return second;
    case 'userAgentStart': return 'Failed to start the user agent';
    default: return '';
  }
}

export function describeError(error: PhoneError): ErrorText {
  const key = (part: string) => `error.${error.code}.${part}` as MessageKey;
  const args = error.code === 'missingParameter' ? error.args.map(fieldLabels) : error.args;
  return {
    title: t(key('title')),
    // A refused call says what its SIP code means for the caller, not the code.
    message: error.code === 'callRejected' ? t(callFailureKey(Number(error.args[1]))) : t(key('message'), ...args),
    hint: t(key('hint'), ...args),
    details: details(error),
    action: ACTIONS[error.code],
  };
}

import { t, type MessageKey } from './i18n';

/** Every failure a user can meet, mirroring Odoo's troubleshooting list, each with a fix. */
export const ERROR_CODES = [
  'missingParameter',
  'incorrectNumber',
  'websocketLost',
  'userAgentStart',
  'missingSecret',
  'authFailed',
  'micDenied',
  'micMissing',
  'callRejected',
  'callDropped',
  'transferFailed',
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
  userAgentStart: 'openSettings',
  missingSecret: 'openSettings',
  authFailed: 'openSettings',
  micDenied: 'openMicPage',
  micMissing: 'retry',
  callRejected: 'dismiss',
  callDropped: 'dismiss',
  transferFailed: 'dismiss',
  notRegistered: 'openSettings',
  busy: 'dismiss',
  turnFailed: 'openSettings',
  internal: 'dismiss',
};

export interface ErrorText {
  title: string;
  message: string;
  hint: string;
  action: ErrorAction;
}

/** Missing Parameter names settings fields by key; show their labels instead. */
function fieldLabels(keys: string): string {
  return keys
    .split(/,\s*/)
    .map((k) => t(`field.${k}` as MessageKey) || k)
    .join(', ');
}

export function describeError(error: PhoneError): ErrorText {
  const key = (part: string) => `error.${error.code}.${part}` as MessageKey;
  const args = error.code === 'missingParameter' ? error.args.map(fieldLabels) : error.args;
  return {
    title: t(key('title')),
    message: t(key('message'), ...args),
    hint: t(key('hint'), ...args),
    action: ACTIONS[error.code],
  };
}

/**
 * A REFER whose outcome the far end reports in NOTIFYs (RFC 3515): a sipfrag status 2xx means
 * the transfer took, 3xx and above that it failed; no answer within 30 s is a failure too. Only
 * the first outcome is told. Returns a function that stops waiting (the call went meanwhile).
 */
import type { Session, URI } from 'sip.js';

const SIPFRAG_STATUS = /^SIP\/2\.0\s+(\d{3})\s*(.*)$/m;
const CONFIRM_TIMEOUT_MS = 30_000;

export interface ReferOutcome {
  confirmed(): void;
  failed(reason: string): void;
}

export function referAndConfirm(session: Session, target: URI, outcome: ReferOutcome): () => void {
  let waiting = true;
  const stop = () => {
    waiting = false;
    clearTimeout(timer);
  };
  const once = (tell: () => void) => {
    if (!waiting) return;
    stop();
    tell();
  };
  const failed = (reason: string) => once(() => outcome.failed(reason));
  const timer = setTimeout(() => failed('no confirmation within 30 s'), CONFIRM_TIMEOUT_MS);
  session
    .refer(target, {
      requestDelegate: {
        onReject: (response) => failed(`${response.message.statusCode} ${response.message.reasonPhrase}`),
      },
      onNotify: (notification) => {
        void notification.accept().catch(() => undefined);
        const match = SIPFRAG_STATUS.exec(notification.request.body ?? '');
        if (!match) return;
        const code = Number(match[1]);
        if (code >= 200 && code < 300) once(() => outcome.confirmed());
        else if (code >= 300) failed(`${code} ${match[2] ?? ''}`.trim());
      },
    })
    .catch((e: unknown) => failed(e instanceof Error ? e.message : String(e)));
  return stop;
}

/**
 * A REFER and the far end's word on it (RFC 3515). Two ways to wait:
 * - `accepted` (blind transfer): the far end took the job as soon as it answers 202 or sends its
 *   first NOTIFY; from then on the transfer is its business and our leg may end.
 * - `connected` (attended transfer, REFER with Replaces): only a NOTIFY whose sipfrag says 2xx means
 *   the two far ends talk to each other; until then both our calls stay.
 * A refusal (the REFER's own 4xx–6xx, or a NOTIFY saying 3xx or more) or no word within 30 s is a
 * failure. Only the first outcome is told. Returns a function that stops waiting (the call went).
 */
import type { Session, URI } from 'sip.js';

const SIPFRAG_STATUS = /^SIP\/2\.0\s+(\d{3})\s*(.*)$/m;
const CONFIRM_TIMEOUT_MS = 30_000;

export type ReferWait = 'accepted' | 'connected';

export interface ReferOutcome {
  confirmed(): void;
  failed(reason: string): void;
}

export function referAndConfirm(session: Session, target: URI, wait: ReferWait, outcome: ReferOutcome): () => void {
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
  const confirmed = () => once(() => outcome.confirmed());
  const timer = setTimeout(() => failed('no answer within 30 s'), CONFIRM_TIMEOUT_MS);
  session
    .refer(target, {
      requestDelegate: {
        onAccept: () => {
          if (wait === 'accepted') confirmed();
        },
        onReject: (response) => failed(`${response.message.statusCode} ${response.message.reasonPhrase}`),
      },
      onNotify: (notification) => {
        void notification.accept().catch(() => undefined);
        const match = SIPFRAG_STATUS.exec(notification.request.body ?? '');
        const code = match ? Number(match[1]) : 0;
        if (code >= 300) failed(`${code} ${match?.[2] ?? ''}`.trim());
        else if (wait === 'accepted' || (code >= 200 && code < 300)) confirmed();
      },
    })
    .catch((e: unknown) => failed(e instanceof Error ? e.message : String(e)));
  return stop;
}

/** An in-dialog re-INVITE with new session description options (hold, ICE restart), and its outcome. */
import type { Session } from 'sip.js';

export interface ReinviteOutcome {
  accepted(): void;
  refused(reason: string): void;
}

export function reinvite(session: Session, options: { hold: boolean; offerOptions?: { iceRestart: boolean } }, outcome: ReinviteOutcome): void {
  const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));
  session.sessionDescriptionHandlerOptionsReInvite = options as object;
  try {
    session
      .invite({
        requestDelegate: {
          onAccept: () => outcome.accepted(),
          onReject: (response) => outcome.refused(`${response.message.statusCode} ${response.message.reasonPhrase}`.trim()),
        },
      })
      .catch((e: unknown) => outcome.refused(reason(e)));
  } catch (e) {
    // SIP.js throws at once when a re-INVITE cannot be sent now (another one in flight).
    outcome.refused(reason(e));
  }
}

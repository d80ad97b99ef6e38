import { phoneError, type PhoneError } from '../errors';
import { t } from '../i18n';
import { TurnFailure } from './fast-ice';

/** Maps a getUserMedia failure to what the user must do about it. */
export function mediaError(error: unknown): PhoneError | null {
  const name = error instanceof Error ? error.name : '';
  const text = error instanceof Error ? error.message : String(error);
  if (name === 'NotAllowedError' || /permission|not ?allowed|denied/i.test(text)) return phoneError('micDenied');
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || /not ?found|no device|requested device/i.test(text)) {
    return phoneError('micMissing');
  }
  return null;
}

/** Why a call could not be set up: the microphone, the TURN relay, or (named as it came) anything else. */
export function setupError(error: unknown): PhoneError {
  const media = mediaError(error);
  if (media) return media;
  if (error instanceof TurnFailure) {
    // Firefox reports no icecandidateerror: there the code stays 0 and the reason is general.
    const why =
      error.code === 401 ? t('turn.reason.credential') : error.code >= 700 ? t('turn.reason.unreachable') : error.code === 0 ? t('turn.reason.none') : String(error.code);
    return phoneError('turnFailed', error.server, why);
  }
  return phoneError('internal', error instanceof Error ? error.message : String(error));
}

/** What the Web session description handler offers; the test fake offers the same. */
export interface MediaHandler {
  enableSenderTracks?(enable: boolean): void;
  enableReceiverTracks?(enable: boolean): void;
  sendDtmf?(tones: string, options?: { duration: number; interToneGap: number }): boolean;
}

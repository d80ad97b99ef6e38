import { phoneError, type PhoneError } from '../errors';

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

/** What the Web session description handler offers; the test fake offers the same. */
export interface MediaHandler {
  enableSenderTracks?(enable: boolean): void;
  enableReceiverTracks?(enable: boolean): void;
  sendDtmf?(tones: string, options?: { duration: number; interToneGap: number }): boolean;
}

import type { Session } from 'sip.js';
import type { Logger } from '../log';

/** The one DTMF rule: what a keypad may send (RFC 4733 events 0–9, *, #, A–D). */
export const isDtmf = (digits: string): boolean => /^[0-9*#A-D]+$/.test(digits);

/** SIP INFO (application/dtmf-relay), one request per digit, in order: for far ends without RFC 4733. */
export async function sendDtmfByInfo(session: Session, digits: string, logger: Logger): Promise<void> {
  for (const digit of digits) {
    await session
      .info({
        requestOptions: {
          body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${digit}\r\nDuration=100` },
        },
      })
      .catch((e: unknown) => logger.debug('INFO failed', e));
  }
}

import type { SessionDescriptionHandler, SessionDescriptionHandlerFactory } from 'sip.js';

/** What a test can see of one call's media. */
export interface FakeMediaRecord {
  senderEnabled: boolean;
  receiverEnabled: boolean;
  dtmfViaRtp: string[];
  lastHold: boolean | undefined;
  closed: boolean;
}

export interface FakeMediaOptions {
  /** false: the far end negotiated no telephone-event, so RFC 4733 is impossible. */
  rtpDtmf: boolean;
  /** Make getUserMedia fail with this DOMException name. */
  failWith?: string;
}

const SDP = (hold: boolean) =>
  ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', 'm=audio 9 RTP/AVP 0 101',
    'a=rtpmap:101 telephone-event/8000', hold ? 'a=sendonly' : 'a=sendrecv', ''].join('\r\n');

/** A session description handler without WebRTC: static SDP, and a record of what was asked. */
export function fakeMediaFactory(options: FakeMediaOptions, records: FakeMediaRecord[]): SessionDescriptionHandlerFactory {
  return () => {
    const record: FakeMediaRecord = { senderEnabled: true, receiverEnabled: true, dtmfViaRtp: [], lastHold: undefined, closed: false };
    records.push(record);
    const sdh: SessionDescriptionHandler & { enableSenderTracks(on: boolean): void; enableReceiverTracks(on: boolean): void } = {
      close: () => {
        record.closed = true;
      },
      getDescription: async (opts) => {
        if (options.failWith) {
          const error = new Error('Permission denied');
          error.name = options.failWith;
          throw error;
        }
        const hold = (opts as { hold?: boolean } | undefined)?.hold === true;
        record.lastHold = hold;
        return { body: SDP(hold), contentType: 'application/sdp' };
      },
      hasDescription: (contentType) => contentType === 'application/sdp',
      setDescription: async () => undefined,
      sendDtmf: (tones) => {
        if (!options.rtpDtmf) return false;
        record.dtmfViaRtp.push(tones);
        return true;
      },
      enableSenderTracks: (on) => {
        record.senderEnabled = on;
      },
      enableReceiverTracks: (on) => {
        record.receiverEnabled = on;
      },
    };
    return sdh;
  };
}

export const FAKE_SDP = SDP(false);

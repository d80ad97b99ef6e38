import { Web, type SessionDescriptionHandlerFactory } from 'sip.js';

/** The parts of an ICE candidate the strategy looks at. */
export interface CandidateInfo {
  protocol: string | null | undefined;
  type: string | null | undefined;
}

/**
 * Whether this candidate is enough to send the offer. Without STUN/TURN servers nothing better
 * than a UDP host candidate will come (Chromium still spends ~115 ms on TCP candidates that
 * PBXs do not use); with servers, wait for a reflexive or relayed one.
 */
export function candidateEndsGathering(candidate: CandidateInfo, hasIceServers: boolean): boolean {
  if (candidate.protocol !== 'udp') return false;
  if (!hasIceServers) return candidate.type === 'host';
  return candidate.type === 'srflx' || candidate.type === 'relay';
}

/** Other interfaces' candidates arrive within a millisecond or two of the first. */
const SETTLE_MS = 4;

/**
 * SIP.js's WebRTC session description handler, but the offer goes out as soon as a usable
 * candidate is there instead of when the browser declares gathering complete.
 */
export function fastIceFactory(iceServers: RTCIceServer[], mediaStreamFactory?: Web.MediaStreamFactory): SessionDescriptionHandlerFactory {
  const base = Web.defaultSessionDescriptionHandlerFactory(mediaStreamFactory);
  const hasIceServers = iceServers.length > 0;
  return (session, options) => {
    const sdh = base(session, options) as Web.SessionDescriptionHandler;
    let timer: ReturnType<typeof setTimeout> | undefined;
    sdh.peerConnectionDelegate = {
      onicecandidate: (event: RTCPeerConnectionIceEvent) => {
        const c = event.candidate;
        if (!c || !candidateEndsGathering(c, hasIceServers)) return;
        clearTimeout(timer);
        timer = setTimeout(() => sdh.iceGatheringComplete(), SETTLE_MS);
      },
    };
    return sdh;
  };
}

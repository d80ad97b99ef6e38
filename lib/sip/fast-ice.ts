import { Web, type SessionDescriptionHandlerFactory } from 'sip.js';
import type { IceConfig } from './types';

/** The parts of an ICE candidate the strategy looks at. */
export interface CandidateInfo {
  protocol: string | null | undefined;
  type: string | null | undefined;
}

/** What kind of servers the phone was given. */
export interface IceServerKinds {
  stun: boolean;
  turn: boolean;
}

export const NO_ICE: IceConfig = { iceServers: [], relayOnly: false };

export function serverKinds(iceServers: RTCIceServer[]): IceServerKinds {
  const urls = iceServers.flatMap((s) => (Array.isArray(s.urls) ? s.urls : [s.urls]));
  return { stun: urls.some((u) => /^stuns?:/i.test(u)), turn: urls.some((u) => /^turns?:/i.test(u)) };
}

/**
 * Whether this candidate is enough to send the offer: the best kind the servers can give. Without
 * servers nothing better than a UDP host candidate will come (Chromium still spends ~115 ms on TCP
 * candidates that PBXs do not use); with STUN only, the reflexive one; with TURN, the relayed one
 * (TURN is set up because the other kinds may not get through).
 */
export function candidateEndsGathering(candidate: CandidateInfo, kinds: IceServerKinds): boolean {
  if (candidate.type === 'relay') return kinds.turn;
  if (candidate.protocol !== 'udp' || kinds.turn) return false;
  return candidate.type === (kinds.stun ? 'srflx' : 'host');
}

/**
 * The fallback when the wanted candidate never comes: short without servers (the host candidate
 * comes in a few ms), longer with them (a TURN allocation takes two round trips to the server).
 */
export function gatheringTimeoutMs(ice: IceConfig): number {
  return ice.iceServers.length > 0 ? 2_000 : 500;
}

/** Why the TURN server gave no relay address; named to the user (`turnFailed`). */
export class TurnFailure extends Error {
  constructor(
    readonly server: string,
    /** STUN error code (401 wrong credential, 701 unreachable), 0 when none came. */
    readonly code: number,
  ) {
    super(`TURN server ${server} gave no relay address (${code})`);
    this.name = 'TurnFailure';
  }
}

/** Other interfaces' candidates arrive within a millisecond or two of the first. */
const SETTLE_MS = 4;

/**
 * SIP.js's WebRTC session description handler, but the offer goes out as soon as a usable
 * candidate is there instead of when the browser declares gathering complete. A TURN server that
 * refuses ends gathering too; with "relay only" the call then fails naming TURN (it could only
 * be silent otherwise).
 */
export function fastIceFactory(ice: IceConfig, mediaStreamFactory?: Web.MediaStreamFactory): SessionDescriptionHandlerFactory {
  const base = Web.defaultSessionDescriptionHandlerFactory(mediaStreamFactory);
  const kinds = serverKinds(ice.iceServers);
  const firstTurn = ice.iceServers.flatMap((s) => (Array.isArray(s.urls) ? s.urls : [s.urls])).find((u) => /^turns?:/i.test(u)) ?? '';
  return (session, options) => {
    const sdh = base(session, options) as Web.SessionDescriptionHandler;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let relayed = false;
    let turnError: { url: string; code: number } | null = null;
    const endSoon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => sdh.iceGatheringComplete(), SETTLE_MS);
    };
    sdh.peerConnectionDelegate = {
      onicecandidate: (event: RTCPeerConnectionIceEvent) => {
        const c = event.candidate;
        if (c?.type === 'relay') relayed = true;
        if (c && candidateEndsGathering(c, kinds)) endSoon();
      },
      onicecandidateerror: (event: RTCPeerConnectionIceErrorEvent) => {
        if (!/^turns?:/i.test(event.url)) return;
        turnError = { url: event.url, code: event.errorCode };
        endSoon();
      },
    };
    const getDescription = sdh.getDescription.bind(sdh);
    sdh.getDescription = async (opts, modifiers) => {
      const description = await getDescription(opts, modifiers);
      if (ice.relayOnly && !relayed) {
        const failure = turnError as { url: string; code: number } | null;
        throw new TurnFailure(failure?.url ?? firstTurn, failure?.code ?? 0);
      }
      return description;
    };
    return sdh;
  };
}

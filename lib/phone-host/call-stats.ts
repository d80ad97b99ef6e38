/** What a call's peer connection reports: RTP counters and the ICE pair media goes over. */
export interface CallStats {
  packetsSent: number;
  packetsReceived: number;
  /** The far end's audio energy received so far (grows while it is heard). */
  energyReceived: number;
  /** Packets the far end sent that never arrived, so far (for the call-quality estimate). */
  packetsLost: number;
  /** Interarrival jitter of the received audio, ms. */
  jitterMs: number;
  /** The selected ICE pair's round-trip time, ms (0 before it is measured). */
  rttMs: number;
  /** Candidate types of the selected pair ('host', 'srflx', 'relay', 'prflx'), '' before one is chosen. */
  localCandidate: string;
  remoteCandidate: string;
}

export const NO_STATS: CallStats = {
  packetsSent: 0, packetsReceived: 0, energyReceived: 0, packetsLost: 0, jitterMs: 0, rttMs: 0, localCandidate: '', remoteCandidate: '',
};

interface Report {
  type: string;
  kind?: string;
  packetsSent?: number;
  packetsReceived?: number;
  totalAudioEnergy?: number;
  packetsLost?: number;
  jitter?: number;
  currentRoundTripTime?: number;
  selectedCandidatePairId?: string;
  localCandidateId?: string;
  remoteCandidateId?: string;
  candidateType?: string;
}

export async function callStats(pc: RTCPeerConnection): Promise<CallStats> {
  const reports = new Map<string, Report>();
  (await pc.getStats()).forEach((r: Report & { id: string }) => reports.set(r.id, r));
  const out = { ...NO_STATS };
  let pairId = '';
  for (const r of reports.values()) {
    if (r.type === 'outbound-rtp' && r.kind === 'audio') out.packetsSent += r.packetsSent ?? 0;
    if (r.type === 'inbound-rtp' && r.kind === 'audio') {
      out.packetsReceived += r.packetsReceived ?? 0;
      out.energyReceived += r.totalAudioEnergy ?? 0;
      out.packetsLost += Math.max(0, r.packetsLost ?? 0);
      out.jitterMs = Math.max(out.jitterMs, (r.jitter ?? 0) * 1000);
    }
    if (r.type === 'transport' && r.selectedCandidatePairId) pairId = r.selectedCandidatePairId;
  }
  const pair = reports.get(pairId);
  out.rttMs = (pair?.currentRoundTripTime ?? 0) * 1000;
  out.localCandidate = reports.get(pair?.localCandidateId ?? '')?.candidateType ?? '';
  out.remoteCandidate = reports.get(pair?.remoteCandidateId ?? '')?.candidateType ?? '';
  return out;
}

import type { HostDiagnostics } from './host';

declare global {
  var softphoneDiagnostics: HostDiagnostics | undefined;
}

/** Lets e2e tests and a developer console read ringtone and RTP counters; holds no secret. */
export function exposeDiagnostics(host: HostDiagnostics): void {
  globalThis.softphoneDiagnostics = {
    ringtone: () => host.ringtone(),
    rtpStats: (callId) => host.rtpStats(callId),
    remoteTone: (callId) => host.remoteTone(callId),
    callDevices: (callId) => host.callDevices(callId),
  };
}

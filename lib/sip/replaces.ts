import { URI, type Session } from 'sip.js';

/**
 * A Refer-To target with headers. SIP.js writes a URI target as is, but a URI carrying `?headers`
 * must be in angle brackets (the name-addr form, RFC 3261 §20.10, RFC 3515): written bare, the far
 * end cannot parse the REFER (a SIP.js phone drops it without a word).
 */
class ReferToUri extends URI {
  override toString(): string {
    return `<${super.toString()}>`;
  }
}

/**
 * The Refer-To of an attended transfer (RFC 3891): the other call's far end, by its address of
 * record rather than its Contact (a PBX routes an AOR; a WebSocket client's Contact is an alias only
 * the PBX's own record resolves), with a Replaces header naming that call's dialog from the far
 * end's side: to-tag is its tag (our remote tag), from-tag ours.
 */
export function replacesUri(other: Session): URI | undefined {
  const dialog = other.dialog;
  if (!dialog) return undefined;
  const aor = other.remoteIdentity.uri;
  const replaces = encodeURIComponent(`${dialog.callId};to-tag=${dialog.remoteTag};from-tag=${dialog.localTag}`);
  return new ReferToUri(aor.scheme, aor.user ?? '', aor.host, aor.port, undefined, { Replaces: [replaces] });
}

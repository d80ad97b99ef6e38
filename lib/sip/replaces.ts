import type { Session, URI } from 'sip.js';

/**
 * The Refer-To of an attended transfer (RFC 3891): the other call's far end, by its address of
 * record rather than its Contact (a PBX routes an AOR; a WebSocket client's Contact is an alias only
 * the PBX's own record resolves), with a Replaces header naming that call's dialog from the far
 * end's side: to-tag is its tag (our remote tag), from-tag ours.
 */
export function replacesUri(other: Session): URI | undefined {
  const dialog = other.dialog;
  if (!dialog) return undefined;
  const uri = other.remoteIdentity.uri.clone();
  uri.deleteHeader('replaces');
  uri.setHeader('Replaces', encodeURIComponent(`${dialog.callId};to-tag=${dialog.remoteTag};from-tag=${dialog.localTag}`));
  return uri;
}

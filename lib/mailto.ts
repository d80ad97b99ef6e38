import { checkAddress } from './email-address';

/** A mailto: URL for the user's mail app (RFC 6068); every part percent-encoded. */
export function mailtoUrl(draft: { to: string; subject: string; body: string }): string {
  const to = draft.to
    .split(/[;,]/)
    .map((a) => a.trim())
    .filter(Boolean)
    .map(encodeURIComponent)
    .join(',');
  const params = new URLSearchParams();
  if (draft.subject) params.set('subject', draft.subject);
  if (draft.body) params.set('body', draft.body.replace(/\r?\n/g, '\r\n'));
  const query = params.toString().replace(/\+/g, '%20');
  return `mailto:${to}${query ? `?${query}` : ''}`;
}

/** The recipients that are not valid addresses (empty when all are fine). */
export function invalidRecipients(to: string): string[] {
  const list = to.split(/[;,]/).map((a) => a.trim()).filter(Boolean);
  if (list.length === 0) return [''];
  return list.filter((a) => checkAddress(a) !== 'ok');
}

/** The recipients refused because they hold URL syntax ("?bcc=…"): a subset of the invalid ones. */
export function unsafeRecipients(to: string): string[] {
  return to.split(/[;,]/).map((a) => a.trim()).filter((a) => a !== '' && checkAddress(a) === 'unsafe');
}

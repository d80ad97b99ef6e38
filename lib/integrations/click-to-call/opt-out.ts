/** The page-level opt-out: `<meta name="softphone" content="off">` leaves the page untouched. */
export function optedOut(doc: Document): boolean {
  const meta = doc.querySelector('meta[name="softphone" i]');
  return meta?.getAttribute('content')?.trim().toLowerCase() === 'off';
}
